"""Writing in the Forum through API v3: personal access tokens and the
session (with CSRF), the same rules as the pages, clear problem+json
refusals, and nothing half-saved."""

import io
import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.models import APIToken

from community.attachments import attach
from community.models import Discussion, ForumComment, ForumGroup, JoinRequest, Membership
from community.uploads import check_upload
from tests.cms.factories import UserFactory
from tests.community.conftest import ROLES, SEES_PRIVATE
from tests.community.factories import DiscussionFactory, forum_comment

pytestmark = pytest.mark.django_db

API = "/api/v3/forum"


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


def token_client(user):
    """A client that sends a personal access token and no cookies."""
    _token, plaintext = APIToken.create_token(user=user, name="script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def post_json(client, url, data, method="post"):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def comments_url(discussion):
    return f"{API}/groups/{discussion.group.slug}/discussions/{discussion.public_id}/comments/"


def problem(response):
    assert response["Content-Type"] == "application/problem+json", response.content
    return response.json()["detail"]


def test_a_member_posts_a_reply_with_a_token_and_it_reads_back_in_the_tree(forum):
    member = forum["users"]["member"]
    discussion = forum["private_discussion"]
    client = token_client(member)
    response = post_json(
        client,
        comments_url(discussion),
        {"text": "We **agree**.", "parent_id": forum["private_comment"].public_id},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["parent_id"] == forum["private_comment"].public_id
    assert body["level"] == 1 and body["scope"] == "secret-consortium"
    assert body["author"] == "member" and "<strong>agree</strong>" in body["text_html"]
    tree = client.get(comments_url(discussion)).json()["items"]
    assert body["id"] in [item["id"] for item in tree]
    discussion.refresh_from_db()
    assert discussion.comment_count == 1  # the fixture's comments were not posted this way


@pytest.mark.parametrize("role", ROLES)
def test_only_members_post_into_a_private_group(forum, role):
    client = Client() if role == "anonymous" else token_client(forum["users"][role])
    before = ForumComment.objects.count()
    response = post_json(client, comments_url(forum["private_discussion"]), {"text": "Hello"})
    if role == "anonymous":
        assert response.status_code == 401
    elif role in SEES_PRIVATE:
        # The site moderator sees the group but is not a member: members write.
        assert response.status_code == (201 if role != "site_moderator" else 403)
    else:
        assert response.status_code == 404
        assert "Secret" not in response.content.decode()
    expected = before + (1 if role in ("member", "group_moderator") else 0)
    assert ForumComment.objects.count() == expected


def test_a_token_reads_private_groups_and_a_bad_or_revoked_token_is_refused(forum):
    member = forum["users"]["member"]
    token, plaintext = APIToken.create_token(user=member, name="dashboard")
    url = f"{API}/groups/secret-consortium/"
    assert Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}").get(url).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None

    wrong = Client(HTTP_AUTHORIZATION="Bearer wagtail_not-a-real-token")
    assert wrong.get(url).status_code == 401
    assert wrong.get(f"{API}/groups/").status_code == 401  # not quietly anonymous

    token.revoke()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}").get(url).status_code == 401


def test_search_through_the_api_sees_private_comments_with_a_token(forum, site_index):
    query = {"q": "budget figures"}
    anonymous = Client().get("/api/v3/search/", query).json()
    member = token_client(forum["users"]["member"]).get("/api/v3/search/", query).json()

    def summaries(answer):
        return [hit["summary"] for hit in answer["items"]]

    assert "Budget figures for phase two." not in summaries(anonymous)
    assert "Budget figures for phase two." in summaries(member)


def test_writes_without_a_token_or_a_session_ask_to_sign_in(forum):
    client = Client(enforce_csrf_checks=True)  # as a real server checks
    response = post_json(client, comments_url(forum["public_discussion"]), {"text": "Hi"})
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"


def test_session_writes_need_the_csrf_token(forum):
    member = forum["users"]["member"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    url = comments_url(forum["private_discussion"])
    before = ForumComment.objects.count()
    refused = post_json(client, url, {"text": "No token"})
    assert refused.status_code == 403 and "CSRF" in problem(refused)
    assert ForumComment.objects.count() == before

    client.get("/forum/")  # a page with a form sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    accepted = client.post(
        url,
        json.dumps({"text": "With the token"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert accepted.status_code == 201
    # Reading needs no CSRF token.
    assert client.get(url).status_code == 200


def test_bad_comments_get_clear_errors_and_nothing_is_saved(forum, settings):
    client = token_client(forum["users"]["member"])
    discussion = forum["private_discussion"]
    other = DiscussionFactory(group=forum["private"], title="Other")
    before = ForumComment.objects.count()
    cases = [
        ({"text": "   "}, 400, "cannot be empty"),
        ({"text": "x" * (settings.COMMENT_MAX_LENGTH + 1)}, 400, "at most"),
        ({"text": "Hi", "parent_id": forum["public_comment"].public_id}, 400, "same discussion"),
        ({"text": "Hi", "parent_id": 99_999_999}, 400, "same discussion"),
    ]
    for data, status, message in cases:
        response = post_json(client, comments_url(discussion), data)
        assert response.status_code == status, (data, response.content)
        assert message in problem(response)
    wrong_parent = post_json(
        client, comments_url(other), {"text": "Hi", "parent_id": forum["private_comment"].public_id}
    )
    assert wrong_parent.status_code == 400
    malformed = client.post(comments_url(discussion), "{not json", content_type="application/json")
    assert malformed.status_code in (400, 422)
    missing = post_json(client, comments_url(discussion), {"parent_id": 1})
    assert missing.status_code == 422
    assert ForumComment.objects.count() == before


def test_replies_stop_at_the_maximum_depth(forum, settings):
    settings.COMMENTS_XTD_MAX_THREAD_LEVEL = 1
    client = token_client(forum["users"]["member"])
    response = post_json(
        client,
        comments_url(forum["private_discussion"]),
        {"text": "Deeper", "parent_id": forum["private_reply"].public_id},
    )
    assert response.status_code == 400 and "as deep as it goes" in problem(response)


def test_locked_discussions_and_bursts_are_refused_with_their_status(forum, settings):
    client = token_client(forum["users"]["member"])
    discussion = forum["private_discussion"]
    settings.FORUM_POSTS_PER_MINUTE = 2
    statuses = [
        post_json(client, comments_url(discussion), {"text": f"Post {n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [201, 201, 429]
    Discussion.objects.filter(pk=discussion.pk).update(locked=True)
    cache.clear()
    locked = post_json(client, comments_url(discussion), {"text": "Late"})
    assert locked.status_code == 409 and "locked" in problem(locked)


def test_editing_and_removing_follow_the_pages_rules(forum, settings):
    member = forum["users"]["member"]
    comment = forum_comment(forum["private_discussion"], member, "Frist")
    mine = token_client(member)
    edited = post_json(mine, f"{API}/comments/{comment.public_id}/", {"text": "First"}, "patch")
    assert edited.status_code == 200 and edited.json()["text"] == "First"
    assert edited.json()["edited_at"]

    theirs = token_client(forum["users"]["group_moderator"])
    refused = post_json(theirs, f"{API}/comments/{comment.public_id}/", {"text": "Hacked"}, "patch")
    assert refused.status_code == 403 and "your own" in problem(refused)
    outsider = token_client(forum["users"]["outsider"])
    hidden = post_json(
        outsider, f"{API}/comments/{comment.public_id}/", {"text": "Hacked"}, "patch"
    )
    assert hidden.status_code == 404
    comment.refresh_from_db()
    assert comment.comment == "First"

    settings.FORUM_EDIT_WINDOW_MINUTES = 0
    late = post_json(mine, f"{API}/comments/{comment.public_id}/", {"text": "Late"}, "patch")
    assert late.status_code == 409 and "minutes" in problem(late)

    other_member = UserFactory()
    Membership.objects.create(group=forum["private"], user=other_member)
    assert (
        token_client(other_member).delete(f"{API}/comments/{comment.public_id}/").status_code == 403
    )
    assert (
        theirs.delete(f"{API}/comments/{comment.public_id}/").status_code == 204
    )  # group moderator
    comment.refresh_from_db()
    assert comment.is_removed


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_files_are_attached_by_content_and_served_only_to_the_group(forum):
    member = forum["users"]["member"]
    comment = forum_comment(forum["private_discussion"], member, "See the picture")
    client = token_client(member)
    url = f"{API}/comments/{comment.public_id}/attachments/"
    lying = client.post(
        url, {"file": SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf at all")}
    )
    assert lying.status_code == 400 and problem(lying)
    assert not comment.attachments.exists()

    created = client.post(url, {"file": SimpleUploadedFile("site.png", png_bytes())})
    assert created.status_code == 201, created.content
    signed_url = created.json()["url"]
    assert "key=" in signed_url
    served = Client().get(signed_url)  # an <img> or a download: no token, no session
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    plain_url, _, key = signed_url.partition("?key=")
    outsider = Client()
    outsider.force_login(forum["users"]["outsider"])
    assert outsider.get(plain_url).status_code == 404  # the permission check without a key
    assert Client().get(f"{plain_url}?key={key[:-2]}xx").status_code == 404  # tampered
    other = attach(
        check_upload(SimpleUploadedFile("other.png", png_bytes())),
        forum["private"],
        member,
        comment=comment,
    )
    assert Client().get(f"{other.get_absolute_url()}?key={key}").status_code == 404  # not its key


def test_signed_attachment_links_expire(forum, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from community.attachments import attach
    from community.uploads import check_upload

    comment = forum_comment(forum["private_discussion"], forum["owner"], "Plan")
    checked = check_upload(SimpleUploadedFile("site.png", png_bytes()))
    attachment = attach(checked, forum["private"], forum["owner"], comment=comment)
    signed_url = attachment.get_signed_url(forum["owner"])
    assert Client().get(signed_url).status_code == 200
    # Made for someone who may not see the file: no file.
    assert Client().get(attachment.get_signed_url(forum["users"]["outsider"])).status_code == 404
    settings.FORUM_SIGNED_URL_SECONDS = -1
    assert Client().get(signed_url).status_code == 404


def test_a_signed_link_dies_with_the_members_access(forum):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from community.attachments import attach
    from community.uploads import check_upload

    member = forum["users"]["member"]
    comment = forum_comment(forum["private_discussion"], member, "Plan")
    checked = check_upload(SimpleUploadedFile("site.png", png_bytes()))
    attachment = attach(checked, forum["private"], member, comment=comment)
    signed_url = attachment.get_signed_url(member)
    assert Client().get(signed_url).status_code == 200
    Membership.objects.filter(group=forum["private"], user=member).update(banned=True)
    assert Client().get(signed_url).status_code == 404


def test_membership_actions(forum):
    outsider = forum["users"]["outsider"]
    client = token_client(outsider)
    joined = client.post(f"{API}/groups/open-buyers/join/")
    assert joined.status_code == 200 and joined.json()["role"] == "member"
    assert client.post(f"{API}/groups/secret-consortium/join/").status_code == 404
    assert client.post(f"{API}/groups/open-buyers/leave/").status_code == 204
    assert not Membership.objects.filter(group=forum["public"], user=outsider).exists()
    again = client.post(f"{API}/groups/open-buyers/leave/")
    assert again.status_code == 409

    owner = token_client(forum["owner"])
    member = forum["users"]["member"]
    action = f"{API}/groups/secret-consortium/members/{member.username}/"
    promoted = post_json(owner, action, {"action": "promote"})
    assert promoted.status_code == 200 and promoted.json()["role"] == "moderator"
    unknown = post_json(owner, action, {"action": "explode"})
    assert unknown.status_code == 400 and "Unknown action" in problem(unknown)
    by_member = post_json(token_client(member), f"{API}/groups/secret-consortium/members/owner/",
                          {"action": "ban"})  # fmt: skip
    assert by_member.status_code == 403
    assert post_json(owner, action, {"action": "remove"}).status_code == 204
    assert not Membership.objects.filter(group=forum["private"], user=member).exists()


def test_owners_decide_join_requests_through_the_api(forum):
    requester = forum["users"]["outsider"]
    join_request = JoinRequest.objects.create(group=forum["private"], user=requester)
    owner = token_client(forum["owner"])
    listed = owner.get(f"{API}/groups/secret-consortium/join-requests/").json()["items"]
    assert [item["username"] for item in listed] == ["outsider"]
    member = token_client(forum["users"]["member"])
    assert member.get(f"{API}/groups/secret-consortium/join-requests/").status_code == 403
    url = f"{API}/groups/secret-consortium/join-requests/{join_request.public_id}/"
    assert post_json(owner, url, {"decision": "maybe"}).status_code == 400
    decided = post_json(owner, url, {"decision": "approve"})
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    assert Membership.objects.filter(group=forum["private"], user=requester).exists()
    assert post_json(owner, url, {"decision": "decline"}).status_code == 409


def test_anyone_signed_in_creates_a_group_and_owns_it(forum):
    client = token_client(forum["users"]["outsider"])
    created = post_json(client, f"{API}/groups/", {"name": "Smart lighting buyers"})
    assert created.status_code == 201, created.content
    assert created.json()["slug"] == "smart-lighting-buyers"
    assert Membership.objects.get(group__slug="smart-lighting-buyers").role == "owner"
    taken = post_json(client, f"{API}/groups/", {"name": "Another", "slug": "open-buyers"})
    assert taken.status_code == 400 and "not available" in problem(taken)
    assert taken.json()["errors"][0]["loc"][-1] == "slug"
    bad = post_json(client, f"{API}/groups/", {"name": "X", "visibility": "secret"})
    # The document lists the two visibilities: anything else fails the schema.
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"][-1] == "visibility"
    assert not ForumGroup.objects.filter(name="X").exists()
    assert Client().post(f"{API}/groups/", "{}", content_type="application/json").status_code == 401


def test_a_member_starts_a_discussion(forum):
    client = token_client(forum["users"]["member"])
    url = f"{API}/groups/secret-consortium/discussions/"
    created = post_json(client, url, {"title": "Lot structure", "body": "Two lots or one?"})
    assert created.status_code == 201 and created.json()["title"] == "Lot structure"
    empty = post_json(client, url, {"title": " ", "body": "x"})
    assert empty.status_code == 400 and "title" in problem(empty).lower()
    outsider = token_client(forum["users"]["outsider"])
    assert post_json(outsider, url, {"title": "Hi", "body": "x"}).status_code == 404


def test_the_write_operations_are_described_in_openapi(client):
    schema = client.get("/api/v3/openapi.json").json()
    operations = {
        operation["operationId"]
        for path in schema["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    for operation in (
        "forum_comment_create",
        "forum_comment_edit",
        "forum_comment_remove",
        "forum_attachment_create",
        "forum_group_join",
        "forum_member_action",
        "forum_page_comment_create",
    ):
        assert operation in operations
    schemes = schema["components"]["securitySchemes"]
    assert schemes["BearerTokenAuth"]["scheme"] == "bearer"


def test_a_member_with_a_very_long_username_can_comment(forum):
    """django-contrib-comments stores 50 characters of the author's name;
    usernames may have 150."""
    long_name = UserFactory(username="a" * 140)
    Membership.objects.create(group=forum["public"], user=long_name)
    response = post_json(
        token_client(long_name), comments_url(forum["public_discussion"]), {"text": "Hello"}
    )
    assert response.status_code == 201, response.content
    assert (
        ForumComment.objects.get(pk=ForumComment.public_ids.pk(response.json()["id"])).user
        == long_name
    )
    assert response.json()["author"] == long_name.username


def test_moderators_pin_and_lock_through_the_api(forum):
    discussion = forum["private_discussion"]
    url = f"{API}/groups/secret-consortium/discussions/{discussion.public_id}/"
    member = token_client(forum["users"]["member"])
    refused = post_json(member, url, {"locked": True}, "patch")
    assert refused.status_code == 403
    moderator = token_client(forum["users"]["group_moderator"])
    changed = post_json(moderator, url, {"locked": True, "pinned": True}, "patch")
    assert changed.status_code == 200 and changed.json()["locked"] and changed.json()["pinned"]
    untouched = post_json(moderator, url, {"locked": False}, "patch").json()
    assert untouched["pinned"] and not untouched["locked"]
    outsider = token_client(forum["users"]["outsider"])
    assert post_json(outsider, url, {"locked": True}, "patch").status_code == 404
