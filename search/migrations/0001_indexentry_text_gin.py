"""A GIN index on Wagtail's database search entries, PostgreSQL only.

The database backend matches `(title || body) @@ query`; its own GIN indexes are
on `title` and `body` separately, which that expression cannot use, so every
text search read the whole table (about 200 ms at 100,000 resources, see
bench/README.md). Built CONCURRENTLY so that a live site keeps searching while
it builds.
"""

from django.db import migrations

INDEX = "search_indexentry_text_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
