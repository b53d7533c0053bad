"""A group's own details, changed outside the admin, and its image."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community.forms import GroupForm
from community.permissions import can_edit_group
from community.uploads import delete_replaced, save_with_files

from .lookup import visible_group


@login_required
def group_edit(request, slug):
    """Owners and site moderators change the group's name, address,
    description, image and visibility. To everyone else the page does not
    exist, as with the other pages that manage a group.

    Visibility is read from the group row on every request (visible_to), so
    making a group private hides it, its discussions, comments, files and
    activity from non-members at once, and making it public opens them."""
    group = visible_group(request, slug)
    if not can_edit_group(request.user, group):
        raise Http404
    # Taken before the form touches the instance: a rejected form can leave it
    # with a new name or address, or an image that was never stored.
    old_image = group.image.name
    current = {"name": group.name, "url": group.get_absolute_url(), "image": group.get_image_url()}
    form = GroupForm(request.POST or None, request.FILES or None, instance=group, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        saved = save_with_files(form, "image")
        if saved is not None:
            delete_replaced(saved.image, old_image)
            messages.success(request, _("The group's details are saved."))
            return redirect(saved)
        status = 503
    elif form.errors:
        status = 429 if form.has_error(NON_FIELD_ERRORS, "throttled") else 400
    return render(
        request,
        "community/group_form.html",
        {"form": form, "current": current},
        status=status,
    )


def group_image(request, slug):
    """The group's image, to whoever may see the group; 404 to everyone else.
    Streamed like attachments: a private group's picture never gets a URL of
    its own on the storage."""
    group = visible_group(request, slug)
    if not group.image:
        raise Http404
    response = FileResponse(group.image.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    # Private: the group may turn private, and shared caches would not know.
    response["Cache-Control"] = "private, max-age=600"
    return response
