"""Forum posts in site search: only what the user may see, on the database
backend and on each real engine node (OpenSearch and Elasticsearch)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.search.backends import get_search_backend

from community.models import ForumComment
from community.search import forum_hits
from tests.community.conftest import ROLES, SEES_PRIVATE, index_forum
from tests.conftest import SEARCH_ENGINES, use_search_engine

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["default", *SEARCH_ENGINES])
def backend(request, forum, settings):
    """The alias the Forum's search is asked on: the database's, or "engine"
    on each engine's node in turn."""
    if request.param == "default":
        return index_forum("default")
    use_search_engine(settings, request.param)
    return index_forum("engine")


def user_for(forum, role):
    return AnonymousUser() if role == "anonymous" else forum["users"][role]


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_private_posts_only_for_those_who_see_them(forum, backend, role):
    user = user_for(forum, role)
    titles = {hit.title for hit in forum_hits(user, "confidential evaluation", 10, backend)[0]}
    assert ("Confidential evaluation plan" in titles) == (role in SEES_PRIVATE)
    summaries = {hit.summary for hit in forum_hits(user, "budget figures", 10, backend)[0]}
    assert ("Budget figures for phase two." in summaries) == (role in SEES_PRIVATE)
    public = {hit.summary for hit in forum_hits(user, "PIN notices", 10, backend)[0]}
    assert public == {"Anyone used PIN notices?"}


def test_removed_comments_leave_the_index(client, forum, backend):
    client.force_login(forum["users"]["group_moderator"])
    client.post(f"/forum/comments/{forum['private_comment'].public_id}/remove/")
    if backend == "engine":
        get_search_backend("engine").get_index_for_model(ForumComment).refresh()
    member = forum["users"]["member"]
    assert forum_hits(member, "budget figures", 10, backend)[0] == []


def test_site_search_page_shows_forum_hits_to_members(client, forum, site_index):
    client.force_login(forum["users"]["member"])
    page = client.get("/search/", {"q": "confidential evaluation"}).content.decode()
    assert "Confidential evaluation plan" in page
    client.force_login(forum["users"]["outsider"])
    page = client.get("/search/", {"q": "confidential evaluation"}).content.decode()
    assert "Confidential evaluation plan" not in page


def test_api_search_carries_forum_hits_only_for_those_who_see_them(client, forum, site_index):
    client.force_login(forum["users"]["member"])
    query = {"q": "confidential evaluation", "kind": "forum"}
    answer = client.get("/api/v3/search/", query).json()
    assert answer["count"] >= 1 and answer["items"]
    client.logout()
    answer = client.get("/api/v3/search/", query).json()
    assert answer["count"] == 0 and answer["items"] == []


def test_site_search_finds_forum_posts_in_the_database_while_the_engine_is_down(
    client, forum, unreachable_engine, caplog
):
    index_forum("default")
    caplog.set_level("WARNING", logger="search")
    client.force_login(forum["users"]["member"])
    answer = client.get("/api/v3/search/", {"q": "confidential evaluation", "kind": "forum"})
    assert answer.status_code == 200
    assert "Confidential evaluation plan" in {item["title"] for item in answer.json()["items"]}
    assert any("Search engine unavailable" in r.getMessage() for r in caplog.records)
