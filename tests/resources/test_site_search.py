"""Site-wide search covers pages and resources, grouped by kind, on the page and the API."""

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


@pytest.fixture
def content(news_index, corpus):
    factories.NewsPageFactory(parent=news_index, title="Toolkit launch for energy buyers")
    return corpus


def test_search_page_groups_pages_and_resources(client, content):
    page = BeautifulSoup(client.get("/search/", {"q": "toolkit energy"}).content, "html.parser")
    groups = {section.h2["id"]: section for section in page.select("section.search-group")}
    assert set(groups) == {"group-pages", "group-resources", "group-forum"}
    assert [a.get_text() for a in groups["group-pages"].select(".search-results a")] == [
        "Toolkit launch for energy buyers"
    ]
    resource_titles = [a.get_text() for a in groups["group-resources"].select(".search-results a")]
    expected = [
        r.title for r in content["resources"] if "Toolkit" in r.title and "Energy" in r.title
    ]
    assert sorted(resource_titles) == sorted(expected)
    assert content["draft"].title not in page.get_text()


def test_search_api_answers_the_same_groups(client, content):
    response = client.get("/api/v3/search/", {"q": "toolkit energy", "limit": 2})
    assert response.status_code == 200
    data = response.json()
    by_kind = {group["kind"]: group for group in data["groups"]}
    assert by_kind["pages"]["count"] == 1
    expected = sum("Toolkit" in r.title and "Energy" in r.title for r in content["resources"])
    assert by_kind["resources"]["count"] == expected > 2
    assert len(by_kind["resources"]["hits"]) == 2
    assert by_kind["resources"]["more_url"] == "/resources/?q=toolkit+energy"
    assert all(hit["url"].startswith("http://testserver/") for hit in by_kind["resources"]["hits"])


@pytest.mark.parametrize(
    ("params", "status"), [({}, 422), ({"q": ""}, 422), ({"q": "x", "limit": 500}, 422)]
)
def test_search_api_rejects_unusable_parameters(client, params, status):
    response = client.get("/api/v3/search/", params)
    assert response.status_code == status
    assert response.json()["errors"]


def test_search_api_with_only_punctuation_returns_no_groups(client, db):
    assert client.get("/api/v3/search/", {"q": '"(('}).json() == {"query": "", "groups": []}
