"""The Forum in API v3: the same visibility as the pages, as JSON."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.community.conftest import ROLES, SEES_PRIVATE
from tests.community.factories import DiscussionFactory, forum_comment

pytestmark = pytest.mark.django_db

API = "/api/v3/forum"


def private_endpoints(forum):
    discussion = forum["private_discussion"]
    base = f"{API}/groups/secret-consortium"
    return [
        f"{base}/",
        f"{base}/members/",
        f"{base}/discussions/",
        f"{base}/discussions/{discussion.public_id}/",
        f"{base}/discussions/{discussion.public_id}/comments/",
        f"{base}/activity/",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_private_group_endpoints_answer_only_those_who_see_the_group(forum, as_role, role):
    client = as_role(role)
    for url in private_endpoints(forum):
        response = client.get(url)
        if role in SEES_PRIVATE:
            assert response.status_code == 200, (url, role)
        else:
            assert response.status_code == 404, (url, role)
            assert response["Content-Type"] == "application/problem+json"
            assert "Secret" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_group_list_names_private_groups_only_for_those_who_see_them(forum, as_role, role):
    names = {g["name"] for g in as_role(role).get(f"{API}/groups/").json()["items"]}
    assert "Open buyers" in names
    assert ("Secret consortium" in names) == (role in SEES_PRIVATE)


def test_comments_come_in_thread_order_with_their_tree(forum, as_role):
    discussion = forum["private_discussion"]
    data = (
        as_role("member")
        .get(f"{API}/groups/secret-consortium/discussions/{discussion.public_id}/comments/")
        .json()
    )
    assert data["count"] == 2
    first, reply = data["items"]
    assert first["parent_id"] is None and first["level"] == 0
    assert reply["parent_id"] == first["id"] and reply["level"] == 1
    assert first["text"] == "Budget figures for phase two."
    assert first["text_html"] == "<p>Budget figures for phase two.</p>"
    assert reply["url"].startswith("http://testserver/forum/comments/")


def test_discussion_detail_carries_sanitised_html(forum, as_role):
    discussion = DiscussionFactory(
        group=forum["public"], title="Markup", body="**Bold** <script>x()</script>"
    )
    data = (
        as_role("anonymous")
        .get(f"{API}/groups/open-buyers/discussions/{discussion.public_id}/")
        .json()
    )
    assert "<strong>Bold</strong>" in data["body_html"] and "<script>" not in data["body_html"]
    assert data["body"].startswith("**Bold**")


def test_comment_list_queries_do_not_grow_with_the_page(forum, as_role):
    discussion = forum["public_discussion"]
    url = f"{API}/groups/open-buyers/discussions/{discussion.public_id}/comments/?limit=50"
    client = as_role("member")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()
    few = count()
    for n in range(30):
        forum_comment(discussion, forum["owner"], f"Point {n}")
    assert count() == few


def test_openapi_describes_the_forum_endpoints(client, db):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/forum/groups/{slug}/discussions/{discussion_id}/comments/" in paths


def test_a_groups_activity_in_the_api(forum, as_role):
    client = as_role("member")
    response = client.get(f"{API}/groups/secret-consortium/activity/", {"limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 3 and len(body["items"]) == 2
    newest = body["items"][0]
    assert newest["kind"] in {"started", "commented", "joined"}
    assert newest["url"] is None or newest["url"].startswith("http")
    texts = {
        item["excerpt"]
        for item in client.get(f"{API}/groups/secret-consortium/activity/").json()["items"]
    }
    assert "Budget figures for phase two." in texts
