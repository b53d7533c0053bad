"""How the database faceted search's text statements run on PostgreSQL
(search/postgres_plans.py): through the text index even when most entries
match, with the planner setting kept to them, and ranked in the backend's own
order without matching the words a second time."""

from datetime import date

import pytest
from django.db import DataError, connection

from resources.facets import FACETS
from resources.models import Resource
from search.faceted import DatabaseFacetedSearch, SearchQuery
from search.languages import searching_in
from search.postgres_plans import text_index_scans
from tests.resources.factories import bulk_resources
from tests.search.test_database_text_index import add_index_entries, pad_the_index

pytestmark = pytest.mark.django_db


def entry_table_reads_so_far():
    """How often this transaction has read the whole index entry table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = %s",
            ["wagtailsearch_indexentry"],
        )
        return cursor.fetchone()[0]


def seqscan_setting():
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        return cursor.fetchone()[0]


def resources_saying(word, count):
    """`count` published resources whose index entry has `word`, written with
    bulk inserts (indexing them one by one would take most of a minute)."""
    specs = [
        ({"title": f"Resource {n}", "summary": "", "publication_date": date(2024, 1, 1)}, {}, [])
        for n in range(count)
    ]
    resources = bulk_resources(specs)
    add_index_entries([str(resource.pk) for resource in resources], f"{word} text")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resources_resource")
    return {resource.pk for resource in resources}


def test_a_word_most_resources_have_is_matched_through_the_text_index(corpus):
    # Nearly every entry has "filler": the planner, costing the query
    # exactly, would read the whole table and compute `title || body` for
    # every row (300 ms against 90 at 100,000 resources, bench/README.md).
    expected = resources_saying("filler", 3000)
    pad_the_index(1000)
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")
    before = entry_table_reads_so_far()

    assert search.text_matches("filler") == expected

    assert entry_table_reads_so_far() == before
    assert seqscan_setting() == "on"


def test_the_planner_setting_is_undone_when_a_statement_fails(corpus):
    with pytest.raises(DataError), text_index_scans("default"):
        assert seqscan_setting() == "off"
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")
    assert seqscan_setting() == "on"
    # The transaction around the test goes on: only the failed part was undone.
    assert Resource.objects.filter(live=True).count() == len(corpus["resources"])


@pytest.mark.parametrize(
    ("text", "filters"),
    [("public buyers innovation", {}), ("buying", {"topic": ["health", "ict"]}), ("toolkit", {})],
)
def test_pages_rank_matches_in_the_backends_own_order(corpus, text, filters):
    """The page ranks the matches it already knows without matching them again:
    the order must stay the one the backend gives when it matches and ranks."""
    base = Resource.objects.visible()
    search = DatabaseFacetedSearch(base, FACETS, language="en")
    page = search.search(SearchQuery(text=text, filters=filters, page_size=100))
    assert page.total > 1

    matching = base.filter(pk__in=[resource.pk for resource in page.items])
    with searching_in("en"):
        ranked = search.search_backend.search(text, matching, operator="and")
        expected = list(ranked.get_queryset().values_list("pk", flat=True))
    assert [resource.pk for resource in page.items] == expected
    assert len(expected) == page.total
