"""Groups: creating, joining, leaving, requests to join and their decisions."""

import pytest

from community.models import ForumGroup, JoinRequest, Membership
from tests.cms.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anyone_signed_in_creates_a_group_and_owns_it(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/forum/new/",
        {
            "name": "Circular furniture buyers",
            "slug": "",
            "description": "",
            "visibility": "private",
        },
    )
    group = ForumGroup.objects.get(slug__startswith="circular-furniture-buyers-")
    assert response.status_code == 302 and response["Location"] == group.get_absolute_url()
    assert group.is_private and group.created_by == user
    assert Membership.objects.get(group=group, user=user).role == "owner"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "slug": "", "visibility": "public"}, "name"),
        ({"name": "Taken", "slug": "open-buyers", "visibility": "public"}, "slug"),
        ({"name": "New", "slug": "new", "visibility": "public"}, "slug"),
        ({"name": "X" * 300, "slug": "", "visibility": "public"}, "name"),
        ({"name": "Odd", "slug": "", "visibility": "secret"}, "visibility"),
    ],
)
def test_group_form_shows_field_errors_and_saves_nothing(client, forum, data, field):
    client.force_login(forum["users"]["outsider"])
    before = ForumGroup.objects.count()
    response = client.post("/forum/new/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert ForumGroup.objects.count() == before


def test_group_creation_needs_a_signed_in_user(client, db):
    response = client.get("/forum/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_joining_a_public_group_is_immediate_and_leaving_undoes_it(client, forum):
    user = forum["users"]["outsider"]
    client.force_login(user)
    client.post("/forum/open-buyers/join/")
    assert Membership.objects.filter(group=forum["public"], user=user, banned=False).exists()
    client.post("/forum/open-buyers/join/")  # twice: still one membership
    assert Membership.objects.filter(group=forum["public"], user=user).count() == 1
    client.post("/forum/open-buyers/leave/")
    assert not Membership.objects.filter(group=forum["public"], user=user).exists()


def test_a_private_group_cannot_be_joined_directly(client, forum):
    client.force_login(forum["users"]["outsider"])
    assert client.post("/forum/secret-consortium/join/").status_code == 404
    assert not Membership.objects.filter(user=forum["users"]["outsider"]).exists()


def test_a_banned_user_cannot_rejoin(client, forum):
    banned = forum["users"]["banned"]
    Membership.objects.create(group=forum["public"], user=banned, banned=True)
    client.force_login(banned)
    client.post("/forum/open-buyers/join/")
    assert Membership.objects.get(group=forum["public"], user=banned).banned


def test_the_last_owner_cannot_leave(client, forum):
    client.force_login(forum["owner"])
    client.post("/forum/secret-consortium/leave/")
    assert Membership.objects.filter(group=forum["private"], user=forum["owner"]).exists()


def test_join_request_is_approved_by_a_group_moderator(client, forum):
    outsider, moderator = forum["users"]["outsider"], forum["users"]["group_moderator"]
    client.force_login(outsider)
    client.post(forum["private"].get_join_request_url(), {"message": "We joined the consortium."})
    client.post(forum["private"].get_join_request_url(), {"message": "Again"})  # one only
    join_request = JoinRequest.objects.get(group=forum["private"], user=outsider)
    assert join_request.status == "pending"

    client.force_login(forum["users"]["member"])  # an ordinary member may not decide
    assert client.get("/forum/secret-consortium/requests/").status_code == 403

    client.force_login(moderator)
    page = client.get("/forum/secret-consortium/requests/")
    assert "We joined the consortium." in page.content.decode()
    client.post(
        "/forum/secret-consortium/requests/",
        {"request": join_request.public_id, "decision": "approve"},
    )
    join_request.refresh_from_db()
    assert join_request.status == "approved" and join_request.decided_by == moderator
    client.force_login(outsider)
    assert client.get("/forum/secret-consortium/").status_code == 200


def test_a_declined_request_gives_no_access(client, forum):
    outsider = forum["users"]["outsider"]
    JoinRequest.objects.create(group=forum["private"], user=outsider)
    client.force_login(forum["owner"])
    request_id = JoinRequest.objects.get(user=outsider).public_id
    client.post(
        "/forum/secret-consortium/requests/", {"request": request_id, "decision": "decline"}
    )
    client.force_login(outsider)
    assert client.get("/forum/secret-consortium/").status_code == 404


def test_approving_a_banned_users_request_is_refused_with_a_message(client, forum):
    outsider = forum["users"]["outsider"]
    Membership.objects.create(group=forum["private"], user=outsider, banned=True)
    join_request = JoinRequest.objects.create(group=forum["private"], user=outsider)
    client.force_login(forum["owner"])
    response = client.post(
        "/forum/secret-consortium/requests/",
        {"request": join_request.public_id, "decision": "approve"},
    )
    assert response.status_code == 409
    assert any("ban" in str(message).lower() for message in response.context["messages"])
    assert Membership.objects.get(group=forum["private"], user=outsider).banned
