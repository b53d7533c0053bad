from django.db import migrations

from resources.reference_data import EU_LANGUAGES, OTHER_LANGUAGES


def seed(apps, schema_editor):
    Language = apps.get_model("resources", "Language")
    for languages, official in ((EU_LANGUAGES, True), (OTHER_LANGUAGES, False)):
        for code, name in languages:
            Language.objects.update_or_create(
                code=code, defaults={"name": name, "eu_official": official}
            )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
