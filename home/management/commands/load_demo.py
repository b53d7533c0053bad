from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo content and users (idempotent). Refuses to run in production."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("load_demo is disabled with these settings (production).")
        # Each app adds its own loader to DEMO_LOADERS; all of them or none land.
        with transaction.atomic():
            for path in settings.DEMO_LOADERS:
                import_string(path)(log=self.stdout.write).run()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
