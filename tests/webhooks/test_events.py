"""What the admin's actions announce: unpublishing, moving and deleting pages and
resources, and editing a taxonomy term, each done through the admin's own views
and delivered by the real worker."""

import json

import pytest
from django.urls import reverse

from tests.cms.factories import UserFactory
from tests.home.factories import LegalSectionPageFactory, NewsPageFactory
from tests.home.test_admin import topic_form
from tests.resources.factories import ResourceFactory

from .conftest import admin_client_for, worker_test

pytestmark = worker_test


@pytest.fixture
def admin(db):
    user = UserFactory(username="webhooks-admin", is_staff=True, is_superuser=True)
    return admin_client_for(user)


def delivered_events(worker, receiver, count):
    worker.settled(count)
    return [json.loads(request.body) for request in receiver.received]


def test_unpublishing_a_page(worker, receiver, endpoint, admin, news_index):
    page = NewsPageFactory(parent=news_index, slug="call-for-tenders")

    response = admin.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))

    assert response.status_code == 302
    [event] = delivered_events(worker, receiver, 1)
    assert event["type"] == "page.unpublished"
    assert event["object"]["id"] == page.pk
    assert event["object"]["url"] == "http://testserver/news/call-for-tenders/"
    assert event["object"]["live"] is False


def test_moving_a_page_gives_its_new_and_previous_urls(
    worker, receiver, endpoint, admin, legal_index
):
    directives = LegalSectionPageFactory(parent=legal_index, slug="directives")
    page = LegalSectionPageFactory(parent=legal_index, slug="article-31")

    response = admin.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, directives.pk)))

    assert response.status_code == 302
    [event] = delivered_events(worker, receiver, 1)
    assert event["type"] == "page.moved"
    assert event["object"]["id"] == page.pk
    assert event["object"]["url"] == "http://testserver/legal-framework/directives/article-31/"
    assert event["object"]["previous_url"] == "http://testserver/legal-framework/article-31/"


def test_deleting_a_page_announces_it_and_each_page_below_it_once(
    worker, receiver, endpoint, admin, legal_index
):
    section = LegalSectionPageFactory(parent=legal_index, slug="directives")
    subsection = LegalSectionPageFactory(parent=section, slug="article-31")

    response = admin.post(reverse("wagtailadmin_pages:delete", args=(section.pk,)))

    assert response.status_code == 302
    # Wagtail unpublishes a live page before deleting it, and says so.
    events = delivered_events(worker, receiver, 4)
    announced = sorted((e["type"], e["object"]["id"], e["object"]["url"]) for e in events)
    section_url = "http://testserver/legal-framework/directives/"
    subsection_url = section_url + "article-31/"
    assert announced == [
        ("page.deleted", section.pk, section_url),
        ("page.deleted", subsection.pk, subsection_url),
        ("page.unpublished", section.pk, section_url),
        ("page.unpublished", subsection.pk, subsection_url),
    ]
    assert {event["object"]["type"] for event in events} == {"home.LegalSectionPage"}


def test_unpublishing_and_deleting_a_resource(worker, receiver, endpoint, admin, home_page):
    resource = ResourceFactory(title="Tender template")

    unpublished = admin.post(
        reverse("wagtailsnippets_resources_resource:unpublish", args=(resource.pk,))
    )
    deleted = admin.post(reverse("wagtailsnippets_resources_resource:delete", args=(resource.pk,)))

    assert (unpublished.status_code, deleted.status_code) == (302, 302)
    events = delivered_events(worker, receiver, 2)
    assert sorted(event["type"] for event in events) == ["resource.deleted", "resource.unpublished"]
    assert {event["object"]["id"] for event in events} == {resource.pk}
    assert {event["object"]["url"] for event in events} == {
        "http://testserver/resources/tender-template/"
    }


def test_editing_a_taxonomy_term(worker, receiver, endpoint, admin, home_page):
    from home.models import Topic

    topic = Topic.objects.create(name="Helth", slug="health")
    worker.settled(1)  # its creation
    receiver.received.clear()

    response = admin.post(
        reverse("wagtailsnippets_home_topic:edit", args=(topic.pk,)),
        topic_form([], name="Health", slug="health", description=""),
    )

    assert response.status_code == 302
    [event] = delivered_events(worker, receiver, 2)
    assert event["type"] == "taxonomy.changed"
    assert event["object"] == {
        "type": "home.Topic",
        "id": topic.pk,
        "title": "Health",
        "url": None,
        "locale": None,
        "change": "updated",
    }
