"""Sets of ids that SQL statements reuse, each sent as a single parameter.

The database faceted search works out id sets once (the text match, each
facet's selection) and then reuses them in several statements. Django's
`pk__in=[...]` would send one parameter per id (tens of thousands) and SQLite
limits how many a statement may have; an array (PostgreSQL) or a JSON list
(SQLite) is one parameter whatever its length. Those are the two databases the
project runs on.

On PostgreSQL a large set of whole-number ids goes as a bitmap instead: bit n
of a `bytea` is set when n is in the set. An array costs the planner an
estimate per id (it weighs each against the column's statistics: 12 ms for
49,000 ids) and the executor a hash of them all, in every statement that
carries it; a bitmap is one value, tested with `get_bit` row by row. At
100,000 resources a facet's counts for 49,000 ids took 20 ms with the array and
11 with the bitmap (bench/README.md). Small sets stay arrays: they are looked
up through indexes, which a bitmap cannot drive.
"""

import json
from functools import cached_property

from django.db import connections
from django.db.models import Lookup

# Sets of at least this many ids are sent as bitmaps, when their highest id
# keeps the bitmap within BITMAP_BYTES (ids below 8 million; building one
# takes three buffers of a byte per id, 24 MB at most).
BITMAP_FROM = 5_000
BITMAP_BYTES = 1024 * 1024
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


class Ids(frozenset):
    """A set of ids; its SQL parameter is built once however often it is used."""

    @cached_property
    def array_literal(self):
        return "{" + ",".join(map(str, self)) + "}"

    @cached_property
    def bits(self):
        """The set as the bits of one number (bit n set when n is in it), or
        None when its ids are not all whole numbers within BITMAP_BYTES."""
        return bits_of(self)

    @cached_property
    def bitmap(self):
        """The set as bits of bytes (bit n is bit n % 8 of byte n // 8, as
        PostgreSQL's `get_bit` counts them), or None when it is too small or
        its ids are not all whole numbers within the bitmap's reach."""
        if len(self) < BITMAP_FROM or self.bits is None:
            return None
        return self.bits.to_bytes((self.bits.bit_length() + 7) // 8, "little")

    @cached_property
    def json_list(self):
        return json.dumps(list(self))


def bits_of(ids):
    """The bits of one number, bit n set for each n in `ids`; None when they are
    not all whole numbers from 0 to below BITMAP_BYTES * 8."""
    if not ids:
        return 0
    highest = max(ids)  # a TypeError if ids of several types were mixed
    if not isinstance(highest, int) or highest >= BITMAP_BYTES * 8 or min(ids) < 0:
        return None
    # A byte per id, then the bytes read as the binary digits of one number,
    # lowest bit first: half the time of setting bits one by one in Python
    # (3.7 against 7 ms for 49,000 ids).
    flags = bytearray(highest + 1)
    for n in ids:
        flags[n] = 1
    return int(flags.translate(_AS_DIGITS)[::-1], 2)


def as_ids(ids):
    """`ids` as Ids, itself when it is one (keeping what it has worked out)."""
    return ids if isinstance(ids, Ids) else Ids(ids)


def all_but(name, ids, selections):
    """`ids` narrowed by every facet's selection ({facet: ids}) but `name`'s:
    what that facet's counts, and the help for dropping it, apply to."""
    for other, other_ids in selections.items():
        if other != name:
            ids = ids & other_ids
    return ids


def ids_statement(queryset, column="pk"):
    """The SQL and parameters that read the values of `column` of `queryset`."""
    return queryset.order_by().values_list(column).query.sql_with_params()


def ids_from(using, sql, params):
    """The values of an ids_statement's one column as Ids, read with one
    fetch: going through Django's row iterator costs more than the query at
    100,000 rows. The set drops repeats, which is cheaper than a DISTINCT in
    the statement."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One array instead of a row per id: a third less time at 100,000 ids.
            cursor.execute(f"SELECT array_agg(found.id) FROM ({sql}) AS found(id)", params)  # noqa: S608
            return Ids(cursor.fetchone()[0] or ())
        cursor.execute(sql, params)
        return Ids(row[0] for row in cursor.fetchall())


class InIds(Lookup):
    """`filter(InIds(F("pk"), ids))`: the column is one of `ids`.

    A lookup rather than a plain expression because Wagtail's search checks a
    queryset's filters lookup by lookup before searching within it."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def __init__(self, lhs, ids):
        super().__init__(lhs, as_ids(ids))

    def as_postgresql(self, compiler, connection):
        sql, params = self.process_lhs(compiler, connection)
        # Ids kept as text (an index entry's object_id) are compared as text.
        if self.lhs.output_field.db_type(connection) not in {"smallint", "integer", "bigint"}:
            return f"{sql} = ANY(%s::text[])", (*params, self.rhs.array_literal)
        bitmap = self.rhs.bitmap
        if bitmap is None:
            return f"{sql} = ANY(%s::bigint[])", (*params, self.rhs.array_literal)
        # CASE, because only it guarantees that the range is checked before
        # `get_bit`, which fails outside the bitmap.
        size = len(bitmap) * 8
        return (
            f"CASE WHEN {sql} >= 0 AND {sql} < {size} "
            f"THEN get_bit(%s::bytea, ({sql})::integer) = 1 ELSE false END",
            (*params, *params, bitmap, *params),
        )

    def as_sqlite(self, compiler, connection):
        sql, params = self.process_lhs(compiler, connection)
        # `sql` is a compiled column reference; the ids travel as a parameter.
        return f"{sql} IN (SELECT value FROM json_each(%s))", (  # noqa: S608
            *params,
            self.rhs.json_list,
        )
