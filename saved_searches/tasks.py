"""Saved-search alerts, done by the background worker (`manage.py db_worker
--backend background`); `manage.py send_saved_search_alerts` queues one task
per due search.

A task sends an alert only if its search is still due, and moves the search's
`alerted_until` forward in the same transaction, the search's row locked: a
second task for it (the command run twice) waits, then finds it not due and
sends nothing. The email goes before the commit: if the mail server refuses
it, nothing moves, and the next run lists those resources again.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from .alerts import alert_message
from .models import SavedSearch

# Resources published in the last moments may belong to transactions not yet
# committed, which this run cannot see: they are left for the next alert.
SETTLE = timedelta(minutes=5)


@task(backend="background")
def send_alert(saved_search_id):
    now = timezone.now()
    with transaction.atomic():
        saved = (
            SavedSearch.objects.due(now)
            .select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=saved_search_id)
            .first()
        )
        if saved is None:
            return False  # sent by an earlier task, deleted, or unsubscribed
        since, until = saved.alerted_until, now - SETTLE
        with translation.override(saved.language):
            message = alert_message(saved, since, until)
        saved.alerted_until = until
        if message is not None:
            message.send()
            saved.last_sent_at = now
        saved.save(update_fields=["alerted_until", "last_sent_at"])
        return message is not None
