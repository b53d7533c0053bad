"""Who may do what in the Forum: one `can_<action>` per action, asked by the
service that the pages and the API share (posting.py, membership.py,
invitations.py, moderation.py), which raises `Refused` when the answer is no.
What a user may *see* is the models' `visible_to(user)`. Who is a site
moderator is decided with what they see (community/models/groups.py).

Most answers depend on the user's role in the group. The checks read it
themselves; a caller that has read the roles for a whole page at once
(threads.py) passes it as `role` (None: not an active member)."""

from .models import Role
from .models.groups import MODERATE_FORUM, is_site_moderator

__all__ = [
    "MANAGING_ROLES",
    "MODERATE_FORUM",
    "Refused",
    "can_change_owners",
    "can_edit_group",
    "can_manage_members",
    "can_moderate_discussions",
    "can_post",
    "can_remove_comment",
    "is_banned",
    "is_only_owner",
    "is_site_moderator",
    "membership_of",
]

# The roles that keep a group in order (with site moderators, everywhere).
MANAGING_ROLES = (Role.OWNER, Role.MODERATOR)

_READ_IT = object()  # `role` not given: the check reads it


def membership_of(user, group):
    """The user's active (not banned) membership of `group`, or None."""
    if not user.is_authenticated:
        return None
    return group.memberships.filter(user=user, banned=False).first()


def _role(user, group, role=_READ_IT):
    if role is not _READ_IT:
        return role
    membership = membership_of(user, group)
    return membership.role if membership is not None else None


def _keeps_order(user, role):
    """The group's owners and moderators, and site moderators."""
    return role in MANAGING_ROLES or is_site_moderator(user)


def _acts_as_owner(user, role):
    """The group's owners, and site moderators."""
    return role == Role.OWNER or is_site_moderator(user)


def can_post(user, group, role=_READ_IT):
    """Only members write in a group: start discussions, comment, share a
    comment on a page with it (a public group is joined in one click)."""
    return _role(user, group, role) is not None


def can_manage_members(user, group):
    """Who comes in and who stays: approve or decline requests to join,
    invite, promote, demote, remove, ban and unban members."""
    return _keeps_order(user, _role(user, group))


def can_change_owners(user, group):
    """Only owners (and site moderators) hand the group over or change
    another owner's place in it."""
    return _acts_as_owner(user, _role(user, group))


def can_moderate_discussions(user, group):
    """Pin a discussion to the top of its group, or lock it."""
    return _keeps_order(user, _role(user, group))


def can_remove_comment(user, comment, role=_READ_IT):
    """Its author, and those who keep its group in order; a comment on a page
    for everyone has no group, so only its author and site moderators."""
    if comment.user_id == user.pk:
        return True
    if comment.scope_id is None:
        return is_site_moderator(user)
    if role is _READ_IT:
        role = _role(user, comment.scope)
    return _keeps_order(user, role)


def can_edit_group(user, group):
    """Owners and site moderators change what the group is: its name, address,
    description, image and visibility. Group moderators keep its members and
    discussions in order but do not redefine the group (nor open it up)."""
    return _acts_as_owner(user, _role(user, group))


def is_banned(user, group):
    """Banned from `group`: they cannot come back in, by any way in."""
    return user.is_authenticated and group.memberships.filter(user=user, banned=True).exists()


def is_only_owner(membership):
    """A group always keeps an owner: its last one cannot leave, nor lose the
    ownership, before handing the group over."""
    if membership.pk is None or membership.role != Role.OWNER or membership.banned:
        return False
    others = membership.group.memberships.filter(role=Role.OWNER, banned=False)
    return not others.exclude(pk=membership.pk).exists()


class Refused(Exception):
    """A forum action the rules do not allow, with the message to show and the
    HTTP status that fits: 400 bad input, 403 not allowed, 404 not found, 409
    conflicts with the current state, 410 no longer usable, 429 too fast, 503
    the file store is down. The service that refuses decides the status once:
    pages (community/views/refusals.py) and the API (community/api_writes.py)
    both answer with it. `field` names the form field the refusal is about,
    where a page shows it."""

    def __init__(self, message, status=400, field=None):
        super().__init__(message)
        self.message, self.status, self.field = str(message), status, field
