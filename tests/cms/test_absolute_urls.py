"""Absolute URLs follow the Site as editors set it (cms/absolute_urls.py),
although each process keeps the root URL it found for a host."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.resources.factories import ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def html_urls(client):
    response = client.get("/api/v3/resources/")
    assert response.status_code == 200
    return [item["html_url"] for item in response.json()["items"]]


def test_an_edited_site_address_reaches_the_api_at_once(client, home_page, committed):
    resource = ResourceFactory(title="Innovation procurement toolkit")
    assert html_urls(client) == [f"http://testserver/resources/{resource.slug}/"]

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "procurement.example.eu", 443
    with committed():
        site.save()
    # The request still says "testserver": the default Site answers it.
    assert html_urls(client) == [f"https://procurement.example.eu/resources/{resource.slug}/"]


def test_each_host_keeps_its_own_site(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["testserver", "fr.procurement.example.eu"]
    resource = ResourceFactory()
    Site.objects.create(
        hostname="fr.procurement.example.eu", port=443, root_page=home_page, is_default_site=False
    )
    path = f"/resources/{resource.slug}/"
    with CaptureQueriesContext(connection) as queries:
        for _ in range(2):
            assert html_urls(client) == [f"http://testserver{path}"]
            french = client.get("/api/v3/resources/", HTTP_HOST="fr.procurement.example.eu:443")
            assert [item["html_url"] for item in french.json()["items"]] == [
                f"https://fr.procurement.example.eu{path}"
            ]
    # Found once per host, not once per answer.
    assert sum('"wagtailcore_site"' in query["sql"] for query in queries.captured_queries) == 2
