"""Editors and moderators work on resources as they do on pages: editors write
and save drafts, moderators also publish, unpublish and delete. Without this,
only superusers could reach the Resource Centre in the admin."""

from django.db import migrations

from home.migrations import _permissions

EDITORS = [
    ("resources", "resource", ("add", "change", "view", "lock", "unlock")),
    ("resources", "language", ("view",)),
]
MODERATORS = [
    ("resources", "resource", ("add", "change", "delete", "view", "publish", "lock", "unlock")),
    ("resources", "language", ("add", "change", "view")),
]


def grant(apps, schema_editor):
    _permissions.grant(apps, "Editors", EDITORS)
    _permissions.grant(apps, "Moderators", MODERATORS)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_resource_live_ids"),
        ("home", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
