"""Groups and who is in them: creating and changing a group, joining,
leaving, requests to join, invitations accepted, and managing members. The
pages, the API and the moderation queue call these functions, and only they
write memberships; a refusal raises `Refused` with its message and status."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications
from .attachments import file_store_refusal, save_with_files
from .models import Invitation, JoinRequest, Membership, Role
from .permissions import (
    Refused,
    can_change_owners,
    can_edit_group,
    can_manage_members,
    is_banned,
    is_only_owner,
    is_site_moderator,
    membership_of,
)
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
        with file_store_refusal("image"), transaction.atomic():
            group = form.save(commit=False)
            group.created_by = user
            group.save()
            Membership.objects.create(group=group, user=user, role=Role.OWNER)
    except IntegrityError as clash:  # the same name or address, taken this very instant
        raise Refused(
            _("This name or address has just been taken; choose another."), 409
        ) from clash
    return group


def require_group_editor(user, group):
    """Refused unless the user may change the group's details; its edit page
    asks before showing the form."""
    if not can_edit_group(user, group):
        raise Refused(_("Only the group's owners change its details."), 403)


def edit_group(user, group, form):
    """Save a valid GroupForm bound to `group`: its name, address,
    description, image and visibility."""
    require_group_editor(user, group)
    return save_with_files(form, "image")


def join(user, group):
    """Join a public group at once; True if the user just became a member."""
    if membership_of(user, group) is not None:
        return False
    if is_banned(user, group):
        raise Refused(_("You cannot join this group."), 403)
    if group.is_private:  # seen by a site moderator, who is not a member
        raise Refused(_("A private group is joined through a request or an invitation."), 403)
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
    if is_only_owner(membership):
        raise Refused(_("Hand the group over to another owner before you leave it."), 409)
    membership.delete()


def manage_member(actor, group, action, **member):
    """Promote, demote, remove, ban, unban a member, or hand the group over to
    them; `member` finds them (user_id=… or user__username=…) once the actor
    may manage members, so that nobody else learns who is banned."""
    target = group.memberships.select_related("user__profile").filter(**member).first()
    return change_member(actor, group, target, action)


def ban(actor, group, user_id):
    """Ban someone from the group, member or not: the moderation queue bans
    the author of a comment, who may have left, so that they cannot come back."""
    target = group.memberships.filter(user_id=user_id).first()
    return change_member(actor, group, target or Membership(group=group, user_id=user_id), "ban")


def change_member(actor, group, target, action):
    """The rules of managing members: owners and moderators manage members;
    only owners touch other owners; a group keeps an owner."""
    if not can_manage_members(actor, group):
        raise Refused(_("Only the group's owners and moderators manage its members."), 403)
    if target is None:
        raise Refused(_("This person is not a member of the group."), 404)
    if action not in MEMBER_ACTIONS:
        raise Refused(_("Unknown action."))
    if target.user_id == actor.pk:
        raise Refused(_("You cannot do that to yourself; use “Leave the group”."), 409)
    if target.role == Role.OWNER and not can_change_owners(actor, group):
        raise Refused(_("Only an owner can change another owner."), 403)
    if action == "transfer" and not can_change_owners(actor, group):
        raise Refused(_("Only an owner can hand the group over."), 403)
    if action == "transfer" and target.banned:
        raise Refused(_("A banned member cannot own the group."), 409)
    if action in ("promote", "demote", "remove", "ban") and is_only_owner(target):
        raise Refused(_("This is the group's only owner: make someone else an owner first."), 409)
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
            mine = membership_of(actor, group)
            if mine is not None and mine.role == Role.OWNER:
                mine.role = Role.MODERATOR
                mine.save(update_fields=["role"])
        target.save()
    return target


def require_request_manager(actor, group):
    """Refused unless `actor` may see and decide the group's requests to join;
    their page asks before listing them."""
    if not can_manage_members(actor, group):
        raise Refused(
            _("Only the group's owners and moderators see and decide on requests to join."), 403
        )


def pending_requests(actor, group):
    """The requests to join waiting for the group's owners and moderators."""
    require_request_manager(actor, group)
    return group.join_requests.filter(status=JoinRequest.Status.PENDING).select_related(
        "user__profile"
    )


def decide(actor, group, request_id, decision):
    """Approve or decline ("approve", "decline") the group's request to join
    `request_id`; the requester is told. Anything else is refused rather than
    read as a decline."""
    require_request_manager(actor, group)
    if decision not in ("approve", "decline"):
        raise Refused(_("The decision is approve or decline."))
    if request_id is None:
        raise Refused(_("Choose a request to join, then approve or decline it."))
    join_request = group.join_requests.select_related("user").filter(pk=request_id).first()
    if join_request is None:
        raise Refused(_("This request to join cannot be found."), 404)
    if join_request.status != JoinRequest.Status.PENDING:
        raise Refused(_("This request has already been decided."), 409)
    approve = decision == "approve"
    if approve and is_banned(join_request.user, group):
        raise Refused(_("This member is banned from the group; unban them first."), 409)
    with transaction.atomic():
        join_request.status = (
            JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
        )
        join_request.decided_at, join_request.decided_by = timezone.now(), actor
        join_request.save()
        if approve:
            Membership.objects.get_or_create(group=group, user=join_request.user)
        notifications.join_request_decided(join_request)
    return join_request


def require_acceptable(user, invitation):
    """Refused (410) unless the user can still accept `invitation`, which is
    theirs; its page asks before showing the button."""
    if is_banned(user, invitation.group):
        raise Refused(_("You cannot join this group."), 410)
    if not invitation.is_usable:
        raise Refused(
            _("This invitation has expired or was already used. Ask the group for a new one."),
            410,
        )


def accept_invitation(user, invitation):
    require_acceptable(user, invitation)
    with transaction.atomic():
        Membership.objects.get_or_create(group=invitation.group, user=user)
        Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
