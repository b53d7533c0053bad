"""Joining, leaving and managing a group's members. The pages and the API
both call these functions; a refusal raises `Refused` with its message."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications
from .models import JoinRequest, Membership, Role
from .permissions import Refused, can_manage, is_site_moderator, membership_of
from .throttle import allow

MEMBER_ACTIONS = ("promote", "demote", "remove", "ban", "unban", "transfer")


def create_group(user, form):
    """A new group from a valid GroupForm; its creator becomes its owner.
    A member creates at most FORUM_GROUPS_PER_DAY groups (moderators any)."""
    limit = settings.FORUM_GROUPS_PER_DAY
    if not is_site_moderator(user) and not allow("groups-created", user.pk, limit, 86400):
        raise Refused(
            _("You have created %(limit)s groups today; please wait until tomorrow.")
            % {"limit": limit},
            429,
        )
    try:
        with transaction.atomic():
            group = form.save(commit=False)
            group.created_by = user
            group.save()
            Membership.objects.create(group=group, user=user, role=Role.OWNER)
    except IntegrityError as clash:  # the same name or address, taken this very instant
        raise Refused(
            _("This name or address has just been taken; choose another."), 409
        ) from clash
    return group


def join(user, group):
    """Join a public group at once; True if the user just became a member. A
    private group is not joined this way: to a non-member it does not exist."""
    existing = group.memberships.filter(user=user).first()
    if existing and not existing.banned:
        return False
    if group.is_private:
        raise Http404
    if existing:
        raise Refused(_("You cannot join this group."), 403)
    try:
        with transaction.atomic():
            Membership.objects.create(group=group, user=user)
    except IntegrityError:  # a double click: the first one joined
        return False
    return True


def leave(user, group):
    membership = membership_of(user, group)
    if membership is None:
        raise Refused(_("You are not a member of this group."), 409)
    other_owners = group.memberships.filter(role=Role.OWNER, banned=False).exclude(pk=membership.pk)
    if membership.role == Role.OWNER and not other_owners.exists():
        raise Refused(_("Hand the group over to another owner before you leave it."), 409)
    membership.delete()


def manage_member(actor, group, target, action):
    """Promote, demote, remove, ban, unban a member, or hand ownership over.
    Owners and moderators manage members; only owners touch other owners."""
    if not can_manage(actor, group):
        raise Refused(_("Only the group's owners and moderators manage its members."), 403)
    mine = membership_of(actor, group)
    acting_as_owner = is_site_moderator(actor) or (mine is not None and mine.role == Role.OWNER)
    if action not in MEMBER_ACTIONS:
        raise Refused(_("Unknown action."))
    if target.user_id == actor.pk:
        raise Refused(_("You cannot do that to yourself; use “Leave the group”."), 409)
    if target.role == Role.OWNER and not acting_as_owner:
        raise Refused(_("Only an owner can change another owner."), 403)
    if action == "transfer" and not acting_as_owner:
        raise Refused(_("Only an owner can hand the group over."), 403)
    if action == "transfer" and target.banned:
        raise Refused(_("A banned member cannot own the group."), 409)
    with transaction.atomic():
        if action == "remove":
            target.delete()
            return None
        if action == "promote":
            target.role = Role.MODERATOR
        elif action == "demote":
            target.role = Role.MEMBER
        elif action == "ban":
            target.banned, target.role = True, Role.MEMBER
        elif action == "unban":
            target.banned = False
        elif action == "transfer":
            target.role = Role.OWNER
            if mine is not None and mine.role == Role.OWNER:
                mine.role = Role.MODERATOR
                mine.save(update_fields=["role"])
        target.save(update_fields=["role", "banned"])
    return target


def approval(decision):
    """True for "approve", False for "decline"; a form field or a request body
    may say anything else, which is refused rather than read as a decline."""
    if decision not in ("approve", "decline"):
        raise Refused(_("The decision is approve or decline."))
    return decision == "approve"


def decide(actor, join_request, approve):
    """Approve or decline a pending request to join; the requester is told."""
    if not can_manage(actor, join_request.group):
        raise Refused(_("Only the group's owners and moderators decide on requests."), 403)
    if join_request.status != JoinRequest.Status.PENDING:
        raise Refused(_("This request has already been decided."), 409)
    banned = join_request.group.memberships.filter(user=join_request.user, banned=True)
    if approve and banned.exists():
        raise Refused(_("This member is banned from the group; unban them first."), 409)
    with transaction.atomic():
        join_request.status = (
            JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
        )
        join_request.decided_at, join_request.decided_by = timezone.now(), actor
        join_request.save()
        if approve:
            Membership.objects.get_or_create(group=join_request.group, user=join_request.user)
        notifications.join_request_decided(join_request)
    return join_request
