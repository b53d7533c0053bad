"""The version of a model's search data, kept by the database itself.

What the database search keeps in memory (search/facet_bits.py: each facet
value's ids; search/kept_ids.py: the ids a text match or a selection found)
must never be older than the rows, whichever process or transaction wrote
them. The database keeps the proof: a trigger on every table those read (the
model's, each many-to-many facet's link and value tables, and the search
index entries) adds a row to `search_facet_version` for each writing
transaction, numbered from a sequence. The set of those numbers is the data's
version:

- a transaction's row becomes visible when its writes do, at its commit;
- a sequence never hands out a number twice, even to a transaction that rolls
  back, so every commit brings a set never seen before;
- a row per transaction (not one shared row) means writers never wait for one
  another: a long import does not hold up an editor's save.

A search reads the set first and the rows after, so what it keeps is at least
as new as the set it is kept under.

The search index entries are one table for every indexed model (pages,
images, documents too), so publishing a news page also moves the version:
each process then builds its facet bits again (about half a second at 100,000
resources, at most every FACET_BITS_REBUILD_SECONDS) and reads its searches'
ids again. Editors' writes are rare next to searches; a row-level trigger
that looks at each entry's content type would make every bulk indexing pay
instead. (The table and trigger names say "facet":
the version first covered the facet counts alone, and a deployment keeps its
installed names.)
"""

from django.db import connections, transaction
from django.db.models.signals import post_migrate

from search.facet_links import facet_link
from search.postgres_plans import index_entry_model

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
    """Every table the search reads for what it keeps: the model's, each
    many-to-many facet's link table and value table, and the table of the
    search index entries the database backend matches words in."""
    tables = {model._meta.db_table}
    for link in filter(None, (facet_link(model, spec) for spec in specs)):
        tables.update((link.through._meta.db_table, link.values._meta.db_table))
    entries = index_entry_model(model)
    if entries is not None:
        tables.add(entries._meta.db_table)
    return sorted(tables)


def install(model, specs, using="default"):
    """Creates (again) the version table, its function and the triggers on the
    watched tables; idempotent, and in one transaction so that no write slips
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
    created or altered by it, and a deployment made before a table was
    watched gets its trigger); called from the app's ready()."""

    def installed(using="default", **kwargs):
        install(model, specs, using)

    post_migrate.connect(installed, sender=sender, weak=False)


def read_version(connection, model, tables):
    """The set of version numbers, or None when it cannot be trusted: not
    PostgreSQL, no version recorded, or a watched table lacks its trigger or
    has it disabled (a write there would not move the version). Checked on
    every search, as a migration may have dropped and made a table again since
    anything was kept; one short statement. `tables`: the model's
    watched_tables. (`migrate` makes the version table, so it is there
    wherever the site's tables are.)"""
    if connection.vendor != "postgresql":
        return None
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
