"""The editor's guide: a menu item in the admin and a page in the admin's look."""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def menu_items(html):
    """The admin's sidebar menu, which travels as JSON in the page."""
    props = BeautifulSoup(html, "html.parser").select_one("#wagtail-sidebar-props")
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "label" in value and "url" in value:
                found.append((value["label"], value["url"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props.string))
    return found


def test_an_editor_finds_the_guide_in_the_admin_menu(editor):
    client = Client()
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert ("Editor's guide", reverse("editors_guide")) in menu_items(dashboard.content.decode())


def test_the_guide_covers_the_editorial_paths(editor):
    client = Client()
    client.force_login(editor)
    response = client.get(reverse("editors_guide"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("h1").get_text(strip=True) == "Editor's guide"
    # The admin's header names the page too (its breadcrumbs), not just "Home".
    assert "Editor's guide" in page.select_one("header").get_text()
    headings = [h.get_text(strip=True) for h in page.select("main h2.w-h2")]
    assert headings == [
        "1. Write a news item with a card image",
        "2. Submit, approve and publish",
        "3. Preview in the side panel",
        "4. Events and time zones",
        "5. Import resources from a spreadsheet (moderators)",
        "6. Moderate the Forum (moderators)",
        "7. Translate a page or a resource",
        "8. Search synonyms and acronyms",
    ]
    text = " ".join(page.get_text().split())
    assert "CSV UTF-8" in text and "runs in the background" in text


def test_the_guide_is_for_admin_users_only(client, db):
    response = client.get(reverse("editors_guide"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
