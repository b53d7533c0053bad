"""Invitations: sent by owners and moderators, usable only by the invitee,
until they expire."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from community.models import Invitation, Membership
from tests.cms.factories import UserFactory
from tests.community.factories import ForumGroupFactory

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
    newcomer = UserFactory(username="newcomer", email="new.buyer@example.net")
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
    # A member is told no; to the others the group does not exist.
    assert response.status_code == (403 if role == "member" else 404)
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


# Limits on the email a member can have the site send (issue 13, item 4).

NOT_NOW = "No invitation can be sent to this address at the moment."


def stop_link_in(message):
    link = re.search(r"http://testserver(/forum/invitations/no-more/\S+/)", message.body)
    assert link, message.body
    return link[1]


def test_a_member_sends_at_most_FORUM_INVITATIONS_PER_HOUR_invitations(
    client, forum, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_INVITATIONS_PER_HOUR = 2
    client.force_login(forum["owner"])
    for n in range(2):
        response = invite(client, f"buyer{n}@example.net", django_capture_on_commit_callbacks)
        assert response.status_code == 302
    response = invite(client, "buyer3@example.net", django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert response.context["form"].errors["who"] == [
        "You have sent 2 invitations in the last hour, as many as one member may. "
        "Wait a while, then send it again."
    ]
    assert 'value="buyer3@example.net"' in response.content.decode()  # what was typed stays
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2
    # The group's other managers are not held back by this one's count.
    client.force_login(forum["users"]["group_moderator"])
    assert (
        invite(client, "buyer3@example.net", django_capture_on_commit_callbacks).status_code == 302
    )


def test_an_address_gets_at_most_FORUM_INVITATIONS_PER_ADDRESS_PER_DAY_from_everyone(
    client, forum, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_INVITATIONS_PER_ADDRESS_PER_DAY = 1
    other = ForumGroupFactory(name="Other group", slug="other-group")
    Membership.objects.create(group=other, user=forum["users"]["outsider"], role="owner")
    client.force_login(forum["owner"])
    assert (
        invite(client, "target@example.net", django_capture_on_commit_callbacks).status_code == 302
    )

    client.force_login(forum["users"]["outsider"])  # someone else, from another group
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/forum/other-group/invite/", {"who": "Target@Example.net"})
    assert response.status_code == 429
    assert response.context["form"].errors["who"] == [NOT_NOW]
    assert [message.to for message in mail.outbox] == [["target@example.net"]]
    assert not Invitation.objects.filter(group=other).exists()


def test_the_link_in_every_invitation_stops_all_further_invitations_to_the_address(
    client, forum, django_capture_on_commit_callbacks
):
    from django.test import Client

    client.force_login(forum["owner"])
    invite(client, "New.Buyer@example.net", django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    path = stop_link_in(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{path}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    from community.models import DoNotContact

    # No account, no session, no CSRF token: the signed link is enough.
    stranger = Client(enforce_csrf_checks=True)
    page = stranger.get(path)
    assert page.status_code == 200 and "Send me no more invitations" in page.content.decode()
    assert not DoNotContact.objects.exists()  # opening it (a mail scanner does) changes nothing
    assert stranger.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert stranger.post(path).status_code == 200  # twice is fine
    stored = DoNotContact.objects.get()
    assert "buyer" not in stored.address_digest.lower()  # a digest, not the address
    forged = path.replace("/no-more/", "/no-more/0")
    assert stranger.get(forged).status_code == 404

    # Whoever invites next, by address in any case or by username, sends nothing.
    forum["users"]["outsider"].email = "new.buyer@EXAMPLE.net"
    forum["users"]["outsider"].save()
    client.force_login(forum["users"]["group_moderator"])
    for who in ("new.buyer@example.net", "outsider"):
        response = invite(client, who, django_capture_on_commit_callbacks)
        assert response.status_code == 429
        assert response.context["form"].errors["who"] == [NOT_NOW]
    assert len(mail.outbox) == 1 and Invitation.objects.count() == 1
