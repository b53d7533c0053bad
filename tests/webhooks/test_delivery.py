"""Publish webhooks delivered by the real worker to a real receiver on loopback:
signatures, retries, a receiver that hangs, a change that rolls back."""

import datetime
import hashlib
import hmac
import itertools
import json
import re
import time

import pytest
from django.db import transaction

from tests.home.factories import NewsPageFactory, TopicFactory
from tests.processes import ROOT
from tests.resources.factories import ResourceFactory

from .conftest import HANG, RETRY_DELAYS, SECRET, TIMEOUT_SECONDS, worker_test

pytestmark = worker_test


def signature_is_valid(request, secret=SECRET):
    timestamp = request.headers["Webhook-Timestamp"]
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + request.body, hashlib.sha256)
    return request.headers["Webhook-Signature"] == "v1=" + digest.hexdigest()


def readme_verify():
    """The verification snippet the README gives receivers, as a function."""
    readme = (ROOT / "README.md").read_text()
    snippet = re.search(r"```python\n(.*?def verify\(.*?)```", readme, re.DOTALL).group(1)
    namespace = {}
    exec(snippet, namespace)  # noqa: S102 our own README
    return namespace["verify"]


def test_publishing_a_page_and_a_resource_sends_signed_events(
    worker, receiver, endpoint, news_index
):
    page = NewsPageFactory(
        parent=news_index, title="Buyers meet suppliers", slug="buyers-meet-suppliers", live=False
    )
    resource = ResourceFactory(title="PCP guide", live=False)

    page.save_revision().publish()
    resource.save_revision().publish()

    deliveries = worker.settled(2)
    assert [(d.event_type, d.status, d.attempts, d.last_status_code) for d in deliveries] == [
        ("page.published", "succeeded", 1, 200),
        ("resource.published", "succeeded", 1, 200),
    ]
    assert len(receiver.received) == 2
    events = [json.loads(request.body) for request in receiver.received]
    assert [event["object"] for event in events] == [
        {
            "type": "home.NewsPage",
            "id": page.pk,
            "title": "Buyers meet suppliers",
            "url": "http://testserver/news/buyers-meet-suppliers/",
            "locale": "en",
            "live": True,
        },
        {
            "type": "resources.Resource",
            "id": resource.pk,
            "title": "PCP guide",
            "url": "http://testserver/resources/pcp-guide/",
            "locale": "en",
            "live": True,
        },
    ]
    verify = readme_verify()
    for request, event, delivery in zip(receiver.received, events, deliveries, strict=True):
        assert request.path == "/hook"
        assert request.headers["Content-Type"] == "application/json"
        assert signature_is_valid(request)
        assert verify(SECRET, request.headers, request.body)
        assert not verify(SECRET, request.headers, request.body.replace(b"true", b"false"))
        assert not signature_is_valid(request, secret="another-secret-entirely")
        assert request.headers["Webhook-Id"] == event["id"] == str(delivery.event_id)
        assert abs(int(request.headers["Webhook-Timestamp"]) - time.time()) < 60
        occurred = datetime.datetime.fromisoformat(event["occurred_at"])
        assert abs(occurred.timestamp() - time.time()) < 60
        # The log holds exactly what was sent.
        assert delivery.payload.encode() == request.body
        assert SECRET not in delivery.payload


def test_a_failing_receiver_is_retried_with_the_same_event_until_it_accepts(
    worker, receiver, endpoint, news_index
):
    receiver.answers = [500, 500]
    page = NewsPageFactory(parent=news_index, live=False)

    page.save_revision().publish()

    [delivery] = worker.settled(1)
    assert delivery.status == "succeeded"
    assert delivery.attempts == 3
    assert delivery.last_status_code == 200
    assert delivery.last_error == "HTTP 500: no"
    assert delivery.next_attempt_at is None
    attempts = receiver.received
    assert len(attempts) == 3
    # A retry is the same event: same id, same body, signed afresh.
    assert {request.headers["Webhook-Id"] for request in attempts} == {str(delivery.event_id)}
    assert {request.body for request in attempts} == {delivery.payload.encode()}
    assert all(signature_is_valid(request) for request in attempts)
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(attempts)]
    assert all(gap >= delay for gap, delay in zip(gaps, RETRY_DELAYS, strict=True))


def test_a_hanging_receiver_times_out_fails_and_never_holds_up_the_editor(
    worker, receiver, endpoint, news_index
):
    receiver.answers = [HANG] * (len(RETRY_DELAYS) + 1)
    page = NewsPageFactory(parent=news_index, live=False)

    started = time.monotonic()
    page.save_revision().publish()
    publishing_took = time.monotonic() - started

    assert publishing_took < TIMEOUT_SECONDS / 2
    [delivery] = worker.settled(1, timeout=30)
    assert delivery.status == "failed"
    assert delivery.attempts == len(RETRY_DELAYS) + 1
    assert delivery.last_status_code is None
    assert delivery.last_error == f"No answer within {TIMEOUT_SECONDS} s."
    assert delivery.next_attempt_at is None
    assert len(receiver.received) == len(RETRY_DELAYS) + 1


def test_a_change_that_rolls_back_sends_nothing(worker, receiver, endpoint, news_index):
    rolled_back = NewsPageFactory(parent=news_index, live=False)
    kept = NewsPageFactory(parent=news_index, live=False)

    with pytest.raises(RuntimeError), transaction.atomic():
        rolled_back.save_revision().publish()
        raise RuntimeError("the editor's request failed after publishing")
    kept.save_revision().publish()

    [delivery] = worker.settled(1)
    assert json.loads(delivery.payload)["object"]["id"] == kept.pk
    assert [json.loads(r.body)["object"]["id"] for r in receiver.received] == [kept.pk]


def test_each_endpoint_gets_only_the_events_it_chose_and_only_while_active(
    worker, receiver, news_index
):
    from webhooks.models import Endpoint

    def add_endpoint(path, events, active=True):
        return Endpoint.objects.create(
            name=path, url=receiver.url(path), secret=SECRET, events=events, active=active
        )

    add_endpoint("/taxonomy", ["taxonomy.changed"])
    add_endpoint("/pages", ["page.published"])
    add_endpoint("/inactive", ["page.published", "taxonomy.changed"], active=False)
    topic = TopicFactory(name="Mobility", slug="mobility")
    page = NewsPageFactory(parent=news_index, live=False)

    page.save_revision().publish()

    worker.settled(2)
    received = sorted((r.path, json.loads(r.body)["type"]) for r in receiver.received)
    assert received == [("/pages", "page.published"), ("/taxonomy", "taxonomy.changed")]
    [taxonomy] = [json.loads(r.body) for r in receiver.received if r.path == "/taxonomy"]
    assert taxonomy["object"] == {
        "type": "home.Topic",
        "id": topic.pk,
        "title": "Mobility",
        "url": None,
        "locale": None,
        "change": "created",
    }
