from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import moderation, notifications
from community.attachments import attach
from community.forms import CommentForm, DiscussionForm
from community.models import Attachment, Discussion, ForumComment
from community.permissions import can_manage, can_post
from community.search import reindex_comment
from community.throttle import allow_post
from home.models.base import paginate

from .lookup import visible_discussion, visible_group


def require_membership(user, group):
    """The group is visible (or this would be a 404): say what is missing."""
    if not can_post(user, group):
        raise PermissionDenied(_("Join the group to take part."))


@login_required
def discussion_create(request, slug):
    group = visible_group(request, slug)
    require_membership(request.user, group)
    form = DiscussionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and not throttled(request, form):
        with transaction.atomic():
            discussion = form.save(commit=False)
            discussion.group, discussion.author = group, request.user
            discussion.save()
            attach(form.cleaned_data["attachment"], group, request.user, discussion=discussion)
            type(group).objects.filter(pk=group.pk).update(last_activity_at=timezone.now())
        return redirect(discussion)
    status = 429 if form.has_error(NON_FIELD_ERRORS, "throttled") else 200
    return render(
        request, "community/discussion_form.html", {"group": group, "form": form}, status=status
    )


def throttled(request, form):
    """Count this post; past the limit, say so on the form and refuse it."""
    if allow_post(request.user):
        return False
    form.add_error(
        None,
        ValidationError(
            _("You are posting too fast. Wait a minute, then send it again."), code="throttled"
        ),
    )
    return True


def discussion_detail(request, slug, discussion_id):
    discussion = visible_discussion(request, slug, discussion_id)
    return render_discussion(request, discussion, CommentForm())


def render_discussion(request, discussion, form, status=200):
    comments = ForumComment.objects.on(discussion)
    page = paginate(request, comments, settings.FORUM_COMMENTS_PAGE_SIZE)
    member = can_post(request.user, discussion.group)
    return render(
        request,
        "community/discussion_detail.html",
        {
            "group": discussion.group,
            "discussion": discussion,
            "comments": page,
            "form": form,
            "can_comment": member and not discussion.locked,
            "can_manage": can_manage(request.user, discussion.group),
            "max_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
            "edit_window": settings.FORUM_EDIT_WINDOW_MINUTES,
        },
        status=status,
    )


@login_required
@require_POST
def comment_post(request, slug, discussion_id):
    discussion = visible_discussion(request, slug, discussion_id)
    require_membership(request.user, discussion.group)
    form = CommentForm(request.POST, request.FILES)
    if discussion.locked:
        form.add_error(None, _("This discussion is locked; it takes no new comments."))
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = ForumComment.objects.filter(
            pk=form.cleaned_data["parent"],
            content_type=ContentType.objects.get_for_model(Discussion),
            object_pk=str(discussion.pk),
        ).first()
        if parent is None:
            form.add_error(None, _("You can only reply to a comment in this discussion."))
        elif parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            form.add_error(None, _("This thread is as deep as it goes; reply further up."))
    if not form.is_valid():
        return render_discussion(request, discussion, form, status=400)
    if throttled(request, form):
        return render_discussion(request, discussion, form, status=429)
    comment = save_comment(
        request, discussion, form.cleaned_data["comment"], parent, form.cleaned_data["attachment"]
    )
    return redirect(comment.get_absolute_url())


def save_comment(request, discussion, text, parent, upload=None):
    """Store the comment and the activity it causes, all or nothing.

    Not through django-comments' own posting view or its comment_was_posted
    signal: comments-xtd answers that signal by emailing every follower of the
    page, whoever can still see it."""
    now = timezone.now()
    with transaction.atomic():
        comment = ForumComment.objects.new_on(discussion, request.user, text, parent, now)
        comment.full_clean(exclude=["user_url", "ip_address"])
        comment.save()
        attach(upload, discussion.group, request.user, comment=comment)
        notifications.comment_posted(comment, discussion)
        Discussion.objects.filter(pk=discussion.pk).update(
            last_activity_at=now, comment_count=F("comment_count") + 1
        )
        type(discussion.group).objects.filter(pk=discussion.group_id).update(last_activity_at=now)
    return comment


@login_required
def comment_edit(request, comment_id):
    comment = get_object_or_404(ForumComment.objects.visible_to(request.user), pk=comment_id)
    if comment.user_id != request.user.pk or comment.is_removed:
        raise Http404
    deadline = comment.submit_date + timezone.timedelta(minutes=settings.FORUM_EDIT_WINDOW_MINUTES)
    form = CommentForm(request.POST or None, initial={"comment": comment.comment})
    if timezone.now() > deadline:
        messages.error(
            request,
            _("Comments can only be edited in their first %(n)s minutes.")
            % {"n": settings.FORUM_EDIT_WINDOW_MINUTES},
        )
        return redirect(comment.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        ForumComment.objects.filter(pk=comment.pk).update(
            comment=form.cleaned_data["comment"], edited_at=timezone.now()
        )
        reindex_comment(comment)
        return redirect(comment.get_absolute_url())
    return render(
        request,
        "community/comment_edit.html",
        {"comment": comment, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def comment_remove(request, comment_id):
    """Soft delete: the text goes, a placeholder keeps the thread's shape."""
    comment = get_object_or_404(ForumComment.objects.visible_to(request.user), pk=comment_id)
    allowed = comment.user_id == request.user.pk or (
        comment.scope_id and can_manage(request.user, comment.scope)
    )
    if not allowed:
        raise Http404
    ForumComment.objects.filter(pk=comment.pk).update(is_removed=True)
    reindex_comment(comment)
    messages.success(request, _("The comment was removed."))
    return redirect(comment.get_absolute_url())


def comment_permalink(request, comment_id):
    """Where a comment lives: its discussion's page that holds it, at its anchor."""
    comment = get_object_or_404(ForumComment.objects.visible_to(request.user), pk=comment_id)
    target = comment.content_object
    if not isinstance(target, Discussion):
        raise Http404
    # Comments are listed by (thread_id, order): count those ahead of this one.
    ahead = Q(thread_id__lt=comment.thread_id) | Q(
        thread_id=comment.thread_id, order__lt=comment.order
    )
    before = ForumComment.objects.filter(
        ahead,
        content_type_id=comment.content_type_id,
        object_pk=comment.object_pk,
        is_public=True,
    ).count()
    page = before // settings.FORUM_COMMENTS_PAGE_SIZE + 1
    suffix = f"?page={page}" if page > 1 else ""
    return redirect(f"{target.get_absolute_url()}{suffix}#c{comment.pk}")


def serve_attachment(request, attachment_id, name=None, rendition=False):
    """Stream a file to whoever may see its group; 404 to everyone else.

    Files never get a public or long-lived URL: on S3 they are private objects
    read by the application. Documents download (Content-Disposition:
    attachment); images and videos show inline with their checked type, and
    nosniff stops a browser from second-guessing it."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=attachment_id)
    if name is not None and name != attachment.name:
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
    comment = get_object_or_404(ForumComment.objects.visible_to(request.user), pk=comment_id)
    if comment.user_id == request.user.pk or comment.is_removed:
        raise Http404
    moderation.flag(comment, request.user)
    messages.success(request, _("Thank you. The moderators will look at this comment."))
    return redirect(comment.get_absolute_url())
