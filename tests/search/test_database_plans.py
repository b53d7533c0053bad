"""How the database faceted search's statements run on PostgreSQL
(search/postgres_plans.py): text matched through the text index even when most
entries match or the table is in content-type order, with the planner setting
kept to those statements; phrases found by all their words and matched as the
backend matches them; pages ranked from the index entries in the backend's own
order, without parallel workers; every facet counted in one statement when
the counts are not taken from memory (search/facet_bits.py)."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import DataError, connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.query import Not, Or, Phrase, PlainText

from home.models import Topic
from resources.facets import FACETS
from resources.models import Resource
from search import id_sets
from search.faceted import DatabaseFacetedSearch, SearchQuery
from search.id_sets import Ids, ids_from, ids_statement
from search.languages import searching_in
from search.postgres_plans import text_index_scans, without_parallel_workers, words_matched
from tests.resources.factories import bulk_resources
from tests.search.test_database_text_index import (
    add_index_entries,
    insert_index_entries,
    pad_the_index,
)

pytestmark = pytest.mark.django_db


def entry_table_reads_so_far():
    """How often this transaction has read the whole index entry table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = %s",
            ["wagtailsearch_indexentry"],
        )
        return cursor.fetchone()[0]


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def seqscan_setting():
    return setting("enable_seqscan")


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


def index_scans_so_far():
    """{index of the entries table: how often this transaction has read it}."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT index.relname, pg_stat_get_xact_numscans(index.oid) FROM pg_index "
            "JOIN pg_class AS index ON index.oid = pg_index.indexrelid "
            "WHERE pg_index.indrelid = 'wagtailsearch_indexentry'::regclass"
        )
        return dict(cursor.fetchall())


def content_type_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            ["wagtailsearch_indexentry", "%(content_type_id%"],
        )
        return [name for (name,) in cursor.fetchall()]


def test_a_text_match_does_not_read_all_of_a_models_entries_through_the_content_type_index(
    corpus,
):
    # Entries in the order of their content type, as after a rewrite of the
    # table: reading all of the resources' entries through the content-type
    # index, computing `title || body` for each, then looked cheap to the
    # planner (280 ms against 190 through the text index at 100,000 resources).
    expected = resources_saying("filler", 3000)
    pad_the_index(1000)
    by_type = content_type_indexes()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # CLUSTER waits for no deferred check
        cursor.execute(f"CLUSTER wagtailsearch_indexentry USING {by_type[0]}")
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")
    before = index_scans_so_far()

    assert search.text_matches("filler") == expected

    after = index_scans_so_far()
    assert after["search_indexentry_text_gin"] > before["search_indexentry_text_gin"]
    assert {name: after[name] for name in by_type} == {name: before[name] for name in by_type}


def test_the_planner_setting_is_undone_when_a_statement_fails(corpus):
    with pytest.raises(DataError), text_index_scans("default"):
        assert seqscan_setting() == "off"
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")
    assert seqscan_setting() == "on"
    # The transaction around the test goes on: only the failed part was undone.
    assert Resource.objects.filter(live=True).count() == len(corpus["resources"])


@pytest.mark.parametrize("ids_as", ["array", "bitmap"])
@pytest.mark.parametrize(
    ("text", "filters"),
    [("public buyers innovation", {}), ("buying", {"topic": ["health", "ict"]}), ("toolkit", {})],
)
def test_pages_rank_matches_in_the_backends_own_order(corpus, text, filters, ids_as, monkeypatch):
    """The page ranks the matches it already knows without matching them again:
    the order must stay the one the backend gives when it matches and ranks,
    whether the matches go to the statement as an array or a bitmap."""
    if ids_as == "bitmap":
        monkeypatch.setattr(id_sets, "BITMAP_FROM", 1)
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


def test_matches_with_the_same_rank_come_newest_first_as_the_backend_gives_them(corpus):
    # Every one of these entries ranks the same for "identical": the order
    # among them is the tie-break alone (the object's id, highest first).
    ids = resources_saying("identical", 12)
    base = Resource.objects.filter(pk__in=ids)
    search = DatabaseFacetedSearch(base, FACETS, language="en")

    page = search.search(SearchQuery(text="identical", page_size=5, page=2))

    with searching_in("en"):
        ranked = search.search_backend.search("identical", base, operator="and")
        expected = list(ranked.get_queryset().values_list("pk", flat=True))
    assert expected == sorted(ids, reverse=True)
    assert [resource.pk for resource in page.items] == expected[5:10]


def parallel_setting_of_the_ranking(search, query):
    """(the page, the parallel workers setting the ranking statement ran with,
    whether it tested a bitmap)."""
    seen = []

    def note_the_setting(execute, sql, params, many, context):
        if "ts_rank" in sql:
            with connection.cursor() as cursor:
                cursor.execute("SHOW max_parallel_workers_per_gather")
                seen.append((cursor.fetchone()[0], "get_bit" in sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note_the_setting):
        page = search.search(query)
    assert len(seen) == 1
    return page, *seen[0]


def test_a_page_ranked_from_an_array_of_ids_is_ranked_without_parallel_workers(corpus):
    """The ranking statement carries the matches' ids as a text array, which
    each parallel worker would be sent and hash again (bench/README.md)."""
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")
    default = setting("max_parallel_workers_per_gather")
    assert default != "0"
    query = SearchQuery(text="buying", filters={"topic": ["health"]})
    page, parallel, bitmap = parallel_setting_of_the_ranking(search, query)
    assert page.total
    assert (parallel, bitmap) == ("0", False)
    assert setting("max_parallel_workers_per_gather") == default


def test_a_page_ranked_from_a_bitmap_may_use_parallel_workers(corpus, monkeypatch):
    """Many matches go as a bitmap, one short value for each worker: two
    workers rank 29,000 matches in two thirds of the time (bench/README.md)."""
    monkeypatch.setattr(id_sets, "BITMAP_FROM", 1)
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")
    default = setting("max_parallel_workers_per_gather")
    query = SearchQuery(text="buying", filters={"topic": ["health"]})
    page, parallel, bitmap = parallel_setting_of_the_ranking(search, query)
    assert page.total
    assert (parallel, bitmap) == (default, True)


def test_entries_of_other_models_with_ids_that_are_not_numbers_leave_the_bitmap_alone(
    corpus, monkeypatch
):
    """The bitmap is tested on entries' object ids read as numbers: another
    model's entry may hold any text there, and must be left out before that."""
    monkeypatch.setattr(id_sets, "BITMAP_FROM", 1)
    other = ContentType.objects.get_for_model(Topic)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, "
            "autocomplete, body, title_norm, title_text, body_text) VALUES (%s, 'not-a-number', "
            "to_tsvector('english', 'buying'), to_tsvector(''), to_tsvector('english', 'buying'), "
            "1.0, 'buying', 'buying')",
            [other.pk],
        )
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")
    page = search.search(SearchQuery(text="buying", page_size=100))
    assert page.total and len(page.items) == page.total


def test_the_parallel_setting_is_undone_when_a_statement_fails(corpus):
    default = setting("max_parallel_workers_per_gather")
    with pytest.raises(DataError), without_parallel_workers("default"):
        assert setting("max_parallel_workers_per_gather") == "0"
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")
    assert setting("max_parallel_workers_per_gather") == default


def test_without_the_bits_every_facet_is_counted_in_one_statement(corpus):
    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")
    some = Ids(resource.pk for resource in corpus["resources"][::2])
    topics, types = {}, {}
    for resource in Resource.objects.filter(pk__in=some).prefetch_related("topics"):
        for topic in resource.topics.all():
            topics[topic.slug] = topics.get(topic.slug, 0) + 1
        types[resource.resource_type] = types.get(resource.resource_type, 0) + 1
    assert len(topics) > 1 and len(types) > 1

    with CaptureQueriesContext(connection) as queries:
        counts = search.counts_in_sql(some, {}, some)

    assert counts["topic"] == topics
    assert counts["type"] == types
    assert set(counts) == set(search.specs)
    assert len(queries) == 1


def resources_with_entries(texts):
    """A published resource for each (title, body) of `texts`, with an index
    entry of exactly those words: {(title, body): its id}."""
    specs = [
        ({"title": f"Resource {n}", "summary": "", "publication_date": date(2024, 1, 1)}, {}, [])
        for n in range(len(texts))
    ]
    resources = bulk_resources(specs)
    insert_index_entries(
        [(str(resource.pk), *text) for resource, text in zip(resources, texts, strict=True)]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resources_resource")
    return {text: resource.pk for text, resource in zip(texts, resources, strict=True)}


PHRASE_ENTRIES = [
    ("Guide", "how to run an open market consultation"),  # in the body
    ("Market consultation in practice", "lessons learnt"),  # in the title
    ("What we learnt from the market", "consultation of suppliers"),  # across the two
    ("Market research", "then a public consultation"),  # the words apart
    ("RFI template", "questions for suppliers"),
    # "open" in the title; the words of the phrase, apart, in the body.
    ("Open day", "market stalls, then a consultation"),
]


def ids_matching_words(results, base):
    """The ids the faceted search's text match reads for `results`, nothing kept."""
    rows, planned = words_matched(results, base)
    with planned:
        return ids_from(rows.db, *ids_statement(rows))


@pytest.mark.parametrize(
    ("query", "found"),
    [
        (Or([PlainText("rfi"), Phrase("market consultation")]), {0, 1, 2, 4}),
        (Phrase("market consultation"), {0, 1, 2}),
        # With a NOT, a match in the body alone is not a match in the text:
        # "Open day" has "open" in its title, and the phrase's words apart.
        (Or([Phrase("market consultation"), Not(PlainText("open"))]), {0, 1, 2, 3, 4}),
    ],
    ids=["phrase or word", "phrase", "phrase or not"],
)
def test_phrases_match_what_the_backend_matches_in_the_title_the_body_or_across(db, query, found):
    ids = resources_with_entries(PHRASE_ENTRIES)
    base = Resource.objects.filter(pk__in=ids.values())
    with searching_in("en"):
        backend = DatabaseFacetedSearch(base, FACETS, language="en").search_backend
        results = backend.search(query, base, operator="and", order_by_relevance=False)
        expected = set(results.get_queryset().values_list("pk", flat=True))
        matched = ids_matching_words(results, base)

    assert matched == expected
    assert matched == {ids[PHRASE_ENTRIES[n]] for n in found}


def test_the_text_index_answers_a_phrase_search_without_checking_word_order(db):
    """The index finds the entries with a phrase's words, and the order is
    checked on the body before `title || body` is computed (bench/README.md):
    the index condition has no phrase in it."""
    resources_with_entries(PHRASE_ENTRIES * 50)
    pad_the_index(1000)
    base = Resource.objects.visible()
    query = Or([PlainText("rfi"), Phrase("market consultation")])
    with searching_in("en"), CaptureQueriesContext(connection) as queries:
        backend = DatabaseFacetedSearch(base, FACETS, language="en").search_backend
        ids_matching_words(backend.search(query, base, order_by_relevance=False), base)
    (match,) = [statement["sql"] for statement in queries if "@@" in statement["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {match}")
        plan = "\n".join(row for (row,) in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    # The text index's condition: other index conditions (the live flag, ids
    # in a join) come and go with the table statistics other tests leave.
    (index_condition,) = [
        line for line in plan.splitlines() if "Index Cond" in line and "@@" in line
    ]
    assert "''market'' & ''consult''" in index_condition  # quotes doubled in the literal
    assert "<->" not in index_condition
