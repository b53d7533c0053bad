"""Search within a facet and the year as a range, on the database and on the
real engine: results, counts and the histogram agree with each other and with
counts worked out from the rows (tests/search/expected.py)."""

import pytest
from wagtail.models import Locale

from resources.facets import FACETS
from resources.models import Resource
from search.facet_values import histogram, matches
from search.faceted import DatabaseFacetedSearch, SearchQuery
from tests.conftest import SEARCH_ENGINES, use_search_engine
from tests.search.conftest import empty_engine_index
from tests.search.expected import expected_counts, matching

pytestmark = pytest.mark.django_db

# The corpus's years are 2019 to 2023 (tests/resources/conftest.py).
CASES = {
    "a closed range": ({}, {"year": (2020, 2021)}),
    "from a year on": ({}, {"year": (2022, None)}),
    "until a year": ({}, {"year": (None, 2019)}),
    "a range and other facets": ({"topic": ["health"], "country": ["FI"]}, {"year": (2020, 2022)}),
    "a range and years of its own (both apply)": (
        {"year": ["2019", "2021"]},
        {"year": (2020, 2023)},
    ),
    "a range nothing is in": ({"topic": ["energy"]}, {"year": (2030, 2040)}),
}


@pytest.fixture(params=["database", *SEARCH_ENGINES])
def implementation(request, corpus, settings):
    queryset = Resource.objects.visible().filter(locale=Locale.get_default())
    if request.param == "database":
        return DatabaseFacetedSearch(queryset, FACETS)
    from search.engine import EngineFacetedSearch

    use_search_engine(settings, request.param)
    empty_engine_index().index_all()
    return EngineFacetedSearch(queryset, FACETS)


def counts_of(facet):
    return {value.value: value.count for value in facet.values if value.count}


@pytest.mark.parametrize("case", list(CASES))
def test_a_range_narrows_results_and_counts_as_the_rows_say(implementation, corpus, case):
    filters, ranges = CASES[case]
    page = implementation.search(SearchQuery(filters=filters, ranges=ranges, page_size=100))
    resources = corpus["resources"]

    expected = matching(resources, filters, ranges)
    assert page.total == len(expected)
    assert {item.pk for item in page.items} == {item.pk for item in expected}
    for facet in page.facets:
        assert counts_of(facet) == expected_counts(resources, filters, facet.name, ranges), (
            facet.name
        )


@pytest.mark.parametrize("case", list(CASES))
def test_the_histogram_counts_every_year_under_the_other_filters(implementation, corpus, case):
    filters, ranges = CASES[case]
    page = implementation.search(SearchQuery(filters=filters, ranges=ranges, page_size=1))
    year = next(facet for facet in page.facets if facet.name == "year")
    bars = histogram(year, ranges["year"])

    # The year's own selection (values and range) does not narrow its counts:
    # the bars show where the other years are.
    expected = expected_counts(corpus["resources"], filters, "year")
    if not expected:
        assert bars == []
        return
    years = sorted(int(value) for value in expected)
    assert [bar.value for bar in bars] == list(range(years[0], years[-1] + 1))
    assert {bar.value: bar.count for bar in bars} == {
        year: expected.get(str(year), 0) for year in range(years[0], years[-1] + 1)
    }
    lowest, highest = ranges["year"]
    for bar in bars:
        inside = (lowest is None or bar.value >= lowest) and (
            highest is None or bar.value <= highest
        )
        assert bar.in_range == inside


@pytest.mark.parametrize(
    ("text", "filters", "ranges", "name"),
    [
        ("", {}, {}, "country"),
        ("", {"topic": ["health"], "country": ["FI"]}, {}, "country"),
        ("strategy", {"language": ["en"]}, {"year": (2020, None)}, "topic"),
        ("", {"type": ["policy", "report"]}, {"year": (2019, 2021)}, "year"),
        ("", {"country": ["NL"], "topic": ["ict"], "language": ["fi"]}, {}, "language"),
    ],
)
def test_one_facets_values_count_as_the_search_counts_them(
    implementation, corpus, text, filters, ranges, name
):
    query = SearchQuery(text=text, filters=filters, ranges=ranges)
    facet = implementation.facet(query, name)
    from_search = next(f for f in implementation.search(query).facets if f.name == name)

    assert [(v.value, v.count, v.selected) for v in facet.values] == [
        (v.value, v.count, v.selected) for v in from_search.values
    ]
    if not text:
        assert counts_of(facet) == expected_counts(corpus["resources"], filters, name, ranges)
    # Selected values stay listed, marked, with the others' counts beside them.
    assert {v.value for v in facet.values if v.selected} == set(filters.get(name, []))


def test_a_facets_values_found_by_a_prefix_are_the_same_on_both(implementation, corpus):
    query = SearchQuery(filters={"topic": ["health"]})
    countries = implementation.facet(query, "country").values
    found = [value.value for value in countries if matches("f", value.value, value.label)]
    assert found == ["FI"]  # Finland; "European level" has no word beginning with f
    assert [v.value for v in countries if matches("euro", v.value, v.label)] == ["EU"]
    assert [v.value for v in countries if matches("LEVEL", v.value, v.label)] == ["EU"]


@pytest.mark.parametrize(
    ("value", "label", "typed", "found"),
    [
        ("FI", "Finland", "", True),
        ("FI", "Finland", "fin", True),  # the label's beginning
        ("FI", "Finland", "fi", True),
        ("GB", "United Kingdom", "gb", True),  # the value, any case
        ("GB", "United Kingdom", "king", True),  # a later word of the label
        ("GB", "United Kingdom", "ingdom", False),  # not the middle of a word
        ("AT", "Österreich", "OSTER", True),  # accents and case ignored
        ("ict", "ICT and digital services", "digi", True),
        ("FI", "Finland", "x", False),
    ],
)
def test_the_prefix_rule(value, label, typed, found):
    assert matches(typed, value, label) is found


def test_the_api_answers_a_facets_values_from_the_engine_or_the_database_when_it_is_down(
    client, corpus, engine_index, settings
):
    engine_index.index_all()
    params = {"prefix": "he", "country": "FI", "year_from": 2020}
    up = client.get("/api/v3/resources/facets/topic/", params).json()
    assert up["backend"] in ("opensearch", "elasticsearch") and up["notice"] == ""
    health = [r for r in corpus["resources"] if r.publication_date.year >= 2020]
    health = [
        r
        for r in health
        if r.countries.filter(code="FI").exists() and r.topics.filter(slug="health").exists()
    ]
    assert up["items"] == [
        {"value": "health", "label": "Health", "count": len(health), "selected": False}
    ]

    from search import engine
    from tests.processes import free_port

    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "engine": {
            **settings.WAGTAILSEARCH_BACKENDS["engine"],
            "URLS": [f"http://127.0.0.1:{free_port()}"],
        },
    }
    engine.reset_circuit()
    try:
        down = client.get("/api/v3/resources/facets/topic/", params).json()
    finally:
        engine.reset_circuit()
    assert down["backend"] == "database" and down["notice"]
    assert down["items"] == up["items"]
