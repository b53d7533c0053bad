"""Invitations: owners and moderators invite a member (by username) or anyone
(by email address); the invitee accepts through a link that expires."""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from community import invitations, membership
from community.models import Invitation
from community.permissions import Refused

from .lookup import visible_group
from .refusals import refusal_page, submitted


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
    try:
        invitations.require_inviter(request.user, group)
    except Refused as refused:
        return refusal_page(request, refused, group)
    form = InvitationForm(request.POST or None)
    invitation, status = submitted(request, form, lambda: send_invitation(request, group, form))
    if invitation is not None:
        messages.success(request, _("The invitation is on its way."))
        return redirect(group)
    return render(request, "community/invite.html", {"group": group, "form": form}, status=status)


def send_invitation(request, group, form):
    who = form.cleaned_data["who"]
    if isinstance(who, str):
        return invitations.invite(request.user, group, email=who)
    return invitations.invite(request.user, group, user=who)


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
    """The invitation's page: one button, to accept it, or why it cannot be."""
    invitation = usable_invitation(request, token)
    group = invitation.group
    try:
        if request.method == "POST":
            membership.accept_invitation(request.user, invitation)
            messages.success(request, _("Welcome to %(group)s.") % {"group": group.name})
            return redirect(group)
        membership.require_acceptable(request.user, invitation)
    except Refused as refused:
        return render(
            request,
            "community/invitation.html",
            {"invitation": invitation, "group": group, "refusal": refused.message},
            status=refused.status,
        )
    return render(request, "community/invitation.html", {"invitation": invitation, "group": group})


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
