"""Finding forum objects for a request: what the user may not see is not found."""

from django.apps import apps
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404

from community.models import Discussion, ForumComment, ForumGroup
from community.targets import published


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


def find_target(kind, pk):
    """The published object of `kind` (FORUM_COMMENT_TARGETS) with id `pk`,
    which everyone sees, hence may comment on."""
    label = settings.FORUM_COMMENT_TARGETS.get(kind)
    if label is None:
        raise Http404
    model = apps.get_model(label)
    try:
        return published(model).get(pk=pk)
    except (ValueError, model.DoesNotExist) as missing:
        raise Http404 from missing
