"""What a reader may do with each comment of a listed thread. One query of
their memberships answers it for the whole page, whatever its length."""

from django.conf import settings

from .models import Membership, Role
from .permissions import is_site_moderator


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
    site_moderator = is_site_moderator(user)
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    for comment in comments:
        in_scope = comment.scope_id in roles if comment.scope_id else user.is_authenticated
        comment.can_reply = (
            open_for_replies and in_scope and not comment.is_removed and comment.level < max_level
        )
        comment.can_remove = not comment.is_removed and (
            comment.user_id == user.pk
            or site_moderator
            or roles.get(comment.scope_id) in (Role.OWNER, Role.MODERATOR)
        )
    return comments
