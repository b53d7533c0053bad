from django import template

from community.text import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Members' Markdown as sanitised HTML (community/text.py)."""
    return render_markdown(text)


@register.inclusion_tag("community/includes/page_comments.html", takes_context=True)
def page_comments(context, target):
    """The comments on a news page or a resource that the reader may see, and
    the form to add one (community/targets.py says what takes comments)."""
    from django.conf import settings

    from cms.paging import paginate
    from community.forms import PageCommentForm
    from community.models import ForumComment
    from community.targets import kind_of
    from community.threads import with_actions

    request = context["request"]
    comments = ForumComment.objects.on(target, seen_by=request.user)
    page = paginate(request, comments, settings.FORUM_COMMENTS_PAGE_SIZE)
    page.object_list = with_actions(list(page.object_list), request.user)
    reply_to = request.GET.get("reply", "")
    return {
        "request": request,
        "user": request.user,
        "comments": page,
        "kind": kind_of(target),
        "target": target,
        "form": PageCommentForm(request.user) if request.user.is_authenticated else None,
        "reply_to": reply_to if reply_to.isdigit() else "",
        "csrf_token": context.get("csrf_token"),
    }
