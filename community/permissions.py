"""Who may do what in the Forum. What a user may *see* is the models'
`visible_to(user)`; this module answers the questions about acting. Who is a
site moderator is decided with what they see (community/models/groups.py)."""

from .models import Role
from .models.groups import MODERATE_FORUM, is_site_moderator

__all__ = [
    "MODERATE_FORUM",
    "Refused",
    "can_edit_group",
    "can_manage",
    "can_post",
    "is_site_moderator",
    "membership_of",
]


def membership_of(user, group):
    """The user's active (not banned) membership of `group`, or None."""
    if not user.is_authenticated:
        return None
    return group.memberships.filter(user=user, banned=False).first()


def can_manage(user, group):
    """Owners and moderators of the group, and site moderators: approve join
    requests, invite, remove and ban members, pin and lock discussions."""
    if is_site_moderator(user):
        return True
    membership = membership_of(user, group)
    return membership is not None and membership.role in (Role.OWNER, Role.MODERATOR)


def can_edit_group(user, group):
    """Owners and site moderators change what the group is: its name, address,
    description, image and visibility. Group moderators keep its members and
    discussions in order but do not redefine the group (nor open it up)."""
    if is_site_moderator(user):
        return True
    membership = membership_of(user, group)
    return membership is not None and membership.role == Role.OWNER


def can_post(user, group):
    """Only members write in a group (a public group is joined in one click)."""
    return membership_of(user, group) is not None


class Refused(Exception):
    """A forum action the rules do not allow, with the message to show and the
    HTTP status that fits: 400 bad input, 403 not allowed, 409 conflicts with
    the current state, 429 too fast. Pages show it on the form; the API
    answers it as a problem+json document. `field` names the form field the
    refusal is about, where a page shows it."""

    def __init__(self, message, status=400, field=None):
        super().__init__(message)
        self.message, self.status, self.field = str(message), status, field
