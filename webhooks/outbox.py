"""From a change to deliveries: the events are recorded once the editor's
transaction commits, and handed to the worker."""

import json
import logging

from django.db import transaction

from cms.commit_batches import after_commit

from .events import new_event
from .models import Delivery, Endpoint
from .tasks import deliver

logger = logging.getLogger(__name__)


def announce(event_type, subject):
    """Called while the change is being saved. Nothing is recorded if its
    transaction rolls back, and a failure to record is logged, never raised to
    the editor, whose change is already committed by then (robust)."""
    after_commit(record_all, new_event(event_type, subject), robust=True)


def record_all(events):
    """A transaction's events, in order: the endpoints are read once for all
    of them (an import announces thousands)."""
    endpoints = list(Endpoint.objects.filter(active=True))
    for event in events:
        try:
            record(event, endpoints)
        except Exception:
            logger.exception("Webhooks: could not record event %s", event["id"])


def record(event, endpoints):
    endpoints = [endpoint for endpoint in endpoints if event["type"] in endpoint.events]
    if not endpoints:
        return
    payload = json.dumps(event, ensure_ascii=False)
    # A delivery and its task are written together, so none waits for a task
    # that was never queued.
    with transaction.atomic():
        for endpoint in endpoints:
            delivery = Delivery.objects.create(
                endpoint=endpoint,
                event_id=event["id"],
                event_type=event["type"],
                payload=payload,
            )
            deliver.enqueue(delivery.pk)
