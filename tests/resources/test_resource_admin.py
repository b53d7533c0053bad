"""Editors manage resources in the Wagtail admin: drafts, publishing, preview, filters."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from home.models import Country, ProcurementType
from resources.models import Language, Resource
from tests.home.factories import TopicFactory
from tests.resources.factories import ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


@pytest.fixture
def form(db):
    topic = TopicFactory(slug="health", name="Health")
    return {
        "title": "Guide to market consultation",
        "slug": "guide-to-market-consultation",
        "summary": "How to talk to the market before a tender.",
        "body": rich_text("<p>Start early.</p>"),
        "resource_type": "guidance",
        "topics": [topic.pk],
        "countries": [Country.objects.get(code="EU").pk],
        "languages": [Language.objects.get(code="en").pk],
        "procurement_types": [ProcurementType.objects.get(slug="ppi").pk],
        "publisher": "Innovation agency",
        "publication_date": "2025-03-01",
        "external_url": "https://example.org/guide",
        "tags": "consultation",
    }


def test_admin_saves_a_draft_then_publishes(admin_client, client, form):
    add_url = reverse("wagtailsnippets_resources_resource:add")
    response = admin_client.post(add_url, form)
    assert response.status_code == 302
    resource = Resource.objects.get(slug="guide-to-market-consultation")
    assert not resource.live
    assert client.get("/resources/guide-to-market-consultation/").status_code == 404

    edit_url = reverse("wagtailsnippets_resources_resource:edit", args=[resource.pk])
    response = admin_client.post(edit_url, {**form, "action-publish": "publish"})
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.live and resource.publication_year == 2025
    assert list(resource.topics.values_list("slug", flat=True)) == ["health"]
    page = client.get("/resources/guide-to-market-consultation/")
    assert page.status_code == 200 and "Start early." in page.content.decode()


def test_admin_refuses_to_publish_a_resource_without_required_fields(admin_client, form):
    # Drafts may be incomplete (Wagtail defers required fields to publishing).
    response = admin_client.post(
        reverse("wagtailsnippets_resources_resource:add"),
        {**form, "title": "", "resource_type": "", "action-publish": "publish"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "title" in errors and "resource_type" in errors
    assert not Resource.objects.exists()


def test_admin_preview_renders_the_public_template(admin_client, form):
    preview_url = reverse("wagtailsnippets_resources_resource:preview_on_add")
    assert admin_client.post(preview_url, form).json()["is_valid"] is True
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    assert "Guide to market consultation" in response.content.decode()


def test_admin_listing_filters_and_searches(admin_client):
    ResourceFactory(title="Report on drones", resource_type="report")
    ResourceFactory(title="Guide on drones", resource_type="guidance")
    listing = reverse("wagtailsnippets_resources_resource:list")
    response = admin_client.get(listing, {"resource_type": "report"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Report on drones" in text and "Guide on drones" not in text
    searched = admin_client.get(listing, {"q": "guide"}).content.decode()
    assert "Guide on drones" in searched and "Report on drones" not in searched


def test_admin_listing_shows_the_status_an_editor_reads(admin_client):
    ResourceFactory(title="Published guide", live=True)
    ResourceFactory(title="Draft guide", live=False)
    response = admin_client.get(reverse("wagtailsnippets_resources_resource:list"))
    rows = {
        row.select_one("td a").get_text(strip=True): row
        for row in BeautifulSoup(response.content, "html.parser").select("tbody tr")
    }
    statuses = {
        title: " ".join(row.select_one(".w-status").get_text().split())
        for title, row in rows.items()
    }
    assert statuses == {"Published guide": "live", "Draft guide": "draft"}
    assert not [row for row in rows.values() if "True" in row.get_text()]


def test_resource_form_names_its_pictures_and_links(admin_client):
    html = admin_client.get(reverse("wagtailsnippets_resources_resource:add")).content.decode()
    page = BeautifulSoup(html, "html.parser")
    labels = {label.get("for"): " ".join(label.get_text().split()) for label in page("label")}
    assert labels["id_thumbnail"] == "Picture"
    assert labels["id_related_resources"] == "Related resources"
    assert "Shown at the top of the resource's page." in page.get_text()


def test_editors_write_drafts_and_moderators_publish(editor, moderator, client, form):
    from django.test import Client

    add_url = reverse("wagtailsnippets_resources_resource:add")
    as_editor = Client()
    as_editor.force_login(editor)
    assert as_editor.get(reverse("wagtailsnippets_resources_resource:list")).status_code == 200
    # An editor's "publish" only saves a draft: publishing is the moderators' call.
    response = as_editor.post(add_url, {**form, "action-publish": "publish"})
    assert response.status_code == 302
    resource = Resource.objects.get(slug="guide-to-market-consultation")
    assert not resource.live

    as_moderator = Client()
    as_moderator.force_login(moderator)
    edit_url = reverse("wagtailsnippets_resources_resource:edit", args=[resource.pk])
    response = as_moderator.post(edit_url, {**form, "action-publish": "publish"})
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.live
    assert client.get("/resources/guide-to-market-consultation/").status_code == 200
