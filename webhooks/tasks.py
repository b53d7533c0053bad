"""Delivering one event to one endpoint, in the background worker.

Each attempt is one run of `deliver`. A failed attempt schedules the next one
with django-tasks' `run_after` (the database backend supports deferred tasks),
after the delay WEBHOOK_RETRY_DELAYS gives for it; when no delay is left the
delivery has failed. Every outcome is written to the Delivery, which is the log
the admin shows.
"""

import time
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Delivery
from .signing import signed_headers

# How much of a failing answer's body the log keeps.
EXCERPT_BYTES = 300


@task(backend="background")
def deliver(delivery_id):
    delivery = (
        Delivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status=Delivery.Status.PENDING)
        .first()
    )
    if delivery is None:
        return  # gone with its endpoint, or settled by an earlier run
    if not delivery.endpoint.active:
        delivery.status = Delivery.Status.FAILED
        delivery.last_error = "The endpoint was deactivated before the event could be sent."
        delivery.next_attempt_at = None
        delivery.save()
        return
    status_code, error = post(delivery)
    settle(delivery, status_code, error)


def post(delivery):
    """One attempt: (status code or None, error or "")."""
    body = delivery.payload.encode()
    timeout = settings.WEBHOOK_TIMEOUT_SECONDS
    headers = signed_headers(delivery.endpoint.secret, delivery.event_id, int(time.time()), body)
    # A read timeout bounds each wait for data, not the whole answer: a receiver
    # that trickles bytes can hold the worker longer. Endpoints are the
    # administrators' own, so such a receiver is theirs to fix.
    try:
        response = requests.post(
            delivery.endpoint.url,
            data=body,
            headers=headers,
            timeout=timeout,
            allow_redirects=False,
            stream=True,  # only the start of a failing answer is read
        )
    except requests.ConnectTimeout:
        return None, f"Could not connect within {timeout:g} s."
    except requests.ReadTimeout:
        return None, f"No answer within {timeout:g} s."
    except requests.RequestException as error:
        return None, f"Request failed: {reason(error)}"
    with response:
        if 200 <= response.status_code < 300:
            return response.status_code, ""
        try:
            excerpt = next(response.iter_content(EXCERPT_BYTES), b"")
        except requests.RequestException:
            excerpt = b""
        text = excerpt.decode("utf-8", "replace").strip()
        return response.status_code, f"HTTP {response.status_code}" + (f": {text}" if text else "")


def reason(error):
    """What went wrong, without the request's path (a URL may carry a token)."""
    cause = error.args[0] if error.args else error
    return str(getattr(cause, "reason", cause))


def settle(delivery, status_code, error):
    delays = settings.WEBHOOK_RETRY_DELAYS
    delivery.attempts += 1
    delivery.last_status_code = status_code
    delivery.next_attempt_at = None
    with transaction.atomic():
        if not error:
            delivery.status = Delivery.Status.SUCCEEDED
        else:
            delivery.last_error = error
            if delivery.attempts <= len(delays):
                delay = timedelta(seconds=delays[delivery.attempts - 1])
                delivery.next_attempt_at = timezone.now() + delay
                deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
            else:
                delivery.status = Delivery.Status.FAILED
        delivery.save()
