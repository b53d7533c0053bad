"""Accounts (django-allauth): sign-up confirms the address before anyone can
sign in, and guessing passwords is slowed down."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_sign_up_needs_a_confirmed_address_before_signing_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "procurer@example.net",
            "username": "procurer",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="procurer")
    assert user.profile is not None  # every account gets a profile
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["procurer@example.net"]
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "procurer", "password": "a-long-passphrase-42"}
    )
    assert "/accounts/confirm-email/" in response["Location"]  # not signed in yet
    assert "_auth_user_id" not in client.session

    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)[1]
    client.post(link)
    client.post("/accounts/login/", {"login": "procurer", "password": "a-long-passphrase-42"})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_repeated_failed_sign_ins_are_refused_for_a_while(client):
    user = get_user_model().objects.create_user("target", "target@example.net", "right-pass-123")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": "target", "password": "wrong"})
        assert response.status_code == 200  # the form, with its error
    # Even the right password waits until the window has passed.
    response = client.post("/accounts/login/", {"login": "target", "password": "right-pass-123"})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_bad_sign_up_shows_field_errors_and_creates_nobody(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "not-an-email", "username": "", "password1": "short", "password2": "other"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"email", "username"} <= set(errors)
    assert not get_user_model().objects.filter(email="not-an-email").exists()


@pytest.mark.parametrize("username", ["me", "ME", "Moderator"])
def test_route_words_and_role_names_cannot_be_usernames(client, username):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "newcomer@example.net",
            "username": username,
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert 'value="newcomer@example.net"' in response.content.decode()
    assert not get_user_model().objects.filter(email="newcomer@example.net").exists()


def test_every_word_of_the_members_routes_is_reserved(settings):
    from community.urls_members import urlpatterns

    words = {str(pattern.pattern).split("/")[0] for pattern in urlpatterns}
    words.discard("<str:username>")
    assert words and words <= set(settings.ACCOUNT_USERNAME_BLACKLIST)
