"""Help for a search that finds nothing, on the database and on the real
engine: which filter to drop (with the exact count without it, equal on both)
and a spelling correction of the words."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.facets import FACETS
from resources.models import Resource
from search.faceted import DatabaseFacetedSearch, SearchQuery
from search.zero_results import database_help
from tests.search import test_faceted_search
from tests.search.expected import matching

pytestmark = pytest.mark.django_db

# The parity tests' fixture, searching on the database or on the engine:
# whatever engines they run on, these run on too.
searcher = test_faceted_search.searcher

NOTHING_MATCHES = {"country": ["NL"], "topic": ["ict"], "language": ["fi"], "type": ["policy"]}


def without(filters, name):
    return {other: values for other, values in filters.items() if other != name}


def titled(resources, word):
    return [resource for resource in resources if word in resource.title]


def drops_of(page):
    return {drop.parameter: drop.count for drop in page.suggestions.drop_filters}


def test_each_selected_filter_dropped_gives_its_exact_count(searcher, corpus):
    resources = corpus["resources"]
    page = searcher(SearchQuery(filters=NOTHING_MATCHES))

    assert page.total == 0
    expected = {
        name: len(matching(resources, without(NOTHING_MATCHES, name))) for name in NOTHING_MATCHES
    }
    # Only the drops that find something are offered, most results first.
    assert drops_of(page) == {name: count for name, count in expected.items() if count}
    counts = [drop.count for drop in page.suggestions.drop_filters]
    assert counts == sorted(counts, reverse=True) and counts
    assert page.suggestions.spelling is None  # no words to correct


def test_a_drop_removes_every_value_of_its_facet_and_names_them(searcher, corpus):
    # ICT in Finnish appears in 2022, but not in the Netherlands or Spain.
    filters = {"topic": ["ict"], "language": ["fi"], "country": ["NL", "ES"], "year": ["2022"]}
    page = searcher(SearchQuery(filters=filters))

    assert page.total == 0
    country = next(drop for drop in page.suggestions.drop_filters if drop.parameter == "country")
    assert country.values == ["ES", "NL"] or country.values == ["NL", "ES"]
    assert (
        country.label == "Country: Netherlands, Spain"
        or country.label == "Country: Spain, Netherlands"
    )
    assert country.count == len(matching(corpus["resources"], without(filters, "country")))


def test_a_year_range_is_dropped_with_its_bounds(searcher, corpus):
    # A range is a selection like any other: dropping it leaves out the year's
    # values and both bounds, and counts what the rest finds.
    resources = corpus["resources"]
    years = sorted({resource.publication_date.year for resource in resources})
    # A topic and country with resources, and a year with resources, but none
    # with all three.
    filters, empty_year = next(
        (filters, year)
        for topic in ("health", "energy", "ict")
        for country in ("FI", "NL", "ES")
        for filters in [{"topic": [topic], "country": [country]}]
        for year in years
        if matching(resources, filters) and not matching(resources, filters, {"year": (year, year)})
    )
    ranges = {"year": (empty_year, empty_year)}
    page = searcher(SearchQuery(filters=filters, ranges=ranges))

    assert page.total == 0
    year = next(drop for drop in page.suggestions.drop_filters if drop.parameter == "year")
    assert year.parameters == ["year", "year_from", "year_to"]
    assert year.label == f"Publication year: {empty_year} to {empty_year}"
    assert year.count == len(matching(resources, filters))
    country = next(drop for drop in page.suggestions.drop_filters if drop.parameter == "country")
    assert country.parameters == ["country"]
    assert country.count == len(matching(resources, without(filters, "country"), ranges))


def test_words_are_dropped_like_a_filter(searcher, corpus):
    resources = corpus["resources"]
    filters = {"country": ["FI"], "type": ["policy"]}
    # Toolkits exist in Finland and policies exist, but no Finnish toolkit is a policy.
    assert not titled(matching(resources, filters), "Toolkit")
    page = searcher(SearchQuery(text="toolkit", filters=filters))

    assert page.total == 0
    expected = {
        "q": len(matching(resources, filters)),
        "country": len(titled(matching(resources, without(filters, "country")), "Toolkit")),
        "type": len(titled(matching(resources, without(filters, "type")), "Toolkit")),
    }
    assert drops_of(page) == {name: count for name, count in expected.items() if count}
    words = next(drop for drop in page.suggestions.drop_filters if drop.parameter == "q")
    assert words.values == ["toolkit"] and words.label == "Words: toolkit"


def test_a_misspelt_word_gets_a_correction_that_finds_something(searcher, corpus):
    resources = corpus["resources"]
    page = searcher(SearchQuery(text="tolkitt", filters={"country": ["FI"]}))

    assert page.total == 0
    spelling = page.suggestions.spelling
    assert spelling.text == "toolkit"
    assert spelling.count == len(titled(matching(resources, {"country": ["FI"]}), "Toolkit"))
    # The misspelt word finds nothing with or without the filter: dropping it
    # is the drop that helps.
    assert drops_of(page) == {"q": len(matching(resources, {"country": ["FI"]}))}


def test_words_spelt_right_get_no_correction(searcher):
    page = searcher(SearchQuery(text="toolkit", filters=NOTHING_MATCHES))
    assert page.total == 0 and page.suggestions.spelling is None


def test_a_correction_that_would_find_nothing_is_not_offered(searcher):
    # Toolkits exist, but none on ICT in the Netherlands in Finnish.
    page = searcher(SearchQuery(text="tolkitt", filters=NOTHING_MATCHES))
    assert page.total == 0 and page.suggestions.spelling is None


def test_a_search_that_finds_something_gets_no_help(searcher):
    assert searcher(SearchQuery(text="toolkit", filters={"country": ["FI"]})).suggestions is None
    assert searcher(SearchQuery()).suggestions is None


def test_database_help_costs_the_same_statements_however_many_filters_and_words(corpus):
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS)
    statements = []
    for query in (
        SearchQuery(text="tolkitt", filters={"country": ["FI"]}),
        SearchQuery(
            text="tolkitt enrgy",
            filters={"country": ["FI", "NL"], "topic": ["energy"], "language": ["fi"]},
        ),
    ):
        search.validate(query)  # reads the labels, as the search does first
        candidates = search.text_matches(query.text)
        chosen = {
            name: search.selected_ids(search.specs[name], values)
            for name, values in query.filters.items()
        }
        with CaptureQueriesContext(connection) as queries:
            assert database_help(search, query, candidates, chosen).spelling
        statements.append(len([q for q in queries if not is_plan_setting(q["sql"])]))
    # The words' drop, pg_trgm's presence, the vocabulary, the correction's matches.
    assert statements == [4, 4]


def is_plan_setting(sql):
    """The savepoint and planner setting around a text match (search/postgres_plans.py)."""
    return sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL", "RESET"))


def test_without_pg_trgm_the_database_offers_drops_but_no_spelling(corpus):
    with connection.cursor() as cursor:
        cursor.execute("DROP EXTENSION IF EXISTS pg_trgm")  # rolled back with the test
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS)
    page = search.search(SearchQuery(text="tolkitt", filters={"country": ["FI"]}))
    assert page.suggestions.spelling is None
    assert drops_of(page) == {"q": len(matching(corpus["resources"], {"country": ["FI"]}))}


def test_the_api_gives_the_same_help_from_the_engine_and_the_database(
    client, corpus, engine_index, settings
):
    engine_index.index_all()
    params = {"q": "tolkitt", "country": "FI"}
    from_engine = client.get("/api/v3/resources/", params).json()
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}
    from_database = client.get("/api/v3/resources/", params).json()

    assert from_engine["backend"] != "database" and from_database["backend"] == "database"
    assert from_engine["count"] == from_database["count"] == 0
    finnish = len(matching(corpus["resources"], {"country": ["FI"]}))
    assert (
        from_engine["suggestions"]
        == from_database["suggestions"]
        == {
            "drop_filters": [
                {
                    "parameter": "q",
                    "values": ["tolkitt"],
                    "label": "Words: tolkitt",
                    "count": finnish,
                    "parameters": ["q"],
                }
            ],
            "spelling": {
                "text": "toolkit",
                "count": len(titled(matching(corpus["resources"], {"country": ["FI"]}), "Toolkit")),
            },
        }
    )
