"""The page and the API give the same answer to the same refused action: the
service that refuses decides the status once, and both surfaces show its
message (issue 14, item 1)."""

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from community.models import Discussion, ForumComment, JoinRequest, Membership
from tests.community.factories import forum_comment
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

API = "/api/v3/forum"
GROUP = "/forum/secret-consortium"
GROUP_API = f"{API}/groups/secret-consortium"


@dataclass
class Refusal:
    """One refused action: who tries it, how on the page and in the API, and
    the answer both give."""

    role: str
    page: Callable  # (client, forum) -> response
    api: Callable  # (client, forum) -> response
    status: int
    message: str
    setup: Callable = lambda forum: None


def user_of(forum, role):
    return forum["owner"] if role == "owner" else forum["users"][role]


def post_json(client, url, data, method="post"):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def discussion_url(forum, key="private_discussion"):
    discussion = forum[key]
    return f"/forum/{discussion.group.slug}/{discussion.public_id}/"


def discussion_api(forum, key="private_discussion"):
    discussion = forum[key]
    return f"{API}/groups/{discussion.group.slug}/discussions/{discussion.public_id}/"


def comment_page(forum, action):
    return f"/forum/comments/{forum['private_reply'].public_id}/{action}/"


def comment_api(forum):
    return f"{API}/comments/{forum['private_reply'].public_id}/"


def ban_from_public_group(forum):
    Membership.objects.create(group=forum["public"], user=forum["users"]["banned"], banned=True)


def lock_discussion(forum):
    Discussion.objects.filter(pk=forum["private_discussion"].pk).update(locked=True)


def request_to_join(forum):
    forum["join_request"] = JoinRequest.objects.create(
        group=forum["private"], user=forum["users"]["outsider"]
    )


def comment_by_the_member_long_ago(forum):
    long_ago = timezone.now() - timezone.timedelta(days=1)
    comment = forum_comment(forum["private_discussion"], forum["users"]["member"])
    ForumComment.objects.filter(pk=comment.pk).update(submit_date=long_ago)
    forum["private_reply"] = comment


def page_comment_target(forum):
    forum["resource"] = ResourceFactory(title="Guide to PCP", slug="guide-to-pcp")


def page_comment_url(forum):
    return f"/forum/comments/on/resource/{forum['resource'].pk}/"


def page_comment_api(forum):
    return f"{API}/on/resource/{forum['resource'].pk}/comments/"


REFUSALS = {
    "join a group one is banned from": Refusal(
        "banned",
        lambda c, f: c.post("/forum/open-buyers/join/"),
        lambda c, f: c.post(f"{API}/groups/open-buyers/join/"),
        403,
        "You cannot join this group.",
        setup=ban_from_public_group,
    ),
    "join a private group one sees without being in it": Refusal(
        "site_moderator",
        lambda c, f: c.post(f"{GROUP}/join/"),
        lambda c, f: c.post(f"{GROUP_API}/join/"),
        403,
        "A private group is joined through a request or an invitation.",
    ),
    "leave a group one is not in": Refusal(
        "outsider",
        lambda c, f: c.post("/forum/open-buyers/leave/"),
        lambda c, f: c.post(f"{API}/groups/open-buyers/leave/"),
        409,
        "You are not a member of this group.",
    ),
    "leave a group as its only owner": Refusal(
        "owner",
        lambda c, f: c.post(f"{GROUP}/leave/"),
        lambda c, f: c.post(f"{GROUP_API}/leave/"),
        409,
        "Hand the group over to another owner before you leave it.",
    ),
    "manage members as a member": Refusal(
        "member",
        lambda c, f: c.post(
            f"{GROUP}/members/{f['users']['group_moderator'].pk}/", {"action": "remove"}
        ),
        lambda c, f: post_json(c, f"{GROUP_API}/members/group_moderator/", {"action": "remove"}),
        403,
        "Only the group's owners and moderators manage its members.",
    ),
    "hand the group over as a group moderator": Refusal(
        "group_moderator",
        lambda c, f: c.post(f"{GROUP}/members/{f['users']['member'].pk}/", {"action": "transfer"}),
        lambda c, f: post_json(c, f"{GROUP_API}/members/member/", {"action": "transfer"}),
        403,
        "Only an owner can hand the group over.",
    ),
    "do something to oneself": Refusal(
        "group_moderator",
        lambda c, f: c.post(
            f"{GROUP}/members/{f['users']['group_moderator'].pk}/", {"action": "demote"}
        ),
        lambda c, f: post_json(c, f"{GROUP_API}/members/group_moderator/", {"action": "demote"}),
        409,
        "You cannot do that to yourself; use “Leave the group”.",
    ),
    "an unknown action on a member": Refusal(
        "group_moderator",
        lambda c, f: c.post(f"{GROUP}/members/{f['users']['member'].pk}/", {"action": "explode"}),
        lambda c, f: post_json(c, f"{GROUP_API}/members/member/", {"action": "explode"}),
        400,
        "Unknown action.",
    ),
    "ban the group's only owner": Refusal(
        "site_moderator",
        lambda c, f: c.post(f"{GROUP}/members/{f['owner'].pk}/", {"action": "ban"}),
        lambda c, f: post_json(c, f"{GROUP_API}/members/owner/", {"action": "ban"}),
        409,
        "This is the group's only owner: make someone else an owner first.",
    ),
    "see requests to join as a member": Refusal(
        "member",
        lambda c, f: c.get(f"{GROUP}/requests/"),
        lambda c, f: c.get(f"{GROUP_API}/join-requests/"),
        403,
        "Only the group's owners and moderators see and decide on requests to join.",
    ),
    "decide on a request to join as a member": Refusal(
        "member",
        lambda c, f: c.post(
            f"{GROUP}/requests/",
            {"request": f["join_request"].public_id, "decision": "approve"},
        ),
        lambda c, f: post_json(
            c, f"{GROUP_API}/join-requests/{f['join_request'].public_id}/", {"decision": "approve"}
        ),
        403,
        "Only the group's owners and moderators see and decide on requests to join.",
        setup=request_to_join,
    ),
    "start a discussion in a group one is not in": Refusal(
        "outsider",
        lambda c, f: c.post("/forum/open-buyers/new/", {"title": "Hello", "body": "Hi all"}),
        lambda c, f: post_json(
            c, f"{API}/groups/open-buyers/discussions/", {"title": "Hello", "body": "Hi all"}
        ),
        403,
        "Join the group to take part.",
    ),
    "comment in a group one is not in": Refusal(
        "outsider",
        lambda c, f: c.post(f"{discussion_url(f, 'public_discussion')}comment/", {"comment": "Hi"}),
        lambda c, f: post_json(
            c, f"{discussion_api(f, 'public_discussion')}comments/", {"text": "Hi"}
        ),
        403,
        "Join the group to take part.",
    ),
    "comment in a locked discussion": Refusal(
        "member",
        lambda c, f: c.post(f"{discussion_url(f)}comment/", {"comment": "Too late"}),
        lambda c, f: post_json(c, f"{discussion_api(f)}comments/", {"text": "Too late"}),
        409,
        "This discussion is locked; it takes no new comments.",
        setup=lock_discussion,
    ),
    "pin a discussion as a member": Refusal(
        "member",
        lambda c, f: c.post(f"{discussion_url(f)}state/", {"action": "pin"}),
        lambda c, f: post_json(c, discussion_api(f), {"pinned": True}, "patch"),
        403,
        "Only the group's owners and moderators pin or lock discussions.",
    ),
    "edit someone else's comment": Refusal(
        "member",
        lambda c, f: c.post(comment_page(f, "edit"), {"comment": "Changed"}),
        lambda c, f: post_json(c, comment_api(f), {"text": "Changed"}, "patch"),
        403,
        "You can only edit your own comments.",
    ),
    "edit one's comment after the edit window": Refusal(
        "member",
        lambda c, f: c.post(comment_page(f, "edit"), {"comment": "Changed"}),
        lambda c, f: post_json(c, comment_api(f), {"text": "Changed"}, "patch"),
        409,
        "Comments can only be edited in their first 15 minutes.",
        setup=comment_by_the_member_long_ago,
    ),
    "remove someone else's comment": Refusal(
        "member",
        lambda c, f: c.post(comment_page(f, "remove")),
        lambda c, f: c.delete(comment_api(f)),
        403,
        "Only its author or the group's moderators can remove a comment.",
    ),
    "share a page comment with a public group one is not in": Refusal(
        "outsider",
        lambda c, f: c.post(page_comment_url(f), {"comment": "Hi", "scope": "open-buyers"}),
        lambda c, f: post_json(c, page_comment_api(f), {"text": "Hi", "scope": "open-buyers"}),
        403,
        "Join the group to take part.",
        setup=page_comment_target,
    ),
    "share a page comment with a group one does not see": Refusal(
        "outsider",
        lambda c, f: c.post(page_comment_url(f), {"comment": "Hi", "scope": "secret-consortium"}),
        lambda c, f: post_json(
            c, page_comment_api(f), {"text": "Hi", "scope": "secret-consortium"}
        ),
        400,
        "You can only share a comment with a group you are a member of.",
        setup=page_comment_target,
    ),
}


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


@pytest.mark.parametrize("name", REFUSALS)
def test_the_page_and_the_api_give_the_same_answer(forum, settings, name):
    settings.FORUM_EDIT_WINDOW_MINUTES = 15
    refusal = REFUSALS[name]
    refusal.setup(forum)
    user = user_of(forum, refusal.role)
    comments, memberships = ForumComment.objects.count(), list(Membership.objects.values())

    page_client = Client()
    page_client.force_login(user)
    page = refusal.page(page_client, forum)
    api = refusal.api(Client(HTTP_AUTHORIZATION=f"Bearer {token(user)}"), forum)

    assert (page.status_code, api.status_code) == (refusal.status, refusal.status)
    assert refusal.message in html.unescape(page.content.decode())
    assert api.json()["detail"] == refusal.message
    # Refused: nothing was written, on either surface.
    assert ForumComment.objects.count() == comments
    assert list(Membership.objects.values()) == memberships


def token(user):
    return APIToken.create_token(user=user, name="script")[1]
