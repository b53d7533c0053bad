"""Writing in the Forum: starting discussions and posting, editing and
removing comments. The pages and the API both call these functions, so each
rule is written once; a refusal raises `Refused` with its message and status.
Each write is all or nothing: the post, its attachment, its counters and its
emails are committed together or not at all."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications
from .attachments import attach, stored_files_kept_on_commit_only
from .models import Discussion, ForumComment, ForumGroup
from .permissions import Refused, can_moderate_discussions, can_post, can_remove_comment
from .signals import comment_updated
from .throttle import allow_attachment, allow_post


def require_membership(user, group):
    """Refused unless the user may write in `group`; the discussion form's
    page asks it before showing the form."""
    if not can_post(user, group):
        raise Refused(_("Join the group to take part."), 403)


def require_pace(user):
    """Counts this post; past FORUM_POSTS_PER_MINUTE it is refused."""
    if not allow_post(user):
        raise Refused(_("You are posting too fast. Wait a minute, then send it again."), 429)


def require_room_for_a_file(user, files_on_the_post=0):
    """Counts this file; refused past FORUM_ATTACHMENTS_PER_POST on one post
    (it will not fit later either: 409) or FORUM_ATTACHMENTS_PER_HOUR for one
    member (429). Called last, once everything else about the post is fine."""
    most = settings.FORUM_ATTACHMENTS_PER_POST
    if files_on_the_post >= most:
        raise Refused(
            _("A post carries at most %(n)s files.") % {"n": most}, 409, field="attachment"
        )
    if not allow_attachment(user):
        raise Refused(
            _(
                "You have shared %(n)s files in the last hour, as many as one member may. "
                "Wait a while, then send it again."
            )
            % {"n": settings.FORUM_ATTACHMENTS_PER_HOUR},
            429,
            field="attachment",
        )


def clean_text(text, label, max_length=None):
    text = (text or "").strip()
    if not text:
        raise Refused(_("%(label)s cannot be empty.") % {"label": label})
    if max_length and len(text) > max_length:
        raise Refused(
            _("%(label)s has at most %(n)s characters.") % {"label": label, "n": max_length}
        )
    return text


def clean_comment(text):
    return clean_text(text, _("A comment"), settings.COMMENT_MAX_LENGTH)


def touch(group_id, now):
    ForumGroup.objects.filter(pk=group_id).update(last_activity_at=now)


def start_discussion(user, group, title, body, upload=None):
    require_membership(user, group)
    discussion = Discussion(
        group=group,
        author=user,
        title=clean_text(title, _("The title"), Discussion._meta.get_field("title").max_length),
        body=clean_text(body, _("The text"), Discussion._meta.get_field("body").max_length),
    )
    try:
        discussion.full_clean(exclude=["group", "author"])
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from error
    require_pace(user)
    if upload is not None:
        require_room_for_a_file(user)
    with stored_files_kept_on_commit_only() as stored:
        discussion.save()
        stored.append(attach(upload, group, user, discussion=discussion))
        touch(group.pk, timezone.now())
    return discussion


def set_discussion_state(user, discussion, pinned=None, locked=None):
    """Pin a discussion to the top of its group, or lock it against new
    comments (and undo either): the group's owners and moderators decide."""
    if not can_moderate_discussions(user, discussion.group):
        raise Refused(_("Only the group's owners and moderators pin or lock discussions."), 403)
    changes = {
        name: value for name, value in (("pinned", pinned), ("locked", locked)) if value is not None
    }
    for name, value in changes.items():
        setattr(discussion, name, value)
    if changes:
        Discussion.objects.filter(pk=discussion.pk).update(**changes)
    return discussion


def reply_parent(user, target, parent_id):
    """The comment a reply answers: on the same target, visible to the user,
    and not at the deepest level already."""
    parent = ForumComment.objects.on(target, seen_by=user).filter(pk=parent_id).first()
    if parent is None:
        raise Refused(
            _("You can only reply to a comment in the same discussion or on the same page.")
        )
    require_replyable(parent)
    return parent


def require_replyable(parent):
    """Refused when `parent` sits at the deepest level a thread allows (the
    reply page asks it of the comment it has already found)."""
    if parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
        raise Refused(_("This thread is as deep as it goes; reply further up."))


def require_open_for_comments(user, discussion):
    """Refused unless `user` may comment on `discussion` now; the reply page
    asks it before showing its form."""
    require_membership(user, discussion.group)
    if discussion.locked:
        raise Refused(_("This discussion is locked; it takes no new comments."), 409)


def post_comment(user, target, text, parent_id=None, scope=None, upload=None):
    """A new comment on a discussion (seen by its group) or on a published
    page or resource (seen by everyone, or by the group `scope`). A reply is
    always seen by the same people as the comment it answers."""
    if isinstance(target, Discussion):
        require_open_for_comments(user, target)
        scope = target.group
    parent = reply_parent(user, target, parent_id) if parent_id else None
    if parent is not None:
        scope = parent.scope
    if scope is not None:
        require_membership(user, scope)
    if upload is not None and scope is None:
        raise Refused(_("Files can only be shared with a group."))
    now = timezone.now()
    comment = ForumComment.objects.new_on(target, user, clean_comment(text), parent, now, scope)
    try:
        comment.full_clean(exclude=["user_url", "ip_address"])
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from error
    require_pace(user)  # only a post that would be saved counts
    if upload is not None:
        require_room_for_a_file(user)
    with stored_files_kept_on_commit_only() as stored:
        comment.save()
        stored.append(attach(upload, scope, user, comment=comment))
        if isinstance(target, Discussion):
            notifications.comment_posted(comment, target)
            Discussion.objects.filter(pk=target.pk).update(
                last_activity_at=now, comment_count=F("comment_count") + 1
            )
        if scope is not None:
            touch(scope.pk, now)
    return comment


def post_page_comment(user, target, text, parent_id=None, shared_with=""):
    """A comment on a news page or a resource, for everyone or, by its
    address, for one of the user's groups. A group the user does not see gets
    the answer a group that does not exist gets: it stays hidden."""
    scope = None
    if shared_with:
        scope = ForumGroup.objects.visible_to(user).filter(slug=shared_with).first()
        if scope is None:
            raise Refused(
                _("You can only share a comment with a group you are a member of."), field="scope"
            )
    return post_comment(user, target, text, parent_id, scope)


def editable_comment(user, comment):
    """The author alone edits, in the first FORUM_EDIT_WINDOW_MINUTES."""
    if comment.user_id != user.pk:
        raise Refused(_("You can only edit your own comments."), 403)
    if comment.is_removed:
        raise Refused(_("This comment was removed."), 409)
    deadline = comment.submit_date + timezone.timedelta(minutes=settings.FORUM_EDIT_WINDOW_MINUTES)
    if timezone.now() > deadline:
        raise Refused(
            _("Comments can only be edited in their first %(n)s minutes.")
            % {"n": settings.FORUM_EDIT_WINDOW_MINUTES},
            409,
        )


def edit_comment(user, comment, text):
    editable_comment(user, comment)
    comment.comment = clean_comment(text)
    comment.edited_at = timezone.now()
    ForumComment.objects.filter(pk=comment.pk).update(
        comment=comment.comment, edited_at=comment.edited_at
    )
    comment_updated.send(sender=ForumComment, instance=comment)
    return comment


def attach_to_comment(user, comment, upload):
    """A file added to one's own comment afterwards (the API's way to upload)."""
    editable_comment(user, comment)
    if comment.scope_id is None:
        raise Refused(_("Files can only be shared with a group."))
    with stored_files_kept_on_commit_only() as stored:
        # Locked, so that uploads sent at once count each other's files.
        list(ForumComment.objects.select_for_update().filter(pk=comment.pk).values_list("pk"))
        require_room_for_a_file(user, comment.attachments.count())
        stored.append(attach(upload, comment.scope, user, comment=comment))
    return stored[0]


def remove_comment(user, comment):
    """Soft delete by the author or the group's managers: the text goes, a
    placeholder keeps the thread's shape."""
    if not can_remove_comment(user, comment):
        raise Refused(_("Only its author or the group's moderators can remove a comment."), 403)
    comment.is_removed = True
    ForumComment.objects.filter(pk=comment.pk).update(is_removed=True)
    comment_updated.send(sender=ForumComment, instance=comment)
    return comment
