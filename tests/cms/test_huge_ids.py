"""An id past what the database can hold, in an API path or body, answers a
client error in the API's dialect (problem+json on v3, naming the parameter
when the document bounds it), never a server error: SQLite raised
OverflowError past a signed 64-bit integer, PostgreSQL's comment ids are
32-bit. The same rule (cms/ids.py) covers our routers and the API's pages
and images; Wagtail's own endpoints are held to it here too."""

import json

import pytest
from django.test import Client

from community.models import ForumComment, Membership
from tests.cms.factories import UserFactory
from tests.community.factories import DiscussionFactory, ForumGroupFactory, forum_comment

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
HUGE = ["99999999999999999999999", str(2**63)]


@pytest.fixture
def thread(news_item):
    """A member's token, a discussion of their group with a comment, and a
    news page, for the paths and bodies that need real objects around the id."""
    from wagtail.models import APIToken

    group = ForumGroupFactory(name="Buyers", slug="buyers", visibility="private")
    user = UserFactory(username="buyer")
    Membership.objects.create(group=group, user=user)
    discussion = DiscussionFactory(group=group, author=user)
    forum_comment(discussion, user, "First.")
    _token, plaintext = APIToken.create_token(user=user, name="script")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    client.raise_request_exception = False
    return {"client": client, "discussion": discussion, "news": news_item}


def send(client, method, path, body=None):
    if body is None:
        return getattr(client, method)(path)
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def refused_by_name(response, parameter):
    """422 problem+json whose errors name `parameter`."""
    assert response.status_code == 422, response.content[:400]
    assert response["Content-Type"] == PROBLEM
    assert parameter in [error["loc"][-1] for error in response.json()["errors"]]


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize(
    ("method", "path", "parameter", "body"),
    [
        ("patch", "/api/v3/forum/comments/{n}/", "comment_id", {"text": "x"}),
        ("delete", "/api/v3/forum/comments/{n}/", "comment_id", None),
        ("post", "/api/v3/forum/comments/{n}/attachments/", "comment_id", None),
        ("get", "/api/v3/forum/on/news/{n}/comments/", "object_id", None),
        ("post", "/api/v3/forum/on/news/{n}/comments/", "object_id", {"text": "x"}),
        ("get", "/api/v3/forum/groups/buyers/discussions/{n}/", "discussion_id", None),
        ("patch", "/api/v3/forum/groups/buyers/discussions/{n}/", "discussion_id", {}),
        ("get", "/api/v3/forum/groups/buyers/discussions/{n}/comments/", "discussion_id", None),
        ("post", "/api/v3/forum/groups/buyers/discussions/{n}/comments/", "discussion_id",
         {"text": "x"}),
        ("post", "/api/v3/forum/groups/buyers/join-requests/{n}/", "request_id",
         {"decision": "approve"}),
        ("get", "/api/v3/events/{n}/", "event_id", None),
        ("get", "/api/v3/resources/{n}/", "resource_id", None),
        ("get", "/api/v3/pages/{n}/", "page_id", None),
        ("get", "/api/v3/pages/find/?id={n}", "id", None),
        ("get", "/api/v3/images/{n}/", "image_id", None),
    ],
)  # fmt: skip
def test_a_huge_id_in_an_api_path_is_refused_by_name(thread, method, path, parameter, body, huge):
    response = send(thread["client"], method, path.format(n=huge), body)
    refused_by_name(response, parameter)


@pytest.mark.parametrize("huge", [int(n) for n in HUGE])
def test_a_reply_to_a_huge_parent_id_is_refused_by_name(thread, huge):
    discussion = thread["discussion"]
    before = ForumComment.objects.count()
    for path in (
        f"/api/v3/forum/groups/buyers/discussions/{discussion.public_id}/comments/",
        f"/api/v3/forum/on/news/{thread['news'].pk}/comments/",
    ):
        response = send(thread["client"], "post", path, {"text": "Agreed", "parent_id": huge})
        refused_by_name(response, "parent_id")
    assert ForumComment.objects.count() == before


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/documents/{n}/",
        "/api/v2/pages/{n}/",
        "/api/v2/images/{n}/",
        "/api/v2/documents/{n}/",
        "/api/v2/resources/{n}/",
    ],
)
def test_a_huge_id_in_wagtails_own_detail_paths_is_not_found(thread, path, huge):
    response = thread["client"].get(path.format(n=huge))
    assert response.status_code == 404
    assert "json" in response["Content-Type"]


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v3/pages/?child_of={n}", 400),
        ("/api/v3/pages/?descendant_of={n}", 400),
        ("/api/v3/pages/?ancestor_of={n}", 400),
        ("/api/v3/pages/?translation_of={n}", 400),
        ("/api/v2/pages/?child_of={n}", 400),
        ("/api/v2/pages/?descendant_of={n}", 400),
        ("/api/v2/pages/?id={n}", 200),
        ("/api/v2/images/?id={n}", 200),
        ("/api/v2/documents/?id={n}", 200),
    ],
)
def test_a_huge_id_in_a_page_filter_names_nothing(thread, path, status, huge):
    """A filter on a page that cannot exist: 400 naming it, or (API v2's
    `id`, a field filter) an empty list."""
    response = thread["client"].get(path.format(n=huge))
    assert response.status_code == status, response.content[:400]
    if status == 200:
        assert response.json()["meta"]["total_count"] == 0
