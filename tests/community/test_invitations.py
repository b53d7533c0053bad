"""Invitations: sent by owners and moderators, usable only by the invitee,
until they expire."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from community.models import Invitation, Membership
from tests import factories

pytestmark = pytest.mark.django_db


def invite(client, who, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/forum/secret-consortium/invite/", {"who": who})


def link_in(message):
    return re.search(r"http://testserver(/forum/invitations/\S+/)", message.body)[1]


def test_an_invited_member_joins_through_the_emailed_link(
    client, forum, django_capture_on_commit_callbacks
):
    outsider = forum["users"]["outsider"]
    client.force_login(forum["users"]["group_moderator"])
    invite(client, "outsider", django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[outsider.email]]
    assert "Secret consortium" in mail.outbox[0].subject
    url = link_in(mail.outbox[0])

    client.force_login(forum["users"]["banned"])  # someone else with the link
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 200
    client.post(url)
    assert Membership.objects.filter(group=forum["private"], user=outsider, banned=False).exists()
    assert client.get("/forum/secret-consortium/").status_code == 200
    assert client.post(url).status_code == 410  # used once


def test_an_email_invitation_works_once_the_address_is_confirmed(
    client, forum, django_capture_on_commit_callbacks
):
    client.force_login(forum["owner"])
    invite(client, "new.buyer@example.net", django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0])
    newcomer = factories.UserFactory(username="newcomer", email="new.buyer@example.net")
    client.force_login(newcomer)
    assert client.get(url).status_code == 404  # address not confirmed yet
    EmailAddress.objects.create(user=newcomer, email=newcomer.email, verified=True, primary=True)
    client.post(url)
    assert Membership.objects.filter(group=forum["private"], user=newcomer).exists()


def test_expired_invitations_and_banned_invitees_cannot_join(
    client, forum, django_capture_on_commit_callbacks
):
    client.force_login(forum["owner"])
    invite(client, "outsider", django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    client.force_login(forum["users"]["outsider"])
    assert client.post(link_in(mail.outbox[0])).status_code == 410
    assert not Membership.objects.filter(user=forum["users"]["outsider"]).exists()

    banned = forum["users"]["banned"]
    Invitation.objects.create(
        group=forum["private"], user=banned, email=banned.email, token="b" * 40
    )
    client.force_login(banned)
    assert client.post("/forum/invitations/" + "b" * 40 + "/").status_code == 410
    assert Membership.objects.get(group=forum["private"], user=banned).banned


@pytest.mark.parametrize("role", ["member", "outsider", "former_member"])
def test_only_owners_and_moderators_invite(client, forum, as_role, role):
    response = as_role(role).post("/forum/secret-consortium/invite/", {"who": "bob"})
    assert response.status_code == 404
    assert not Invitation.objects.exists() and mail.outbox == []


def test_invitation_form_errors(client, forum):
    client.force_login(forum["owner"])
    for who, message in [
        ("nobody-by-that-name", "No member has this username."),
        ("not an address@", "Enter a valid email address."),
        ("member", "already in the group"),
    ]:
        response = client.post("/forum/secret-consortium/invite/", {"who": who})
        assert response.status_code == 400 and message in response.content.decode()
    assert not Invitation.objects.exists()
