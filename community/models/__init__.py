"""The Procurement Forum: groups, who belongs to them, their discussions and the
comments on them, and members' profiles. Who may see what is decided here, in
the `visible_to(user)` queryset methods; every surface starts from them."""

from .attachments import Attachment
from .comments import ForumComment
from .discussions import Discussion
from .groups import (
    DoNotContact,
    ForumGroup,
    Invitation,
    JoinRequest,
    Membership,
    RetiredGroupSlug,
    Role,
    Visibility,
)
from .profiles import Profile

__all__ = [
    "Attachment",
    "Discussion",
    "DoNotContact",
    "ForumComment",
    "ForumGroup",
    "Invitation",
    "JoinRequest",
    "Membership",
    "Profile",
    "RetiredGroupSlug",
    "Role",
    "Visibility",
]
