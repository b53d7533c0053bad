"""What a visitor can type into a URL gets a sensible page or a 404, never a 500."""

import pytest

from tests.home.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_index, settings):
    settings.NEWS_PAGE_SIZE = 2
    for n in range(3):
        NewsPageFactory(parent=news_index, title=f"Story {n}")
    return news_index


@pytest.mark.parametrize("page", ["abc", "", "0", "-3", "1.5", "%00", "1e3"])
def test_unusable_page_numbers_fall_back_to_page_one(client, news, page):
    response = client.get("/news/", {"page": page})
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


@pytest.mark.parametrize("page", ["3", "9999", "99999999999999999999999"])
def test_page_numbers_past_the_end_are_not_found(client, news, page):
    assert client.get("/news/", {"page": page}).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/news/?topic=no-such-topic",
        "/news/?topic=%3Cscript%3E",
        "/events/?country=ZZ",
        "/events/?country=%3Cb%3E",
        "/events/?type=party",
        "/xx/news/",
        "/zz/",
    ],
)
def test_unknown_filters_and_locales_are_not_found(client, news, event_index, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "<script>" not in response.content.decode()


def test_unknown_past_flag_shows_upcoming_events(client, event_index):
    EventPageFactory(parent=event_index, title="Coming up")
    response = client.get("/events/", {"past": "yes"})
    assert response.status_code == 200
    assert "Coming up" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "\x00drones",
        "a" * 10_000,
        '"unbalanced',
        "(((",
        "AND OR NOT",
        "🚀 innovation",
        "\x07\x1b[31m",
    ],
)
def test_search_survives_hostile_queries(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Drones for innovation")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_search_ignores_control_characters(client, news_index):
    NewsPageFactory(parent=news_index, title="Drones for firefighting")
    response = client.get("/search/", {"q": "\x00drones\x1b"})
    assert "Drones for firefighting" in response.content.decode()


def test_calendar_of_unknown_page_is_not_found(client, event_index):
    assert client.get("/events/no-such-event/event.ics").status_code == 404
    assert client.get("/no-such-index/feed.ics").status_code == 404
