"""The page where a group's owners change its details, outside the admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community import membership
from community.forms import GroupForm
from community.permissions import Refused

from .lookup import visible_group
from .refusals import refusal_page, submitted


@login_required
def group_edit(request, slug):
    """Owners and site moderators change the group's name, address,
    description, image and visibility.

    Visibility is read from the group row on every request (visible_to), so
    making a group private hides it, its discussions, comments, files and
    activity from non-members at once, and making it public opens them."""
    group = visible_group(request, slug)
    try:
        membership.require_group_editor(request.user, group)
    except Refused as refused:
        return refusal_page(request, refused, group)
    # Taken before the form touches the instance: a rejected form can leave it
    # with a new name or address, or an image that was never stored.
    current = {"name": group.name, "url": group.get_absolute_url(), "image": group.get_image_url()}
    form = GroupForm(request.POST or None, request.FILES or None, instance=group, user=request.user)
    saved, status = submitted(
        request, form, lambda: membership.edit_group(request.user, group, form)
    )
    if saved is not None:
        messages.success(request, _("The group's details are saved."))
        return redirect(saved)
    return render(
        request,
        "community/group_form.html",
        {"form": form, "current": current},
        status=status,
    )
