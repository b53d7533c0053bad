"""The database search's text match uses the GIN index that
search/migrations/0001 adds: the indexed expression must be exactly the one
Wagtail's PostgreSQL backend generates, or the index is dead weight."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from resources.models import Resource
from search.faceted import DatabaseFacetedSearch
from search.languages import searching_in

pytestmark = pytest.mark.django_db


def insert_index_entries(rows):
    """Resource index entries of `rows`, each (object id, title, body), written
    in one statement (indexing objects one by one takes far longer)."""
    content_type = ContentType.objects.get_for_model(Resource)
    object_ids, titles, bodies = zip(*rows, strict=True) if rows else ((), (), ())
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO wagtailsearch_indexentry
                (content_type_id, object_id, title, autocomplete, body,
                 title_norm, title_text, body_text)
            SELECT %s, entry.object_id, to_tsvector('english', entry.title),
                   to_tsvector(''), to_tsvector('english', entry.body),
                   1.0, entry.title, entry.body
            FROM unnest(%s::text[], %s::text[], %s::text[]) AS entry(object_id, title, body)
            """,
            [content_type.pk, list(object_ids), list(titles), list(bodies)],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")


def add_index_entries(object_ids, body):
    """Resource index entries for `object_ids` whose text is `body` and the id."""
    insert_index_entries([(id_, f"entry {id_}", f"{body} {id_}") for id_ in object_ids])


def pad_the_index(entries):
    """Index entries that stand for no resource, so that the table is big
    enough for the planner to prefer an index to a scan, as it is on a real site."""
    # Ids far above any resource's: a resource's entry holds its pk, a number.
    add_index_entries([str(10**9 + n) for n in range(entries)], "filler text about nothing")


# The text condition as Wagtail's PostgreSQL backend writes it: the indexed
# expression, matched against the words under one language's configuration, or
# under each language's (search/postgres_languages.py).
INDEXED = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@ '


def text_condition(sql):
    """The condition on the indexed expression, up to its query's closing parenthesis."""
    start = sql.index(INDEXED)
    depth, quoted = 0, False
    for position in range(start + len(INDEXED), len(sql)):
        char = sql[position]
        if char == "'":
            quoted = not quoted  # '' (an escaped quote) flips twice
        elif not quoted and char in "()":
            depth += 1 if char == "(" else -1
            if depth == 0:
                return sql[start : position + 1]
    raise AssertionError(sql)


@pytest.mark.parametrize("language", ["en", "fr", None])
def test_text_match_plan_uses_the_expression_index(corpus, language):
    assert connection.vendor == "postgresql"
    pad_the_index(5000)
    search = DatabaseFacetedSearch(Resource.objects.visible(), [], language=language)
    with searching_in(language):
        matches = search.search_backend.search(
            "toolkit", search.base, operator="and", order_by_relevance=False
        ).get_queryset()
        sql = connection.ops.compose_sql(*matches.query.sql_with_params())
    condition = text_condition(sql)
    assert "to_tsquery(" in condition
    # With few resources the planner rightly starts from them; what matters is
    # that on a large table the condition itself can be answered by the index.
    # A query under a named configuration is a constant the planner costs
    # exactly, and a scan of these few thousand rows is cheaper than the
    # index's pending list after a bulk insert: take scans off the table.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            # The condition comes from the ORM's own SQL for a fixed word.
            "EXPLAIN SELECT object_id FROM wagtailsearch_indexentry WHERE "  # noqa: S608
            + condition
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_text_gin" in plan

    if language != "fr":  # the corpus is English
        expected = {r.pk for r in corpus["resources"] if "Toolkit" in r.title}
        assert search.text_matches("toolkit") == expected
