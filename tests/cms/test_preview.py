"""Headless preview: the admin sends the editor to the front end with a
short-lived token, and the API answers that draft for the token alone."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import SiteSettings
from tests.home.factories import NewsPageFactory, TopicFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

FRONT_END = "http://127.0.0.1:3000/preview"


@pytest.fixture
def front_end(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.front_end_preview_url = FRONT_END
    settings.save()
    return FRONT_END


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Published title")


def edit_form(page, **changes):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "date": page.date.isoformat(),
            "body": streamfield([("quote", {"quote": "Buy better.", "attribution": ""})]),
            "comments": inline_formset([]),
            **changes,
        }
    )


def front_end_preview(client, page, **changes):
    """Preview the edit form's state in the Front end mode, as the admin's
    preview panel does: post the form, then open the mode."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.id])
    posted = client.post(url, edit_form(page, **changes))
    assert posted.json() == {"is_valid": True, "is_available": True}, posted.content[:500]
    return client.get(url, {"mode": "front-end"})


def token_of(response):
    assert response.status_code == 302, response.content[:300]
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == FRONT_END
    return parse_qs(location.query)


def test_an_editor_previews_unsaved_changes_in_the_front_end(client, editor, front_end, news):
    revisions = news.revisions.count()
    client.force_login(editor)
    query = token_of(front_end_preview(client, news, title="Draft title"))
    assert query["type"] == ["home.NewsPage"] and query["id"] == [str(news.id)]
    client.logout()

    answer = client.get("/api/v3/preview/", {"token": query["token"][0]})
    assert answer.status_code == 200, answer.content[:500]
    draft = answer.json()
    assert draft["type"] == "home.NewsPage"
    assert draft["title"] == "Draft title"
    assert draft["body"][0]["value"]["quote"] == "Buy better."
    assert draft["meta"]["live"] is True
    # Nothing was saved: the public sees the live page, and no revision was made.
    assert client.get(f"/api/v3/pages/{news.id}/").json()["title"] == "Published title"
    assert news.revisions.count() == revisions


def test_the_front_end_mode_is_offered_only_where_a_front_end_is_set(client, editor, news):
    assert "front-end" not in dict(news.preview_modes)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.id])
    client.post(url, edit_form(news))
    # The site's own preview still renders the page itself.
    assert b"Published title" in client.get(url).content


def test_the_mode_is_listed_for_saved_pages_once_a_front_end_is_set(front_end, news):
    assert dict(news.preview_modes)["front-end"] == "Front end"


def test_a_token_reads_nothing_once_expired_or_altered(client, editor, front_end, news, settings):
    client.force_login(editor)
    token = token_of(front_end_preview(client, news))["token"][0]
    client.logout()
    altered = client.get("/api/v3/preview/", {"token": token[:-2] + "xx"})
    assert altered.status_code == 404
    assert "Draft" not in altered.content.decode()

    settings.HEADLESS_PREVIEW_MAX_AGE = 1
    time.sleep(2)
    expired = client.get("/api/v3/preview/", {"token": token})
    assert expired.status_code == 404
    assert "expired" in expired.json()["detail"]


def test_a_resource_previews_with_its_unsaved_terms(client, front_end, moderator, home_page):
    health = TopicFactory(name="Health", slug="health")
    resource = ResourceFactory(title="Published guide")
    resource.title = "Draft guide"
    resource.topics = [health]
    request = RequestFactory().get("/admin/")
    request.user = moderator
    query = token_of(resource.serve_preview(request, "front-end"))
    assert query["type"] == ["resources.Resource"]

    draft = client.get("/api/v3/preview/", {"token": query["token"][0]}).json()
    assert draft["type"] == "resources.Resource"
    assert draft["title"] == "Draft guide"
    assert draft["topics"] == [{"value": "health", "label": "Health"}]
    assert draft["meta"]["live"] is True
    assert client.get(f"/api/v3/resources/{resource.id}/").json()["title"] == "Published guide"


def test_anonymous_callers_get_no_draft_by_asking_for_one(client, news):
    answer = client.get(f"/api/v3/pages/{news.id}/", {"version": "draft"})
    assert answer.status_code == 401
