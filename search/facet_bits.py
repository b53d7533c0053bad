"""Facet counts from memory, on PostgreSQL.

For every facet value, the ids of the objects that have it are kept as the
bits of one Python int, so a value's count under a set of ids is
`(ids & value).bit_count()`. At 100,000 resources a heavy search's counts
take 16 to 21 ms this way (most of it turning its id sets into bits; the 115
values' counts about one), against 79 to 102 ms for the counting statement
(bench/README.md).

The bits must never be older than the rows, whichever process or transaction
wrote them. The database keeps the proof: a trigger on every table the counts
read (the model's, and each many-to-many facet's link and value tables) adds a
row to `search_facet_version` for each writing transaction, numbered from a
sequence. The set of those numbers is the data's version:

- a transaction's row becomes visible when its writes do, at its commit;
- a sequence never hands out a number twice, even to a transaction that rolls
  back, so every commit brings a set never seen before;
- a row per transaction (not one shared row) means writers never wait for one
  another: a long import does not hold up an editor's save.

A search reads the set first and the bits after, so the bits are at least as
new as the set they are kept under; when the set has moved, they are built
again (about half a second at 100,000 resources), at most every
FACET_BITS_REBUILD_SECONDS per process: while writes keep coming (an import),
the search counts in SQL instead of rebuilding for every request.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connections, transaction
from django.db.models import F
from django.db.models.signals import post_migrate

from search.facet_links import facet_link
from search.id_sets import bits_of

# Bits are kept while they fit this budget: (values of all facets) x (highest
# id / 8) bytes. The Resource Centre needs 1.4 MB at 100,000 resources.
MEMORY_BUDGET = 64 * 1024 * 1024

VERSIONS_TABLE = "search_facet_version"
TRIGGER_FUNCTION = "search_move_facet_version"

_INSTALL_FUNCTION = f"""
CREATE TABLE IF NOT EXISTS {VERSIONS_TABLE} (
    name text NOT NULL,
    transaction_id bigint NOT NULL,
    version bigint NOT NULL,
    PRIMARY KEY (name, transaction_id)
);
CREATE SEQUENCE IF NOT EXISTS {VERSIONS_TABLE}_seq;
CREATE OR REPLACE FUNCTION {TRIGGER_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint := nextval('{VERSIONS_TABLE}_seq');
BEGIN
    INSERT INTO {VERSIONS_TABLE} (name, transaction_id, version)
    VALUES (TG_ARGV[0], txid_current(), moved)
    ON CONFLICT (name, transaction_id) DO UPDATE SET version = EXCLUDED.version;
    -- Rows committed before this one are of no more use once it commits, as
    -- it brings a new number anyway. Rows another writer is deleting are
    -- skipped, so that writers never wait here.
    DELETE FROM {VERSIONS_TABLE} WHERE ctid IN (
        SELECT ctid FROM {VERSIONS_TABLE}
        WHERE name = TG_ARGV[0] AND version < moved
        FOR UPDATE SKIP LOCKED
    );
    RETURN NULL;
END
$$;
"""  # noqa: S608 (names of our own, no input)


def version_name(model):
    return model._meta.label_lower


def trigger_name(model):
    return f"facet_version_{version_name(model).replace('.', '_')}"


def watched_tables(model, specs):
    """Every table the facets' counts read: the model's, and each many-to-many
    facet's link table and value table."""
    tables = {model._meta.db_table}
    for link in filter(None, (facet_link(model, spec) for spec in specs)):
        tables.update((link.through._meta.db_table, link.values._meta.db_table))
    return sorted(tables)


def install(model, specs, using="default"):
    """Creates (again) the version table, its function and the triggers on the
    facets' tables; idempotent, and in one transaction so that no write slips
    between a dropped and a created trigger."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    name, trigger = version_name(model), trigger_name(model)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(_INSTALL_FUNCTION)
        for table in watched_tables(model, specs):
            cursor.execute(f"DROP TRIGGER IF EXISTS {quote(trigger)} ON {quote(table)}")
            cursor.execute(
                f"CREATE TRIGGER {quote(trigger)} "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {quote(table)} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_FUNCTION}(%s)",
                [name],
            )
        # A first version, so that the set is never empty once installed
        # (an empty set is treated as unknown).
        cursor.execute(
            f"INSERT INTO {VERSIONS_TABLE} (name, transaction_id, version) "  # noqa: S608
            f"VALUES (%s, txid_current(), nextval('{VERSIONS_TABLE}_seq')) "
            "ON CONFLICT DO NOTHING",
            [name],
        )


def install_after_migrations(model, specs, sender):
    """Installs the triggers after every `migrate` (the tables may have been
    created or altered by it); called from the app's ready()."""

    def installed(using="default", **kwargs):
        install(model, specs, using)

    post_migrate.connect(installed, sender=sender, weak=False)


@dataclass
class FacetBits:
    version: tuple
    built_at: float
    values: dict | None  # facet name -> {value as text: bits of the ids that have it}


_kept: dict = {}
_building = threading.Lock()


def current_bits(search):
    """The facets' bits for `search` (a DatabaseFacetedSearch), as new as the
    rows; None when they cannot be had or are not worth building now (not
    PostgreSQL, no triggers, too large, rebuilt too recently): the caller
    counts in SQL then."""
    using = search.base.db
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    key = (using, version_name(search.model), tuple(spec.lookup for spec in search.specs.values()))
    version = read_version(connection, search.model, search.specs.values())
    if not version:
        return None
    kept = _kept.get(key)
    if kept is not None and kept.version == version:
        return kept.values
    if kept is not None and time.monotonic() - kept.built_at < settings.FACET_BITS_REBUILD_SECONDS:
        return None
    if not _building.acquire(blocking=False):  # another thread is at it
        return None
    try:
        # Kept even when None (too large), so that it is not tried again
        # until the version moves.
        values = build(search)
        _kept[key] = FacetBits(version, time.monotonic(), values)
        return values
    finally:
        _building.release()


def read_version(connection, model, specs):
    """The set of version numbers, or None when it cannot be trusted: not
    installed, or a watched table lacks its trigger or has it disabled (a
    write there would not move the version). Checked on every search, as a
    migration may have dropped and made a table again since the bits were
    built; one short statement."""
    tables = watched_tables(model, specs)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT array_agg(version ORDER BY version) FROM {VERSIONS_TABLE} "  # noqa: S608
            "WHERE name = %s), (SELECT count(*) FROM pg_trigger "
            "JOIN pg_class ON pg_class.oid = tgrelid "
            "WHERE tgname = %s AND relname = ANY(%s) AND tgenabled <> 'D')",
            [version_name(model), trigger_name(model), tables],
        )
        versions, triggers = cursor.fetchone()
    if not versions or triggers != len(tables):
        return None
    return tuple(versions)


def build(search):
    """{facet: {value as text: bits}} for every object of the model (visible
    or not: the ids they are counted for come from the base), or None when
    they would not fit MEMORY_BUDGET."""
    grouped = {}
    for name, spec in search.specs.items():
        link = facet_link(search.model, spec)
        if link:
            rows = link.through.objects.values_list(link.path).annotate(ids=ArrayAgg(link.column))
        else:
            rows = (
                search.model.objects.exclude(**{f"{spec.lookup}__isnull": True})
                .values_list(spec.lookup)
                .annotate(ids=ArrayAgg(F("pk")))
            )
        grouped[name] = list(rows.order_by().using(search.base.db))
    highest = max((max(ids) for rows in grouped.values() for _v, ids in rows), default=0)
    if sum(map(len, grouped.values())) * (highest // 8 + 1) > MEMORY_BUDGET:
        return None
    values = {
        name: {str(value): bits_of(ids) for value, ids in rows} for name, rows in grouped.items()
    }
    whole_numbers = all(
        bits is not None for bits_by in values.values() for bits in bits_by.values()
    )
    return values if whole_numbers else None
