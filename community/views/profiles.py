from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from community.attachments import save_with_files
from community.forms import ProfileForm
from community.models import Profile

from .refusals import submitted


def profile_detail(request, username):
    """A member's public page: only what they chose to share. A member who
    keeps their profile private has no page at all."""
    user = get_object_or_404(get_user_model(), username=username, is_active=True)
    profile = Profile.objects.filter(user=user).select_related("country").first()
    if profile is None or not (profile.public or request.user == user):
        raise Http404
    return render(request, "community/profile_detail.html", {"member": user, "profile": profile})


@login_required
def profile_edit(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    # Taken before the form touches the instance: a rejected upload leaves it
    # pointing at a file that was never stored.
    avatar_url = profile.avatar.url if profile.avatar else ""
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    saved, status = submitted(request, form, lambda: save_with_files(form, "avatar"))
    if saved is not None:
        messages.success(request, _("Your profile is saved."))
        return redirect("members:profile", username=request.user.get_username())
    return render(
        request,
        "community/profile_form.html",
        {"form": form, "avatar_url": avatar_url},
        status=status,
    )
