"""Inviting someone into a group, and the limits on the email that sends.

An invitation emails an address a member typed, with names members chose (the
group's, the inviter's): without limits, a way to send anyone mail from this
site. So each member sends at most FORUM_INVITATIONS_PER_HOUR, each address
gets at most FORUM_INVITATIONS_PER_ADDRESS_PER_DAY from everyone together, and
every invitation carries a signed link with which its recipient stops them for
good, no account needed. The invitation page calls `invite`, so would an API;
accepting one is membership.accept_invitation.
"""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from . import notifications
from .models import DoNotContact, Invitation
from .models.groups import address_digest
from .permissions import Refused, can_manage_members
from .throttle import allow_invitation_from, allow_invitation_to

STOP_SALT = "community.do-not-contact"


def require_inviter(actor, group):
    """Refused unless `actor` may invite into `group`; the invitation page
    asks before showing its form."""
    if not can_manage_members(actor, group):
        raise Refused(_("Only the group's owners and moderators invite."), 403)


def invite(actor, group, user=None, email=""):
    """Invite a member (`user`) or an address (`email`); the email goes once
    the invitation is committed. Refused (on the field `who`) when the limits
    or the recipient's wish say no; nothing is saved then."""
    require_inviter(actor, group)
    if user is not None and group.memberships.filter(user=user).exists():
        raise Refused(_("This person is already in the group, or banned from it."), field="who")
    address = user.email if user is not None else email
    if not allow_invitation_from(actor):
        raise Refused(
            _(
                "You have sent %(n)s invitations in the last hour, as many as one member may. "
                "Wait a while, then send it again."
            )
            % {"n": settings.FORUM_INVITATIONS_PER_HOUR},
            429,
            field="who",
        )
    if address and not may_receive(address):
        # One answer for "asked not to be contacted" and "had enough today":
        # the inviter learns neither what the owner of the address decided nor
        # that others invited them.
        raise Refused(
            _("No invitation can be sent to this address at the moment."), 429, field="who"
        )
    with transaction.atomic():
        invitation = Invitation.objects.create(
            group=group, invited_by=actor, user=user, email=address
        )
        notifications.invited(invitation, stop_url=stop_path(address) if address else None)
    return invitation


def may_receive(address):
    """False if the address asked for no invitations; otherwise counts one to
    it and says whether it is within its daily number."""
    if DoNotContact.refuses(address):
        return False
    return allow_invitation_to(address_digest(address))


def stop_token(address):
    """Signed, and carrying the address's digest rather than the address: the
    link may sit in logs. It does not expire: an old email's link still works."""
    return signing.Signer(salt=STOP_SALT).sign(address_digest(address))


def stop_path(address):
    return reverse("community:do_not_contact", kwargs={"token": stop_token(address)})


def digest_from(token):
    """The address digest a stop link was made for, or None if it is forged."""
    try:
        return signing.Signer(salt=STOP_SALT).unsign(token)
    except signing.BadSignature:
        return None


def stop_contacting(digest):
    """Record that the address behind `digest` gets no more invitations."""
    try:
        with transaction.atomic():
            DoNotContact.objects.get_or_create(address_digest=digest)
    except IntegrityError:  # the same link clicked twice at once: recorded
        pass
