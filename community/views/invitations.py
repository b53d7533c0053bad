"""Invitations: owners and moderators invite a member (by username) or anyone
(by email address); the invitee accepts through a link that expires."""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from community import invitations
from community.models import Invitation, Membership
from community.permissions import Refused, can_manage

from .lookup import visible_group


class InvitationForm(forms.Form):
    who = forms.CharField(
        label=gettext_lazy("Username or email address"),
        max_length=254,
        help_text=gettext_lazy(
            "An email address that has no account yet gets an invitation to sign up."
        ),
    )

    def clean_who(self):
        who = self.cleaned_data["who"].strip()
        user = get_user_model().objects.filter(Q(username=who) | Q(email__iexact=who)).first()
        if user is None and "@" not in who:
            raise forms.ValidationError(_("No member has this username."))
        if user is None:
            forms.EmailField().clean(who)
        return user or who


@login_required
def invite(request, slug):
    group = visible_group(request, slug)
    if not can_manage(request.user, group):
        raise Http404
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        who = form.cleaned_data["who"]
        is_user = not isinstance(who, str)
        try:
            invitations.invite(
                request.user, group, user=who if is_user else None, email="" if is_user else who
            )
        except Refused as refused:
            form.add_error(refused.field, refused.message)
            status = refused.status
        else:
            messages.success(request, _("The invitation is on its way."))
            return redirect(group)
    elif form.errors:
        status = 400
    return render(request, "community/invite.html", {"group": group, "form": form}, status=status)


def usable_invitation(request, token):
    """The invitation behind `token` if it is meant for the signed-in user:
    their account, or an email address they have confirmed."""
    invitation = get_object_or_404(Invitation.objects.select_related("group"), token=token)
    if invitation.user_id:
        mine = invitation.user_id == request.user.pk
    else:
        mine = EmailAddress.objects.filter(
            user=request.user, email__iexact=invitation.email, verified=True
        ).exists()
    if not mine:
        raise Http404
    return invitation


@login_required
def accept(request, token):
    invitation = usable_invitation(request, token)
    group = invitation.group
    banned = group.memberships.filter(user=request.user, banned=True).exists()
    if request.method == "POST" and invitation.is_usable and not banned:
        with transaction.atomic():
            Membership.objects.get_or_create(group=group, user=request.user)
            Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
        messages.success(request, _("Welcome to %(group)s.") % {"group": group.name})
        return redirect(group)
    return render(
        request,
        "community/invitation.html",
        {"invitation": invitation, "group": group, "banned": banned},
        status=200 if invitation.is_usable and not banned else 410,
    )


@csrf_exempt  # the signed token is the authority; mail programs POST it without a session
def do_not_contact(request, token):
    """The link in every invitation: no account needed. Opening it shows one
    button, because mail scanners open links on their own; the button (or a
    mail program's one-click unsubscribe, RFC 8058) records the wish."""
    digest = invitations.digest_from(token)
    if digest is None:
        raise Http404
    done = request.method == "POST"
    if done:
        invitations.stop_contacting(digest)
    return render(request, "community/do_not_contact.html", {"done": done})
