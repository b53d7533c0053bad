"""The database search's text match uses the GIN index that
search/migrations/0001 adds: the indexed expression must be exactly the one
Wagtail's PostgreSQL backend generates, or the index is dead weight."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from resources.models import Resource
from search.faceted import DatabaseFacetedSearch

pytestmark = pytest.mark.django_db


def pad_the_index(entries):
    """Index entries that match nothing, so that the table is big enough for the
    planner to prefer an index to a scan, as it is on a real site."""
    content_type = ContentType.objects.get_for_model(Resource)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO wagtailsearch_indexentry
                (content_type_id, object_id, title, autocomplete, body,
                 title_norm, title_text, body_text)
            SELECT %s, 'padding-' || n, to_tsvector('padding ' || n),
                   to_tsvector(''), to_tsvector('filler text about nothing ' || n),
                   1.0, 'padding', 'filler'
            FROM generate_series(1, %s) AS n
            """,
            [content_type.pk, entries],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")


# The text condition as Wagtail's PostgreSQL backend writes it.
TEXT_CONDITION = re.compile(
    r'\("wagtailsearch_indexentry"\."title" \|\| "wagtailsearch_indexentry"\."body"\)'
    r" @@ \(to_tsquery\('(?:[^']|'')*'\)\)"
)


def test_text_match_plan_uses_the_expression_index(corpus):
    assert connection.vendor == "postgresql"
    pad_the_index(5000)
    search = DatabaseFacetedSearch(Resource.objects.visible(), [])
    matches = search.search_backend.search(
        "toolkit", search.base, operator="and", order_by_relevance=False
    ).get_queryset()
    sql = connection.ops.compose_sql(*matches.query.sql_with_params())
    condition = TEXT_CONDITION.search(sql)
    assert condition, sql
    # With few resources the planner rightly starts from them; what matters is
    # that on a large table the condition itself can be answered by the index.
    with connection.cursor() as cursor:
        cursor.execute(
            # The condition comes from the ORM's own SQL for a fixed word.
            "EXPLAIN SELECT object_id FROM wagtailsearch_indexentry WHERE "  # noqa: S608
            + condition[0]
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_text_gin" in plan

    assert search.text_matches("toolkit") == {
        r.pk for r in corpus["resources"] if "Toolkit" in r.title
    }
