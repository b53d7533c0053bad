"""A saved search's Atom feed: at a private, revocable address, the newest
resources the search finds among those the public may see."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET

from tests.resources.factories import ResourceFactory
from tests.saved_searches.conftest import published, saved_search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url_on_account_page(client):
    page = BeautifulSoup(client.get("/members/me/searches/").content, "html.parser")
    return page.select_one('[data-testid="feed-url"]')["href"].removeprefix("http://testserver")


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [
        (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}link").get("href"))
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_the_feed_lists_what_the_search_finds_and_no_draft(client, member, topics, home_page):
    saved = saved_search(member, query="topic=health", name="Health")
    published("Health pilot", relations__topics=[topics["health"]])
    published("Energy pilot", relations__topics=[topics["energy"]])
    ResourceFactory(title="Draft health plan", live=False, relations__topics=[topics["health"]])
    client.force_login(member)
    url = feed_url_on_account_page(client)
    client.logout()  # a feed reader has no session

    response = client.get(url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert entries(response) == [("Health pilot", "http://testserver/resources/health-pilot/")]
    assert f"<title>{saved.name} — " in response.content.decode()


def test_a_new_feed_address_retires_the_old_one_and_forged_ones_are_404(
    client, member, topics, home_page
):
    saved_search(member)
    client.force_login(member)
    old = feed_url_on_account_page(client)
    saved = member.saved_searches.get()
    client.post(f"/members/me/searches/{saved.pk}/feed/")
    new = feed_url_on_account_page(client)
    assert new != old
    client.logout()
    assert client.get(new).status_code == 200
    assert client.get(old).status_code == 404
    token = new.split("/")[-2]
    for forged in (token[:-1], token.replace(f"{saved.pk}.", f"{saved.pk + 1}."), "x"):
        assert client.get(f"/saved-searches/feed/{forged}/").status_code == 404
