"""Webhooks in the admin: superusers configure endpoints and read the delivery
log; the secret is not shown again once saved; editors get neither."""

import json
import uuid

import pytest
from django.urls import reverse

from tests.cms.factories import UserFactory
from webhooks.models import Delivery, Endpoint

from .conftest import admin_client_for

pytestmark = pytest.mark.django_db

SECRET = "a-receivers-secret-0123456789abcdef"


@pytest.fixture
def superuser():
    return UserFactory(username="webhooks-admin", is_staff=True, is_superuser=True)


@pytest.fixture
def saved_endpoint():
    return Endpoint.objects.create(
        name="Static site", url="https://front.example.org/hook", secret=SECRET, events=[]
    )


def endpoint_form(**changes):
    data = {
        "name": "Next.js front end",
        "url": "http://127.0.0.1:8123/hook",
        "secret": SECRET,
        "events": ["page.published", "taxonomy.changed"],
        "active": "on",
    }
    return {**data, **changes}


def test_superuser_adds_an_endpoint_and_its_secret_is_not_shown_again(superuser):
    client = admin_client_for(superuser)
    add_url = reverse("webhook_endpoints:add")

    form = client.get(add_url)
    assert form.status_code == 200
    content = form.content.decode()
    for event_type in ("page.moved", "resource.deleted", "taxonomy.changed"):
        assert f'value="{event_type}"' in content
    proposed = form.context["form"]["secret"].value()
    assert len(proposed) == 64 and f'value="{proposed}"' in content

    assert client.post(add_url, endpoint_form()).status_code == 302
    endpoint = Endpoint.objects.get()
    assert (endpoint.url, endpoint.secret, endpoint.active) == (
        "http://127.0.0.1:8123/hook",
        SECRET,
        True,
    )
    assert endpoint.events == ["page.published", "taxonomy.changed"]

    listing = client.get(reverse("webhook_endpoints:index"))
    edit_url = reverse("webhook_endpoints:edit", args=(endpoint.pk,))
    edit = client.get(edit_url)
    assert listing.status_code == edit.status_code == 200
    assert "Next.js front end" in listing.content.decode()
    assert SECRET not in listing.content.decode()
    assert SECRET not in edit.content.decode()

    # Left empty, the secret stays; typed in, it changes.
    client.post(edit_url, endpoint_form(name="Renamed", secret=""))
    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.secret) == ("Renamed", SECRET)
    client.post(edit_url, endpoint_form(secret="a-brand-new-secret-for-signing"))
    endpoint.refresh_from_db()
    assert endpoint.secret == "a-brand-new-secret-for-signing"


@pytest.mark.parametrize("url", ["ftp://front.example.org/hook", "file:///etc/passwd"])
def test_endpoint_urls_must_be_http_or_https(superuser, url):
    response = admin_client_for(superuser).post(
        reverse("webhook_endpoints:add"), endpoint_form(url=url)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not Endpoint.objects.exists()


def test_the_delivery_log_lists_filters_and_shows_deliveries_read_only(superuser, saved_endpoint):
    def logged(event_type, **outcome):
        return Delivery.objects.create(
            endpoint=saved_endpoint,
            event_id=uuid.uuid4(),
            event_type=event_type,
            payload=json.dumps({"type": event_type}),
            **outcome,
        )

    failed = logged("page.deleted", status="failed", attempts=6, last_error="No answer within 5 s.")
    logged("resource.published", status="succeeded", attempts=1, last_status_code=204)
    client = admin_client_for(superuser)
    index_url = reverse("webhook_deliveries:index")

    everything = client.get(index_url).content.decode()
    only_failed = client.get(index_url, {"status": "failed"}).content.decode()
    inspect = client.get(reverse("webhook_deliveries:inspect", args=(failed.pk,)))

    assert "page.deleted" in everything and "resource.published" in everything
    assert "page.deleted" in only_failed and "resource.published" not in only_failed
    assert inspect.status_code == 200
    assert "No answer within 5 s." in inspect.content.decode()
    assert "{&quot;type&quot;: &quot;page.deleted&quot;}" in inspect.content.decode()
    for page in (everything, inspect.content.decode()):
        assert SECRET not in page
    # Nobody writes the log but the worker, superusers included.
    assert client.get(reverse("webhook_deliveries:add")).status_code == 302
    assert client.get(reverse("webhook_deliveries:edit", args=(failed.pk,))).status_code == 302
    client.post(reverse("webhook_deliveries:delete", args=(failed.pk,)))
    assert Delivery.objects.filter(pk=failed.pk).exists()


def test_editors_see_neither_endpoints_nor_the_log(editor, superuser, saved_endpoint):
    client = admin_client_for(editor)

    for url in (
        reverse("webhook_endpoints:index"),
        reverse("webhook_endpoints:add"),
        reverse("webhook_endpoints:edit", args=(saved_endpoint.pk,)),
        reverse("webhook_deliveries:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    assert client.post(reverse("webhook_endpoints:add"), endpoint_form()).status_code == 302
    assert Endpoint.objects.count() == 1
    # Nor are they in the editor's menu, which a superuser's has.
    assert "webhooks/endpoints" not in client.get("/admin/").content.decode()
    assert "webhooks/endpoints" in admin_client_for(superuser).get("/admin/").content.decode()
