"""pg_trgm on PostgreSQL, for the spelling suggestion of a search that finds
nothing (search/zero_results.py), where the database role may create it.

pg_trgm is a trusted extension (PostgreSQL 13+): a database's owner may create
it without being a superuser. A role that may not is no reason to stop the
migrations: the suggestion is then left out (an administrator can run
`CREATE EXTENSION pg_trgm;` later, and it appears).
"""

from django.db import DatabaseError, migrations, transaction


def enable_pg_trgm(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        pass


class Migration(migrations.Migration):
    dependencies = [("search", "0001_indexentry_text_gin")]

    # Left in place when migrating back: other code (modelsearch's own trigram
    # search) may use it too.
    operations = [migrations.RunPython(enable_pg_trgm, migrations.RunPython.noop, elidable=False)]
