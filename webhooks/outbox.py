"""From a change to deliveries: the event is recorded once the editor's
transaction commits, and handed to the worker."""

import json
from functools import partial

from django.db import transaction

from .events import new_event
from .models import Delivery, Endpoint
from .tasks import deliver


def announce(event_type, subject):
    """Called while the change is being saved. Nothing is recorded if its
    transaction rolls back, and a failure to record is logged, never raised to
    the editor, whose change is already committed by then (robust)."""
    event = new_event(event_type, subject)
    transaction.on_commit(partial(record, event), robust=True)


def record(event):
    endpoints = [
        endpoint
        for endpoint in Endpoint.objects.filter(active=True)
        if event["type"] in endpoint.events
    ]
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
