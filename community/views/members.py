"""Owners and moderators manage a group's members: promote, demote, remove,
ban, and hand ownership over."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import membership
from community.permissions import Refused

from .lookup import visible_group
from .refusals import refusal_page


@login_required
@require_POST
def manage_member(request, slug, user_id):
    group = visible_group(request, slug)
    members = resolve_url("community:members", slug=slug)
    try:
        membership.manage_member(request.user, group, request.POST.get("action"), user_id=user_id)
    except Refused as refused:
        return refusal_page(request, refused, members)
    messages.success(request, _("Done."))
    return redirect(members)
