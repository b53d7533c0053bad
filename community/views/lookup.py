"""Finding forum objects for a request: what the user may not see is not found."""

from django.shortcuts import get_object_or_404

from community.models import Discussion, ForumComment, ForumGroup


def visible_group(request, slug):
    return get_object_or_404(ForumGroup.objects.visible_to(request.user), slug=slug)


def visible_discussion(request, slug, discussion_id):
    return get_object_or_404(
        Discussion.objects.visible_to(request.user).select_related("group", "author__profile"),
        group__slug=slug,
        pk=discussion_id,
    )


def visible_comment(request, comment_id):
    return get_object_or_404(
        ForumComment.objects.visible_to(request.user).select_related("scope"), pk=comment_id
    )
