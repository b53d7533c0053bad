"""A headless editor with a token writes content through Wagtail's permissions
and moderation: editors draft, moderators publish."""

import json

import pytest

from home.models import Country, NewsPage
from resources.models import Resource
from tests.cms.factories import ImageFactory
from tests.home.factories import NewsPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def send(client, method, url, headers, body=None):
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


@pytest.fixture
def topic(db):
    return TopicFactory(name="Health", slug="health")


def news_body(image):
    return [
        {"type": "heading", "value": {"text": "What was bought", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Four hospitals bought together.</p>"},
        {
            "type": "image",
            "value": {"image": {"image": image.id, "alt_text": "A ward"}, "caption": "The ward"},
        },
    ]


def test_an_editor_drafts_news_with_its_content_and_the_public_sees_nothing(
    client, bearer, editor, news_index, topic
):
    image = ImageFactory()
    response = send(
        client,
        "post",
        "/api/v3/pages/",
        bearer(editor),
        {
            "meta": {"type": "home.NewsPage", "parent_id": news_index.id},
            "title": "Hospitals buy together",
            "intro": "A joint PCP.",
            "date": "2026-11-30",
            "topics": ["health"],
            "listing_image_id": image.id,
            "body": news_body(image),
        },
    )
    assert response.status_code == 201, response.content[:800]
    page = NewsPage.objects.get(title="Hospitals buy together")
    assert not page.live
    draft = page.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image"]
    assert list(draft.topics.all()) == [topic]
    assert draft.listing_image_id == image.id
    anonymous = client.get("/api/v3/pages/", {"type": "home.NewsPage"}).json()
    assert anonymous["count"] == 0


def test_an_editor_edits_a_draft_and_cannot_publish_it(client, bearer, editor, news_index):
    page = NewsPageFactory(parent=news_index, title="Old title", live=False)
    headers = bearer(editor)
    response = send(
        client,
        "patch",
        f"/api/v3/pages/{page.id}/",
        headers,
        {"title": "New title", "body": [{"type": "quote", "value": {"quote": "Buy better."}}]},
    )
    assert response.status_code == 200, response.content[:800]
    draft = NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.title == "New title"
    assert draft.body[0].value["quote"] == "Buy better."

    response = send(client, "post", f"/api/v3/pages/{page.id}/actions/publish/", headers)
    assert response.status_code == 403
    assert not NewsPage.objects.get(pk=page.pk).live


def test_a_moderator_publishes_and_the_page_is_public(client, bearer, moderator, news_index):
    page = NewsPageFactory(parent=news_index, title="Ready", live=False)
    page.save_revision()
    response = send(client, "post", f"/api/v3/pages/{page.id}/actions/publish/", bearer(moderator))
    assert response.status_code == 200, response.content[:800]
    listed = client.get("/api/v3/pages/", {"type": "home.NewsPage"}).json()
    assert [item["id"] for item in listed["items"]] == [page.id]


def test_an_event_is_created_with_its_dates_and_place(client, bearer, moderator, event_index):
    country, _ = Country.objects.get_or_create(code="FI", defaults={"name": "Finland"})
    response = send(
        client,
        "post",
        "/api/v3/pages/",
        bearer(moderator),
        {
            "meta": {"type": "home.EventPage", "parent_id": event_index.id, "action": "publish"},
            "title": "PCP info day",
            "start_date": "2027-02-03",
            "end_date": "2027-02-03",
            "start_time": "09:00:00",
            "end_time": "16:00:00",
            "time_zone": "Europe/Helsinki",
            "event_type": "conference",
            "venue": "Oulu",
            "country": "FI",
        },
    )
    assert response.status_code == 201, response.content[:800]
    (item,) = client.get("/api/v3/events/").json()["items"]
    assert item["title"] == "PCP info day"
    assert item["country"] == {"code": "FI", "name": country.name}


def test_a_moderator_publishes_a_resource_with_its_taxonomy(client, bearer, moderator, topic):
    response = send(
        client,
        "post",
        "/api/v3/snippets/resources.Resource/",
        bearer(moderator),
        {
            "meta": {"type": "resources.Resource", "action": "publish"},
            "title": "Joint procurement guide",
            "slug": "joint-procurement-guide",
            "summary": "How buyers procure together.",
            "resource_type": "guidance",
            "topics": ["health"],
            "body": "<p>Start with a market consultation.</p>",
        },
    )
    assert response.status_code == 201, response.content[:800]
    resource = Resource.objects.get(slug="joint-procurement-guide")
    assert resource.live
    assert list(resource.topics.all()) == [topic]
    assert "market consultation" in resource.body


def test_an_unknown_term_is_refused_by_name_and_nothing_is_saved(client, bearer, moderator):
    response = send(
        client,
        "post",
        "/api/v3/snippets/resources.Resource/",
        bearer(moderator),
        {
            "meta": {"type": "resources.Resource"},
            "title": "Guide",
            "slug": "guide",
            "summary": "A guide.",
            "resource_type": "guidance",
            "topics": ["no-such-topic"],
        },
    )
    assert response.status_code in (400, 422), response.content[:800]
    assert "topics" in response.content.decode()
    assert not Resource.objects.filter(slug="guide").exists()
