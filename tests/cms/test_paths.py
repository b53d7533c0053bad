"""Finding content by its address, in every language, and lists that end."""

import pytest

from tests.home.factories import NewsPageFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_news(home_page, news_index, fr_locale, publish_translation):
    french_home = publish_translation(home_page, fr_locale, title="Accueil")
    french_index = publish_translation(news_index, fr_locale, title="Actualités")
    item = NewsPageFactory(parent=news_index, title="Buyers launch a PCP")
    french_item = publish_translation(item, fr_locale, title="Les acheteurs lancent un PCP")
    return {"home": french_home, "index": french_index, "item": french_item}


@pytest.mark.parametrize("api", ["/api/v3/pages/find/", "/api/v2/pages/find/"])
def test_find_by_path_reaches_french_pages(client, french_news, api):
    item, home = french_news["item"], french_news["home"]
    for path, page in [
        (f"/fr/news/{item.slug}/", item),
        ("/fr/", home),
        ("/fr/news/", french_news["index"]),
    ]:
        response = client.get(api, {"html_path": path}, follow=True)
        assert response.status_code == 200, (path, response.content[:300])
        assert response.json()["id"] == page.id, path


@pytest.mark.parametrize("api", ["/api/v3/pages/find/", "/api/v2/pages/find/"])
def test_find_by_path_still_answers_404_for_nothing(client, french_news, api):
    for path in ["/fr/news/no-such-item/", "/de/news/", "/nope/"]:
        response = client.get(api, {"html_path": path}, follow=True)
        assert response.status_code == 404, path


def test_v2_resources_filter_by_locale(client, fr_locale):
    ResourceFactory(title="Guide to PCP")
    ResourceFactory(title="Guide des achats innovants", locale=fr_locale)
    response = client.get("/api/v2/resources/", {"locale": "fr"})
    assert response.status_code == 200, response.content[:300]
    assert [item["title"] for item in response.json()["items"]] == ["Guide des achats innovants"]


def test_resource_centre_pages_past_the_last_are_not_found(client, home_page, settings):
    ResourceFactory()
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert client.get("/resources/?page=1").status_code == 200
    assert client.get("/resources/?page=20").status_code == 404
