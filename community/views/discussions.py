from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.paging import paginate
from community import moderation, posting
from community.forms import CommentForm, DiscussionForm
from community.models import Attachment, Discussion, ForumComment
from community.models.attachments import signed_for
from community.permissions import Refused, can_moderate_discussions, can_post
from community.threads import with_actions

from .lookup import visible_comment, visible_discussion, visible_group
from .refusals import refusal_page, submitted


@login_required
def discussion_create(request, slug):
    group = visible_group(request, slug)
    try:
        posting.require_membership(request.user, group)
    except Refused as refused:
        return refusal_page(request, refused, group)
    form = DiscussionForm(request.POST or None, request.FILES or None)
    discussion, status = submitted(
        request,
        form,
        lambda: posting.start_discussion(
            request.user,
            group,
            form.cleaned_data["title"],
            form.cleaned_data["body"],
            form.cleaned_data["attachment"],
        ),
    )
    if discussion is not None:
        return redirect(discussion)
    return render(
        request, "community/discussion_form.html", {"group": group, "form": form}, status=status
    )


def discussion_detail(request, slug, discussion_id):
    discussion = visible_discussion(request, slug, discussion_id)
    return render_discussion(request, discussion, CommentForm())


def render_discussion(request, discussion, form, status=200):
    comments = ForumComment.objects.on(discussion, seen_by=request.user)
    page = paginate(request, comments, settings.FORUM_COMMENTS_PAGE_SIZE)
    page.object_list = with_actions(
        list(page.object_list), request.user, open_for_replies=not discussion.locked
    )
    member = can_post(request.user, discussion.group)
    return render(
        request,
        "community/discussion_detail.html",
        {
            "group": discussion.group,
            "discussion": discussion,
            "comments": page,
            "form": form,
            # The form forum-reply.js opens under a comment; its own ids, so
            # that they do not clash with the form at the end of the thread.
            "reply_form": CommentForm(auto_id="reply_%s"),
            "can_comment": member and not discussion.locked,
            "can_manage": can_moderate_discussions(request.user, discussion.group),
            "edit_window": settings.FORUM_EDIT_WINDOW_MINUTES,
        },
        status=status,
    )


DISCUSSION_ACTIONS = {
    "pin": ({"pinned": True}, _("The discussion is pinned to the top of the group.")),
    "unpin": ({"pinned": False}, _("The discussion is no longer pinned.")),
    "lock": ({"locked": True}, _("The discussion is locked: it takes no new comments.")),
    "unlock": ({"locked": False}, _("The discussion takes comments again.")),
}


@login_required
@require_POST
def discussion_state(request, slug, discussion_id):
    """Owners and moderators pin, unpin, lock and unlock a discussion."""
    discussion = visible_discussion(request, slug, discussion_id)
    action = DISCUSSION_ACTIONS.get(request.POST.get("action"))
    if action is None:
        messages.error(request, _("Unknown action."))
        return redirect(discussion)
    changes, done = action
    try:
        posting.set_discussion_state(request.user, discussion, **changes)
    except Refused as refused:
        return refusal_page(request, refused, discussion)
    messages.success(request, done)
    return redirect(discussion)


@login_required
@require_POST
def comment_post(request, slug, discussion_id):
    discussion = visible_discussion(request, slug, discussion_id)
    form = CommentForm(request.POST, request.FILES)
    comment, status = submitted(
        request,
        form,
        lambda: posting.post_comment(
            request.user,
            discussion,
            form.cleaned_data["comment"],
            parent_id=form.cleaned_data["parent"],
            upload=form.cleaned_data["attachment"],
        ),
    )
    if comment is not None:
        return redirect(comment.get_absolute_url())
    return render_discussion(request, discussion, form, status=status)


@login_required
def comment_reply(request, slug, discussion_id, comment_id):
    """A reply's own page, where Reply leads without JavaScript: the comment
    it answers, quoted, above the form. Sent, back to the thread at the reply.
    A comment the user may not see is not found, like a missing one."""
    discussion = visible_discussion(request, slug, discussion_id)
    parent = get_object_or_404(
        ForumComment.objects.on(discussion, seen_by=request.user), pk=comment_id
    )
    try:
        posting.require_open_for_comments(request.user, discussion)
        posting.require_replyable(parent)
    except Refused as refused:
        return refusal_page(request, refused, discussion)
    form = CommentForm(request.POST or None, request.FILES or None)
    comment, status = submitted(
        request,
        form,
        lambda: posting.post_comment(
            request.user,
            discussion,
            form.cleaned_data["comment"],
            parent_id=parent.pk,
            upload=form.cleaned_data["attachment"],
        ),
    )
    if comment is not None:
        return redirect(comment.get_absolute_url())
    return render(
        request,
        "community/comment_reply.html",
        {"group": discussion.group, "discussion": discussion, "parent": parent, "form": form},
        status=status,
    )


@login_required
def comment_edit(request, comment_id):
    comment = visible_comment(request, comment_id)
    try:
        posting.editable_comment(request.user, comment)
    except Refused as refused:
        return refusal_page(request, refused, comment.get_absolute_url())
    form = CommentForm(request.POST or None, initial={"comment": comment.comment})
    edited, status = submitted(
        request,
        form,
        lambda: posting.edit_comment(request.user, comment, form.cleaned_data["comment"]),
    )
    if edited is not None:
        return redirect(comment.get_absolute_url())
    return render(
        request, "community/comment_edit.html", {"comment": comment, "form": form}, status=status
    )


@login_required
@require_POST
def comment_remove(request, comment_id):
    comment = visible_comment(request, comment_id)
    try:
        posting.remove_comment(request.user, comment)
    except Refused as refused:
        return refusal_page(request, refused, comment.get_absolute_url())
    messages.success(request, _("The comment was removed."))
    return redirect(comment.get_absolute_url())


def comment_permalink(request, comment_id):
    """Where a comment lives: the page of its discussion, news page or
    resource that holds it, at its anchor."""
    # visible_comment finds only comments whose target is shown (a discussion
    # the user sees, or a published page of a kind that takes comments).
    comment = visible_comment(request, comment_id)
    target = comment.content_object
    if target is None:
        raise Http404
    # Comments are listed by (thread_id, order): count those ahead of this one
    # among the ones this reader sees.
    ahead = Q(thread_id__lt=comment.thread_id) | Q(
        thread_id=comment.thread_id, order__lt=comment.order
    )
    before = ForumComment.objects.on(target, seen_by=request.user).filter(ahead).count()
    page = before // settings.FORUM_COMMENTS_PAGE_SIZE + 1
    suffix = f"?page={page}" if page > 1 else ""
    url = target.get_absolute_url() if isinstance(target, Discussion) else target.get_url()
    return redirect(f"{url}{suffix}#c{comment.public_id}")


def serve_attachment(request, attachment_id, name=None, rendition=False):
    """Stream a file to whoever may see its group; 404 to everyone else.

    Files never get a public or long-lived URL: on S3 they are private objects
    read by the application. API clients get a link signed for a few minutes. Documents download (Content-Disposition:
    attachment); images and videos show inline with their checked type, and
    nosniff stops a browser from second-guessing it."""
    viewer = request.user
    key = request.GET.get("key")
    if key:  # a link the API handed out: for this file, a short while, its caller
        viewer = signed_for(key, attachment_id)
        if viewer is None:
            raise Http404
    # The same rule either way: a member banned, or a comment removed, since
    # the link was made, and the file is gone.
    attachment = get_object_or_404(Attachment.objects.visible_to(viewer), pk=attachment_id)
    if name is not None and name != attachment.name:
        raise Http404
    if not attachment.is_ready:  # an image not re-encoded yet still has its EXIF
        raise Http404
    stored = attachment.rendition if rendition else attachment.file
    if not stored:
        raise Http404
    inline = attachment.kind in ("image", "video")
    response = FileResponse(
        stored.open("rb"),
        as_attachment=not inline,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def mute(request, slug, discussion_id):
    """Stop (or restart) emails about one discussion; the email links here."""
    discussion = visible_discussion(request, slug, discussion_id)
    muted = discussion.muted_by.filter(pk=request.user.pk).exists()
    if request.method == "POST":
        if muted:
            discussion.muted_by.remove(request.user)
            messages.success(request, _("You will get emails about new comments again."))
        else:
            discussion.muted_by.add(request.user)
            messages.success(request, _("No more emails about this discussion."))
        return redirect(discussion)
    return render(request, "community/mute.html", {"discussion": discussion, "muted": muted})


@login_required
@require_POST
def comment_flag(request, comment_id):
    """A member asks the site moderators to look at a comment."""
    comment = visible_comment(request, comment_id)
    if comment.user_id == request.user.pk or comment.is_removed:
        raise Http404
    moderation.flag(comment, request.user)
    messages.success(request, _("Thank you. The moderators will look at this comment."))
    return redirect(comment.get_absolute_url())
