"""Owners and moderators manage a group's members: promote, demote, remove,
ban, and hand ownership over."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.models import Role
from community.permissions import can_manage, is_site_moderator, membership_of

from .lookup import visible_group

ACTIONS = {"promote", "demote", "remove", "ban", "unban", "transfer"}


@login_required
@require_POST
def manage_member(request, slug, user_id):
    group = visible_group(request, slug)
    if not can_manage(request.user, group):
        raise Http404
    target = get_object_or_404(group.memberships.select_related("user"), user_id=user_id)
    action = request.POST.get("action")
    mine = membership_of(request.user, group)
    acting_as_owner = is_site_moderator(request.user) or (mine and mine.role == Role.OWNER)
    if action not in ACTIONS:
        messages.error(request, _("Unknown action."))
    elif target.user_id == request.user.pk:
        messages.error(request, _("You cannot do that to yourself; use “Leave the group”."))
    elif target.role == Role.OWNER and not acting_as_owner:
        messages.error(request, _("Only an owner can change another owner."))
    elif action == "transfer" and not acting_as_owner:
        messages.error(request, _("Only an owner can hand the group over."))
    elif action == "transfer" and target.banned:
        messages.error(request, _("A banned member cannot own the group."))
    else:
        apply(action, target, mine)
        messages.success(request, _("Done."))
    return redirect("community:members", slug=slug)


def apply(action, target, mine):
    with transaction.atomic():
        if action == "remove":
            target.delete()
            return
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
