"""What site moderators do to a flagged comment: keep it, remove it, or remove
it and ban its author from the group. One place for the rules, used by the
admin screens; the ban is the membership service's, with its rules (a group
keeps an owner)."""

from django.db import transaction
from django.utils import timezone
from django_comments.models import CommentFlag

from . import membership
from .models import ForumComment
from .signals import comment_updated

SUGGEST_REMOVAL = CommentFlag.SUGGEST_REMOVAL


def flagged_comments():
    """Comments members flagged, not yet dealt with, most flagged first."""
    from django.db.models import Count, Q

    return (
        ForumComment.objects.filter(flags__flag=SUGGEST_REMOVAL, is_removed=False)
        .annotate(flag_count=Count("flags", filter=Q(flags__flag=SUGGEST_REMOVAL)))
        .order_by("-flag_count", "-submit_date")
    )


def flag(comment, user):
    """A member asks moderators to look at a comment (once per member)."""
    record(comment, user, SUGGEST_REMOVAL)


def record(comment, moderator, flag_name):
    CommentFlag.objects.get_or_create(
        comment=comment, user=moderator, flag=flag_name, defaults={"flag_date": timezone.now()}
    )


def decide(comment, action, moderator):
    """Refused, with nothing changed, when the ban is (membership.ban)."""
    if action not in ("approve", "remove", "ban"):
        raise ValueError(action)
    with transaction.atomic():
        comment.flags.filter(flag=SUGGEST_REMOVAL).delete()
        if action == "approve":
            record(comment, moderator, CommentFlag.MODERATOR_APPROVAL)
        else:
            ForumComment.objects.filter(pk=comment.pk).update(is_removed=True)
            record(comment, moderator, CommentFlag.MODERATOR_DELETION)
        if action == "ban" and comment.scope_id and comment.user_id:
            membership.ban(moderator, comment.scope, comment.user_id)
    comment_updated.send(sender=ForumComment, instance=comment)
