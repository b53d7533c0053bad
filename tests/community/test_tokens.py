"""Personal access tokens on the member's own pages: made, shown once, listed
by their prefix only, and revoked by their owner alone."""

import pytest
from django.test import Client
from wagtail.models import APIToken

from tests.cms.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_creates_a_token_sees_it_once_and_revokes_it(client):
    member = UserFactory(username="carla")
    client.force_login(member)
    created = client.post("/members/me/tokens/", {"name": "Project dashboard"})
    assert created.status_code == 200
    plaintext = created.context["created"]
    assert plaintext in created.content.decode()
    assert "no-store" in created["Cache-Control"] or "no-cache" in created["Cache-Control"]

    listing = client.get("/members/me/tokens/").content.decode()
    token = APIToken.objects.get(user=member)
    assert "Project dashboard" in listing and token.prefix in listing
    assert plaintext not in listing  # shown once, never again

    api = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert api.get("/api/v3/forum/groups/").status_code == 200

    someone = UserFactory()
    client.force_login(someone)
    assert client.post(f"/members/me/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(member)
    revoked = client.post(f"/members/me/tokens/{token.pk}/revoke/", follow=True)
    assert "no longer works" in revoked.content.decode()
    assert api.get("/api/v3/forum/groups/").status_code == 401
    assert token.prefix not in client.get("/members/me/tokens/").content.decode()


def test_a_token_needs_a_name_and_the_page_needs_a_sign_in(client):
    assert client.get("/members/me/tokens/").status_code == 302
    client.force_login(UserFactory())
    response = client.post("/members/me/tokens/", {"name": ""})
    assert response.status_code == 400 and "field-error" in response.content.decode()
    assert not APIToken.objects.exists()
