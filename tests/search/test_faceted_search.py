"""The same cases against both implementations: the database and the real
engine nodes (OpenSearch and Elasticsearch). Results and counts must agree with each other and with
counts computed independently from the database rows."""

import pytest
from wagtail.models import Locale

from resources.facets import FACETS
from resources.models import Resource
from search import id_sets
from search.faceted import DatabaseFacetedSearch, SearchQuery, UnknownFacetValue
from tests.conftest import SEARCH_ENGINES, use_search_engine
from tests.search.conftest import empty_engine_index
from tests.search.expected import expected_counts, matching

pytestmark = pytest.mark.django_db

CASES = {
    "no filters": {},
    "one facet": {"topic": ["health"]},
    "two values of one facet": {"topic": ["health", "energy"]},
    "two facets": {"topic": ["health"], "country": ["FI", "EU"]},
    "four facets": {
        "type": ["policy", "report"],
        "language": ["en"],
        "procurement": ["pcp"],
        "year": ["2020", "2021"],
    },
    "nothing matches": {
        "country": ["NL"],
        "topic": ["ict"],
        "language": ["fi"],
        "type": ["policy"],
        "year": ["2019"],
    },
}


@pytest.fixture(params=["database", "database, id sets as bitmaps", *SEARCH_ENGINES])
def searcher(request, corpus, settings, monkeypatch):
    queryset = Resource.objects.visible().filter(locale=Locale.get_default())
    if request.param.startswith("database"):
        if request.param.endswith("bitmaps"):
            # Large id sets travel as bitmaps (search/id_sets.py); here every set does.
            monkeypatch.setattr(id_sets, "BITMAP_FROM", 1)
        return lambda query: DatabaseFacetedSearch(queryset, FACETS).search(query)
    from search.engine import EngineFacetedSearch

    use_search_engine(settings, request.param)
    empty_engine_index().index_all()
    return lambda query: EngineFacetedSearch(queryset, FACETS).search(query)


def counts_of(page):
    return {
        facet.name: {value.value: value.count for value in facet.values} for facet in page.facets
    }


@pytest.mark.parametrize("case", list(CASES))
def test_results_and_disjunctive_counts_match_the_database_rows(searcher, corpus, case):
    filters = CASES[case]
    page = searcher(SearchQuery(filters=filters, page_size=100))
    resources = corpus["resources"]

    expected_items = matching(resources, filters)
    assert page.total == len(expected_items)
    assert {item.pk for item in page.items} == {item.pk for item in expected_items}
    assert corpus["draft"].pk not in {item.pk for item in page.items}

    counts = counts_of(page)
    for spec in FACETS:
        expected = expected_counts(resources, filters, spec.name)
        # Selected values are listed even when nothing else matches them.
        got = {value: count for value, count in counts[spec.name].items() if count}
        assert got == expected, spec.name


def test_selected_values_keep_their_alternatives_visible(searcher):
    page = searcher(SearchQuery(filters={"topic": ["health"]}))
    topic = next(facet for facet in page.facets if facet.name == "topic")
    by_value = {value.value: value for value in topic.values}
    assert by_value["health"].selected
    # Disjunctive: choosing health does not hide how many energy resources exist.
    assert by_value["energy"].count > 0 and not by_value["energy"].selected


@pytest.mark.parametrize("sort", ["newest", "title"])
def test_sorting_and_paging_agree_with_the_database(searcher, corpus, sort):
    resources = corpus["resources"]
    if sort == "title":
        expected = sorted(resources, key=lambda r: (r.title, r.pk))
    else:
        expected = sorted(resources, key=lambda r: (r.publication_date, r.pk), reverse=True)
    pages = [searcher(SearchQuery(sort=sort, page=number, page_size=10)) for number in (1, 2, 5)]
    assert [item.pk for item in pages[0].items] == [r.pk for r in expected[:10]]
    assert [item.pk for item in pages[1].items] == [r.pk for r in expected[10:20]]
    assert pages[2].items == [] and pages[2].total == len(resources)


def test_text_search_finds_words_in_title_and_summary(searcher, corpus):
    page = searcher(SearchQuery(text="toolkit energy", page_size=100))
    titles = {item.title for item in page.items}
    expected = {
        r.title for r in corpus["resources"] if "Toolkit" in r.title and "Energy" in r.title
    }
    assert titles == expected and expected


def test_text_and_facets_combine(searcher, corpus):
    filters = {"country": ["FI"]}
    page = searcher(SearchQuery(text="strategy", filters=filters, page_size=100))
    expected = {r.pk for r in matching(corpus["resources"], filters) if "Strategy" in r.title}
    assert {item.pk for item in page.items} == expected


def test_unknown_facet_value_is_reported(searcher):
    with pytest.raises(UnknownFacetValue) as error:
        searcher(SearchQuery(filters={"topic": ["no-such-topic"]}))
    assert "no-such-topic" in str(error.value)


def test_engine_tolerates_a_typo(corpus, engine_index):
    from search.engine import EngineFacetedSearch

    engine_index.index_all()
    queryset = Resource.objects.visible()
    page = EngineFacetedSearch(queryset, FACETS).search(SearchQuery(text="tolkit", page_size=100))
    assert page.total == sum("Toolkit" in r.title for r in corpus["resources"])
    first = page.items[0]
    assert "<mark>Toolkit</mark>" in page.highlights[first.pk]
