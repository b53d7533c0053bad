"""Site-wide search covers pages and resources, grouped by kind, on the page and the API:
answered by the database alone, and by each engine (resources and the Forum from the engine)."""

import pytest
from bs4 import BeautifulSoup

from tests.community.conftest import index_forum
from tests.conftest import SEARCH_ENGINES, use_search_engine
from tests.home.factories import NewsPageFactory
from tests.search.conftest import empty_engine_index

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", *SEARCH_ENGINES])
def content(request, news_index, corpus, settings):
    NewsPageFactory(parent=news_index, title="Toolkit launch for energy buyers")
    if request.param == "database":
        request.getfixturevalue("database_search_only")
    else:
        use_search_engine(settings, request.param)
        empty_engine_index().index_all()
        index_forum("engine")
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


def test_search_api_answers_the_same_kinds_in_the_list_shape(client, content):
    response = client.get("/api/v3/search/", {"q": "toolkit energy", "limit": 2})
    assert response.status_code == 200
    data = response.json()
    by_kind = {kind["kind"]: kind for kind in data["kinds"]}
    assert by_kind["pages"]["count"] == 1
    expected = sum("Toolkit" in r.title and "Energy" in r.title for r in content["resources"])
    assert by_kind["resources"]["count"] == expected > 2
    assert data["count"] == 1 + expected
    assert by_kind["resources"]["more_url"] == "http://testserver/resources/?q=toolkit+energy"
    # The first page holds the page hit, then the first resource.
    assert [hit["kind"] for hit in data["items"]] == ["pages", "resources"]
    # Paging goes on through the resources, none twice.
    seen = [hit["url"] for hit in data["items"]]
    for offset in range(2, data["count"], 2):
        more = client.get("/api/v3/search/", {"q": "toolkit energy", "limit": 2, "offset": offset})
        seen += [hit["url"] for hit in more.json()["items"]]
    assert len(seen) == len(set(seen)) == data["count"]
    assert all(url.startswith("http://testserver/") for url in seen)
    resources = client.get("/api/v3/search/", {"q": "toolkit energy", "kind": "resources"})
    assert resources.json()["count"] == expected


@pytest.mark.parametrize(
    ("params", "status"),
    [({}, 422), ({"q": ""}, 422), ({"q": "x", "limit": 500}, 400), ({"q": "x", "kind": "y"}, 422)],
)
@pytest.mark.usefixtures("database_search_only")
def test_search_api_rejects_unusable_parameters(client, params, status):
    response = client.get("/api/v3/search/", params)
    assert response.status_code == status
    assert response.json()["errors"]


@pytest.mark.usefixtures("database_search_only")
def test_search_api_with_only_punctuation_finds_nothing(client, db):
    answer = client.get("/api/v3/search/", {"q": '"(('}).json()
    assert answer == {"count": 0, "items": [], "query": "", "kinds": []}
