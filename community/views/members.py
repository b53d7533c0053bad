"""Owners and moderators manage a group's members: promote, demote, remove,
ban, and hand ownership over."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import membership
from community.permissions import Refused, can_manage

from .lookup import visible_group


@login_required
@require_POST
def manage_member(request, slug, user_id):
    group = visible_group(request, slug)
    if not can_manage(request.user, group):
        raise Http404
    target = get_object_or_404(group.memberships.select_related("user"), user_id=user_id)
    try:
        membership.manage_member(request.user, group, target, request.POST.get("action"))
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Done."))
    return redirect("community:members", slug=slug)
