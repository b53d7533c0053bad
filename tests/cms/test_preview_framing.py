"""Previews are framed by the admin's side panel (same origin) and by nobody
else; every other answer keeps refusing to be framed at all."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.home.factories import NewsPageFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def frame_ancestors(response):
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return policy["frame-ancestors"]


def preview(client, url, form):
    """What the side panel does: post the form as it stands, then frame its preview."""
    assert client.post(url, form).json()["is_valid"] is True
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    return response


def page_form(page, **changes):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "comments": inline_formset([]),
            **changes,
        }
    )


def test_a_page_preview_may_be_framed_by_the_admin_only(client, editor, news_index):
    news = NewsPageFactory(parent=news_index, title="Published title")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.pk])
    form = page_form(news, title="Draft title", date=news.date.isoformat(), body=streamfield([]))

    response = preview(client, url, form)

    assert "Draft title" in response.content.decode()
    assert frame_ancestors(response) == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_routable_page_preview_may_be_framed_by_the_admin_only(client, editor, news_index):
    # Indexes and events answer previews from their own routes.
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news_index.pk])

    response = preview(client, url, page_form(news_index, title="Draft news index"))

    assert "Draft news index" in response.content.decode()
    assert frame_ancestors(response) == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_resource_preview_may_be_framed_by_the_admin_only(admin_client, home_page):
    resource = ResourceFactory(title="Published guide")
    url = reverse("wagtailsnippets_resources_resource:preview_on_edit", args=[resource.pk])
    form = {
        "title": "Draft guide",
        "slug": resource.slug,
        "summary": resource.summary,
        "resource_type": resource.resource_type,
    }

    response = preview(admin_client, url, form)

    assert "Draft guide" in response.content.decode()
    assert frame_ancestors(response) == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_published_pages_refuse_every_frame(client, admin_client, news_index):
    news = NewsPageFactory(parent=news_index)
    resource = ResourceFactory(live=True)
    for response in (
        client.get(news.url),
        client.get(news_index.url),
        client.get(reverse("resources:detail", args=[resource.slug])),
        client.get("/search/"),
    ):
        assert response.status_code == 200
        assert frame_ancestors(response) == "'none'"
        assert response["X-Frame-Options"] == "DENY"
    # The admin itself is framed by nobody either.
    assert admin_client.get("/admin/")["X-Frame-Options"] == "DENY"
