"""Who an API caller is: a token adds what its holder may see and never
removes public content; a wrong or revoked token is refused on every
endpoint of both APIs; drafts are for those who may edit them."""

import pytest
from django.utils import timezone
from wagtail.models import APIToken

from tests.home.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_a_members_token_still_sees_public_pages(client, bearer, member, news_item):
    """Issue 12, wrong today 1: with a member's token the news list was empty
    and the news item 404."""
    anonymous = client.get("/api/v3/pages/?type=home.NewsPage").json()
    with_token = client.get("/api/v3/pages/?type=home.NewsPage", **bearer(member)).json()
    assert [item["id"] for item in with_token["items"]] == [news_item.pk]
    assert with_token["count"] == anonymous["count"] == 1
    detail = client.get(f"/api/v3/pages/{news_item.pk}/", **bearer(member))
    assert detail.status_code == 200
    assert detail.json()["title"] == "Buyers launch a PCP"


def test_an_editors_token_adds_the_drafts_they_may_edit(client, bearer, editor, news_index):
    draft = NewsPageFactory(parent=news_index, title="Not yet out", live=False)
    NewsPageFactory(parent=news_index, title="Out")
    anonymous = client.get("/api/v3/pages/?type=home.NewsPage").json()
    as_editor = client.get("/api/v3/pages/?type=home.NewsPage", **bearer(editor)).json()
    assert [item["title"] for item in anonymous["items"]] == ["Out"]
    assert {item["title"] for item in as_editor["items"]} == {"Out", "Not yet out"}
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404


WRONG_TOKEN_URLS = [
    "/api/v3/pages/",
    "/api/v3/pages/find/?html_path=/",
    "/api/v3/pages/{page}/",
    "/api/v3/resources/",
    "/api/v3/events/",
    "/api/v3/images/",
    "/api/v3/documents/",
    "/api/v3/search/?q=procurement",
    "/api/v3/forum/groups/",
    "/api/v3/whoami/",
    "/api/v3/openapi.json",
    "/api/v3/no-such-endpoint/",
    "/api/v2/pages/",
    "/api/v2/pages/{page}/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/resources/",
]


@pytest.mark.parametrize("url", WRONG_TOKEN_URLS)
@pytest.mark.parametrize("token", ["wrong", "revoked", "malformed"])
def test_a_wrong_or_revoked_token_is_refused_everywhere(client, member, news_item, url, token):
    """Issue 12, wrong today 2: pages, resources, events and images read a
    wrong token as anonymous (200); search and the Forum answered 401."""
    if token == "revoked":
        api_token, plaintext = APIToken.create_token(user=member, name="old")
        api_token.revoked_at = timezone.now()
        api_token.save()
        header = f"Bearer {plaintext}"
    elif token == "malformed":
        header = "Basic dXNlcjpwYXNz"
    else:
        header = "Bearer not-a-token-anyone-was-given"
    response = client.get(url.format(page=news_item.pk), HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    if url.startswith("/api/v3/"):
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 401
    else:
        assert "message" in response.json()


def test_a_wrong_token_changes_nothing(client, member, news_item):
    from community.models import ForumGroup

    response = client.post(
        "/api/v3/forum/groups/",
        {"name": "Anyone", "visibility": "public"},
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer wrong",
    )
    assert response.status_code == 401
    assert not ForumGroup.objects.exists()


def test_drafts_need_edit_permission_and_say_they_are_drafts(
    client, bearer, editor, member, news_item
):
    news_item.title = "Buyers launch a PCP (updated)"
    revision = news_item.save_revision()
    url = f"/api/v3/pages/{news_item.pk}/?version=draft"
    # Anonymous ?version=draft used to answer the live page without a word.
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(member)).status_code == 403
    draft = client.get(url, **bearer(editor)).json()
    assert draft["title"] == "Buyers launch a PCP (updated)"
    assert draft["meta"]["revision_id"] == revision.pk
    assert draft["meta"]["live"] is True
    assert draft["meta"]["has_unpublished_changes"] is True
    live = client.get(f"/api/v3/pages/{news_item.pk}/").json()
    assert live["title"] == "Buyers launch a PCP"
    assert live["meta"]["revision_id"] == news_item.live_revision_id
