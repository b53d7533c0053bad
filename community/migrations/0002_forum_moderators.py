"""The "Forum moderators" group: its members see and act on every forum group,
private ones included, and reach the Wagtail admin's moderation screens."""

from django.db import migrations

GROUP = "Forum moderators"


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=GROUP)
    forum, _ = ContentType.objects.get_or_create(app_label="community", model="forumgroup")
    moderate, _ = Permission.objects.get_or_create(
        content_type=forum,
        codename="moderate_forum",
        defaults={"name": "Can see and moderate every forum group"},
    )
    admin, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(moderate, access_admin)


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
