"""Queue an alert for every saved search that is due: run it once a day from
cron or a systemd timer (README, "Running in production"). Running it again
sends nothing twice: each task checks that its search is still due."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from saved_searches.models import SavedSearch
from saved_searches.tasks import send_alert


class Command(BaseCommand):
    help = "Queue the daily and weekly emails of saved searches that are due."

    def handle(self, *args, **options):
        due = SavedSearch.objects.due(timezone.now()).values_list("pk", flat=True)
        queued = 0
        for pk in due.iterator():
            send_alert.enqueue(pk)
            queued += 1
        self.stdout.write(f"Queued {queued} saved-search alert(s).")
