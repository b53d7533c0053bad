from django.db import migrations

from home.migrations._permissions import grant
from home.reference_data import (
    COUNTRIES,
    EDITOR_PERMISSIONS,
    MODERATOR_PERMISSIONS,
    PROCUREMENT_TYPES,
)


def seed(apps, schema_editor):
    Country = apps.get_model("home", "Country")
    ProcurementType = apps.get_model("home", "ProcurementType")
    for code, name in COUNTRIES:
        Country.objects.update_or_create(code=code, defaults={"name": name})
    for slug, abbreviation, name in PROCUREMENT_TYPES:
        ProcurementType.objects.update_or_create(
            slug=slug, defaults={"name": name, "abbreviation": abbreviation}
        )
    grant(apps, "Editors", EDITOR_PERMISSIONS)
    grant(apps, "Moderators", MODERATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailredirects", "0001_initial"),
        ("wagtailsearchpromotions", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
