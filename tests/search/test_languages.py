"""Resource search in the language of the locale searched: its stemming on the
engine and on PostgreSQL, with the same results, and only that locale's
resources, counts and facets on its page and in the API."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from resources.facets import FACETS
from resources.models import Resource
from search.faceted import DatabaseFacetedSearch, SearchQuery
from tests.conftest import SEARCH_ENGINES, use_search_engine
from tests.home.factories import TopicFactory
from tests.resources.factories import ResourceFactory
from tests.search.conftest import empty_engine_index

pytestmark = pytest.mark.django_db

RESOURCES = {
    "en": [
        ("Market consultation before an innovation tender", "How buyers talk to suppliers."),
        ("Innovation procurement strategy for cities", "A strategy for public buyers."),
    ],
    "fr": [
        ("Préparer un marché innovant", "Le guide de l'acheteur public pour l'innovation."),
        ("Le cadre européen des achats", "Les règles de l'Union pour l'innovation."),
        ("Consultation du marché", "Dialoguer avec les fournisseurs avant l'appel d'offres."),
    ],
    "de": [
        ("Innovative Beschaffung in Kommunen", "Wie eine Kommune Innovation einkauft."),
        ("Vorkommerzielle Auftragsvergabe in der Stadt", "Forschung und Entwicklung kaufen."),
    ],
}


@pytest.fixture
def multilingual(db):
    """Resources in English, French and German, with a topic each language shares."""
    from wagtail.search.backends import get_search_backend

    topics = {code: TopicFactory(slug=f"topic-{code}", name=f"Topic {code}") for code in RESOURCES}
    made = {}
    for code, rows in RESOURCES.items():
        locale = Locale.objects.get_or_create(language_code=code)[0]
        made[code] = [
            ResourceFactory(
                title=title,
                summary=summary,
                locale=locale,
                publisher="Agency",
                relations__topics=[topics["en"], topics[code]],
            )
            for title, summary in rows
        ]
    get_search_backend("default").add_bulk(Resource, list(Resource.get_indexed_objects()))
    return made


@pytest.fixture(params=["database", *SEARCH_ENGINES])
def backend(request, multilingual, settings):
    """Which implementation answers the page and the API: "database" or "engine"."""
    if request.param == "database":
        request.getfixturevalue("database_search_only")
        return "database"
    use_search_engine(settings, request.param)
    empty_engine_index().index_all()
    return "engine"


def search(implementation, code, text):
    queryset = Resource.objects.visible().filter(locale=Locale.objects.get(language_code=code))
    if implementation == "engine":
        from search.engine import EngineFacetedSearch

        searcher = EngineFacetedSearch(queryset, FACETS, language=code)
    else:
        searcher = DatabaseFacetedSearch(queryset, FACETS, language=code)
    return {item.title for item in searcher.search(SearchQuery(text=text, page_size=100)).items}


STEMMING = [
    ("fr", "marchés", {"Préparer un marché innovant", "Consultation du marché"}),
    # Three letters apart: only French stemming makes them one word.
    ("fr", "européennes", {"Le cadre européen des achats"}),
    ("de", "Beschaffungen", {"Innovative Beschaffung in Kommunen"}),
    ("de", "Städten", {"Vorkommerzielle Auftragsvergabe in der Stadt"}),
    ("en", "strategies", {"Innovation procurement strategy for cities"}),
]


@pytest.mark.parametrize(("code", "text", "expected"), STEMMING)
def test_words_find_their_other_forms_in_the_locales_language(backend, code, text, expected):
    assert search(backend, code, text) == expected


def test_the_engine_and_the_database_find_the_same(multilingual, engine_index):
    engine_index.index_all()
    for code, text, _expected in STEMMING:
        for word in ("innovation", "public", text):
            assert search("engine", code, word) == search("database", code, word), (code, word)


def titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return {link.get_text(strip=True) for link in page.select(".resource-card .card-title a")}


def test_each_page_shows_its_own_languages_resources(client, backend, multilingual):
    english = client.get("/resources/", {"q": "innovation"})
    french = client.get("/fr/resources/", {"q": "innovation"})
    german = client.get("/de/resources/", {"q": "innovation"})
    assert english.status_code == french.status_code == german.status_code == 200
    assert titles(english) == {title for title, _ in RESOURCES["en"]}
    assert titles(french) == {"Préparer un marché innovant", "Le cadre européen des achats"}
    assert titles(german) == {"Innovative Beschaffung in Kommunen"}


def test_the_api_counts_and_facets_only_the_locale_asked_for(client, backend, multilingual):
    data = client.get("/api/v3/resources/", {"locale": "fr", "q": "marchés"}).json()
    assert data["backend"] != "database" or backend == "database"
    assert data["count"] == 2
    assert {item["locale"] for item in data["items"]} == {"fr"}
    topics = {value["value"]: value["count"] for value in facet(data, "topic")["values"]}
    assert topics == {"topic-en": 2, "topic-fr": 2}

    everything = client.get("/api/v3/resources/", {"locale": "de"}).json()
    assert everything["count"] == 2
    topics = {value["value"]: value["count"] for value in facet(everything, "topic")["values"]}
    assert topics == {"topic-en": 2, "topic-de": 2}


def test_one_facets_values_count_the_words_in_the_locales_language(client, backend, multilingual):
    # "européennes" finds "européen" only under French analysis: the facet
    # values endpoint counts what the search finds, not the words as written.
    params = {"locale": "fr", "q": "européennes"}
    values = client.get("/api/v3/resources/facets/topic/", params).json()
    search = client.get("/api/v3/resources/", params).json()
    assert values["backend"] == search["backend"]
    counts = {value["value"]: value["count"] for value in values["items"] if value["count"]}
    assert counts == {value["value"]: value["count"] for value in facet(search, "topic")["values"]}
    assert counts == {"topic-en": 1, "topic-fr": 1}


def facet(data, name):
    return next(facet for facet in data["facets"] if facet["name"] == name)


def test_site_search_api_searches_the_locale_asked_for(client, backend, multilingual):
    data = client.get("/api/v3/search/", {"q": "Beschaffungen", "locale": "de"}).json()
    resources = [item for item in data["items"] if item["kind"] == "resources"]
    assert [item["title"] for item in resources] == ["Innovative Beschaffung in Kommunen"]
    assert "/de/resources/innovative-beschaffung-in-kommunen/" in resources[0]["url"]

    english = client.get("/api/v3/search/", {"q": "innovation", "kind": "resources"}).json()
    assert {item["title"] for item in english["items"]} == {t for t, _ in RESOURCES["en"]}


def test_an_unknown_locale_is_a_clear_error(client, multilingual):
    response = client.get("/api/v3/search/", {"q": "innovation", "locale": "xx"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"] == ["query", "locale"]


def test_the_queries_of_a_search_do_not_grow_with_its_results(
    client, backend, multilingual, settings
):
    # Every search reads its id sets (search/kept_ids.py keeps none).
    settings.DATABASE_SEARCH_KEPT_IDS = 0
    for path, words in (
        ("/fr/resources/", ("européennes", "marchés", "innovation")),
        ("/de/resources/", ("Städten", "innovation")),
    ):
        client.get(path, {"q": words[0]})  # caches filled alike
        counts = set()
        for text in words:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path, {"q": text, "topic": "topic-en"}).status_code == 200
            counts.add(len(queries))
        assert len(counts) == 1, (path, counts)


def test_admin_search_without_a_language_finds_every_locales_forms(multilingual):
    """The admin lists every locale: its searches match each object as its own
    language analysed it."""
    from wagtail.search.backends import get_search_backend

    found = get_search_backend("default").search("Beschaffungen", Resource, operator="and")
    assert [resource.title for resource in found] == ["Innovative Beschaffung in Kommunen"]
    found = get_search_backend("default").search("européennes", Resource, operator="and")
    assert [resource.title for resource in found] == ["Le cadre européen des achats"]
