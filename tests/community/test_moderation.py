"""Flags from members feed a queue in the Wagtail admin, where site moderators
keep, remove, or remove and ban."""

import pytest
from django_comments.models import CommentFlag

from community.models import ForumComment, Membership
from tests.community.factories import forum_comment

pytestmark = pytest.mark.django_db

QUEUE = "/admin/community/forumcomment/"


def flag(client, comment):
    return client.post(f"/forum/comments/{comment.public_id}/flag/")


def test_members_flag_comments_they_see_and_not_their_own(client, forum, as_role):
    comment = forum["private_reply"]  # by the owner
    flag(as_role("member"), comment)
    flag(as_role("member"), comment)  # once per member
    assert CommentFlag.objects.filter(comment=comment).count() == 1
    assert flag(as_role("outsider"), comment).status_code == 404
    client.force_login(forum["owner"])
    assert flag(client, comment).status_code == 404


def test_the_queue_is_for_site_moderators_only(client, forum, as_role):
    flag(as_role("member"), forum["private_reply"])
    moderator = as_role("site_moderator")
    page = moderator.get(QUEUE)
    assert page.status_code == 200 and "Thanks, noted." in page.content.decode()
    inspect = moderator.get(f"{QUEUE}inspect/{forum['private_reply'].pk}/")
    assert inspect.status_code == 200 and "Remove and ban" in inspect.content.decode()
    # Dealt with through the queue's actions only, never edited or deleted outright.
    assert moderator.get(f"{QUEUE}edit/{forum['private_reply'].pk}/").status_code in (302, 403)
    assert moderator.get(f"{QUEUE}delete/{forum['private_reply'].pk}/").status_code in (302, 403)
    for role in ("member", "group_moderator", "outsider"):
        response = as_role(role).get(QUEUE)
        assert response.status_code in (302, 403), role
        if response.status_code == 302:
            assert "/login" in response["Location"] or response["Location"] == "/admin/"


@pytest.mark.parametrize("action", ["approve", "remove", "ban"])
def test_moderators_decide_and_the_queue_empties(client, forum, as_role, action):
    author = forum["users"]["group_moderator"]
    comment = forum_comment(forum["private_discussion"], author, "Off topic, sorry.")
    flag(as_role("member"), comment)
    moderator = as_role("site_moderator")
    response = moderator.post(f"/admin/forum/comments/{comment.pk}/moderate/", {"action": action})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_removed == (action != "approve")
    banned = Membership.objects.filter(group=forum["private"], user=author, banned=True)
    assert banned.exists() == (action == "ban")
    assert "Off topic, sorry." not in moderator.get(QUEUE).content.decode()


def test_the_queue_bans_an_author_who_has_left(client, forum, as_role):
    comment = forum["private_comment"]  # by the former member
    flag(as_role("member"), comment)
    as_role("site_moderator").post(
        f"/admin/forum/comments/{comment.pk}/moderate/", {"action": "ban"}
    )
    former = forum["users"]["former_member"]
    assert Membership.objects.get(group=forum["private"], user=former).banned


def test_the_queue_does_not_ban_a_groups_only_owner(client, forum, as_role):
    """The queue's ban is the members page's ban, with its rules: a group
    keeps an owner. Nothing is done then, and the moderator is told why."""
    comment = forum["private_reply"]  # by the group's only owner
    flag(as_role("member"), comment)
    moderator = as_role("site_moderator")
    response = moderator.post(
        f"/admin/forum/comments/{comment.pk}/moderate/", {"action": "ban"}, follow=True
    )
    assert "only owner" in response.content.decode()
    comment.refresh_from_db()
    assert not comment.is_removed
    owner = Membership.objects.get(group=forum["private"], user=forum["owner"])
    assert owner.role == "owner" and not owner.banned
    assert "Thanks, noted." in moderator.get(QUEUE).content.decode()  # still to deal with


def test_only_site_moderators_may_decide(client, forum, as_role):
    comment = forum["private_reply"]
    response = as_role("group_moderator").post(
        f"/admin/forum/comments/{comment.pk}/moderate/", {"action": "remove"}
    )
    assert response.status_code in (302, 403)
    assert not ForumComment.objects.get(pk=comment.pk).is_removed


def test_group_and_membership_screens_open_for_site_moderators(forum, as_role):
    moderator = as_role("site_moderator")
    for url in ("/admin/community/forumgroup/", "/admin/community/membership/",
                "/admin/community/joinrequest/"):  # fmt: skip
        response = moderator.get(url)
        assert response.status_code == 200, url
    page = moderator.get("/admin/community/forumgroup/").content.decode()
    assert "Secret consortium" in page
