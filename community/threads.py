"""What a reader may do with each comment of a listed thread. One query of
their memberships answers it for the whole page, whatever its length; the
rules themselves are permissions.py's."""

from django.conf import settings

from .models import Membership
from .permissions import can_post, can_remove_comment


def with_actions(comments, user, open_for_replies=True):
    """Mark each comment with `can_reply` and `can_remove` for `user`.

    Anyone signed in replies to a public comment; a group's comments take
    replies from its members. Authors, the group's owners and moderators, and
    site moderators remove a comment."""
    roles = {}
    if user.is_authenticated:
        roles = dict(
            Membership.objects.filter(user=user, banned=False).values_list("group_id", "role")
        )
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    for comment in comments:
        role = roles.get(comment.scope_id)
        in_scope = (
            can_post(user, comment.scope, role=role) if comment.scope_id else user.is_authenticated
        )
        comment.can_reply = (
            open_for_replies and in_scope and not comment.is_removed and comment.level < max_level
        )
        comment.can_remove = not comment.is_removed and can_remove_comment(user, comment, role=role)
    return comments
