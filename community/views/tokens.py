"""Personal access tokens for the API: a member creates one for a script or
an app, sees it once, and revokes it when it is no longer needed. They are
Wagtail's API tokens, so only a keyed digest is stored (wagtail.models.APIToken)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import APIToken

MAX_ACTIVE_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What is it for?"),
        max_length=100,
        help_text=gettext_lazy("For example: our project's dashboard"),
    )


@never_cache
@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    created = None
    active = APIToken.objects.filter(user=request.user, revoked_at__isnull=True)
    if request.method == "POST" and form.is_valid():
        if active.count() >= MAX_ACTIVE_TOKENS:
            form.add_error(None, _("Revoke a token you no longer use first."))
        else:
            _token, created = APIToken.create_token(
                user=request.user, name=form.cleaned_data["name"]
            )
            form = TokenForm()
    # The new token is shown in this answer only: it is never stored in clear.
    return render(
        request,
        "community/access_tokens.html",
        {"form": form, "created": created, "tokens": active.order_by("-created")},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def revoke(request, token_id):
    token = get_object_or_404(APIToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    token.revoke()
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("members:tokens")
