"""Owners and moderators manage members; nobody else can."""

import pytest

from community.models import Membership

pytestmark = pytest.mark.django_db


def act(client, forum, username, action):
    user = forum["users"].get(username) or forum["owner"]
    return client.post(
        f"/forum/secret-consortium/members/{user.pk}/", {"action": action}, follow=True
    )


def role_of(forum, username):
    user = forum["users"].get(username) or forum["owner"]
    membership = Membership.objects.filter(group=forum["private"], user=user).first()
    return None if membership is None else ("banned" if membership.banned else membership.role)


def test_a_group_moderator_promotes_bans_and_removes_members(client, forum):
    client.force_login(forum["users"]["group_moderator"])
    act(client, forum, "member", "promote")
    assert role_of(forum, "member") == "moderator"
    act(client, forum, "member", "ban")
    assert role_of(forum, "member") == "banned"
    client.force_login(forum["users"]["member"])
    assert client.get("/forum/secret-consortium/").status_code == 404
    client.force_login(forum["users"]["group_moderator"])
    act(client, forum, "member", "unban")
    assert role_of(forum, "member") == "member"
    act(client, forum, "member", "remove")
    assert role_of(forum, "member") is None


def test_only_an_owner_hands_the_group_over_and_touches_owners(client, forum):
    client.force_login(forum["users"]["group_moderator"])
    page = act(client, forum, "member", "transfer").content.decode()
    assert "Only an owner can hand the group over." in page
    act(client, forum, "owner", "remove")
    assert role_of(forum, "owner") == "owner"

    client.force_login(forum["owner"])
    act(client, forum, "member", "transfer")
    assert role_of(forum, "member") == "owner" and role_of(forum, "owner") == "moderator"


@pytest.mark.parametrize("role", ["member", "outsider", "banned", "former_member"])
def test_others_cannot_manage_members(client, forum, as_role, role):
    response = as_role(role).post(
        f"/forum/secret-consortium/members/{forum['users']['group_moderator'].pk}/",
        {"action": "remove"},
    )
    # A member is told no; to the others the group does not exist.
    assert response.status_code == (403 if role == "member" else 404)
    assert role_of(forum, "group_moderator") == "moderator"


def test_a_site_moderator_manages_any_group(client, forum, as_role):
    moderator = as_role("site_moderator")
    act(moderator, forum, "member", "transfer")
    act(moderator, forum, "owner", "ban")
    assert role_of(forum, "owner") == "banned" and role_of(forum, "member") == "owner"


def test_a_group_keeps_an_owner(client, forum, as_role):
    """Nobody, a site moderator included, bans, removes or demotes the only
    owner: the group would be left with nobody to run it."""
    moderator = as_role("site_moderator")
    for action in ("ban", "remove", "demote", "promote"):
        page = act(moderator, forum, "owner", action)
        assert page.status_code == 409, action
        assert "only owner" in page.content.decode()
        assert role_of(forum, "owner") == "owner"


def test_unknown_actions_and_acting_on_oneself_are_refused(client, forum):
    client.force_login(forum["users"]["group_moderator"])
    assert "Unknown action." in act(client, forum, "member", "explode").content.decode()
    page = act(client, forum, "group_moderator", "remove").content.decode()
    assert "yourself" in page and role_of(forum, "group_moderator") == "moderator"
