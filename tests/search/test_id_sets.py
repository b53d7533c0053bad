"""How the database faceted search sends its id sets (search/id_sets.py): large
sets of whole numbers as a bitmap on PostgreSQL, others as an array, with the
same rows either way."""

import pytest
from django.db import connection
from django.db.models import F

from resources.models import Resource
from search import id_sets
from search.id_sets import Ids, InIds

pytestmark = pytest.mark.django_db


def test_a_bitmap_has_the_bits_postgresql_reads_for_its_ids(monkeypatch):
    monkeypatch.setattr(id_sets, "BITMAP_FROM", 1)
    ids = Ids({0, 1, 7, 8, 9, 63, 64, 100, 4097})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(n ORDER BY n) FROM generate_series(0, %s) AS n "
            "WHERE get_bit(%s::bytea, n) = 1",
            [len(ids.bitmap) * 8 - 1, ids.bitmap],
        )
        assert cursor.fetchone()[0] == sorted(ids)


def statement(ids, column="pk"):
    rows = Resource.objects.filter(InIds(F(column), ids)).values_list("pk")
    sql, _params = rows.query.sql_with_params()
    return sql


def test_large_sets_of_whole_numbers_go_as_bitmaps_and_others_as_arrays():
    large = Ids(range(1, id_sets.BITMAP_FROM + 1))
    assert "get_bit(" in statement(large)
    assert "= ANY(" in statement(Ids(range(1, id_sets.BITMAP_FROM)))
    # Beyond what a bitmap of BITMAP_BYTES reaches: an array.
    assert "= ANY(" in statement(Ids({*large, id_sets.BITMAP_BYTES * 8}))
    # Ids kept as text (an index entry's object_id) are compared as text.
    assert "::text[]" in statement(Ids(map(str, large)), column="slug")


def test_a_bitmap_selects_the_same_rows_as_an_array(corpus, monkeypatch):
    everyone = sorted(Resource.objects.values_list("pk", flat=True))
    # Every other resource, and ids no resource has: below the first, and
    # beyond the last in and after the bitmap's last byte.
    wanted = Ids({*everyone[::2], 0, everyone[-1] + 1, everyone[-1] + 9})

    def selected():
        return set(Resource.objects.filter(InIds(F("pk"), wanted)).values_list("pk", flat=True))

    as_array = selected()
    monkeypatch.setattr(id_sets, "BITMAP_FROM", 1)
    wanted.__dict__.pop("bitmap", None)  # the cached "too small" answer
    assert "get_bit(" in statement(wanted)
    assert selected() == as_array == set(everyone[::2])
