"""The language switcher in the header: on a Wagtail page it offers the page's
published translations; on the site's other pages, which every language has
(the Resource Centre, the Forum, site search), every language, at the same
address; on a resource, that resource's published translations."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.resources.factories import ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def switcher(response):
    """{language: its link, or "current" for the language of the page}."""
    nav = BeautifulSoup(response.content, "html.parser").select_one(".language-switcher")
    if nav is None:
        return {}
    links = {a["hreflang"]: a["href"] for a in nav.select("a")}
    links.update({span["lang"]: "current" for span in nav.select("span[aria-current]")})
    return links


@pytest.fixture
def de_locale(db):
    return Locale.objects.get_or_create(language_code="de")[0]


@pytest.fixture
def french_site(home_page, fr_locale, de_locale, publish_translation):
    """A French home page; no German one, as in the demo."""
    return publish_translation(home_page, fr_locale, title="Accueil")


def test_the_resource_centre_offers_every_language_at_the_same_address(client, french_site):
    response = client.get("/de/resources/", {"q": "Innovation", "country": "FI"})
    assert switcher(response) == {
        "en": "/resources/?q=Innovation&country=FI",
        "fr": "/fr/resources/?q=Innovation&country=FI",
        "de": "current",
    }
    # Before, these pages linked to each language's home page, and not to German
    # at all for want of a German home page.
    assert switcher(client.get("/forum/")) == {
        "en": "current",
        "fr": "/fr/forum/",
        "de": "/de/forum/",
    }


def test_a_resource_offers_the_languages_it_is_published_in(
    client, french_site, fr_locale, de_locale
):
    english = ResourceFactory(title="Market consultation guide", slug="market-consultation")
    french = english.copy_for_translation(fr_locale)
    french.title, french.slug = "Guide de la consultation du marché", "consultation-du-marche"
    french.save()
    german = english.copy_for_translation(de_locale)
    german.live = False  # a draft: no German page to link to
    german.save()

    assert switcher(client.get("/resources/market-consultation/")) == {
        "en": "current",
        "fr": "/fr/resources/consultation-du-marche/",
    }
    assert switcher(client.get("/fr/resources/consultation-du-marche/")) == {
        "en": "/resources/market-consultation/",
        "fr": "current",
    }


def test_a_page_offers_only_its_translations(client, french_site, news_index, publish_translation):
    """/de/news/ would show the English page under a German header: the news
    index has no German translation to offer."""
    publish_translation(news_index, french_site.locale, title="Actualités")
    assert switcher(client.get("/news/")) == {"en": "current", "fr": "/fr/news/"}


def test_a_missing_page_offers_the_home_pages(client, french_site):
    response = client.get("/fr/resources/no-such-resource/")
    assert response.status_code == 404
    assert switcher(response) == {"en": "/", "fr": "current"}
