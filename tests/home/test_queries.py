"""List pages and API lists cost the same number of SQL queries whatever their length."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms.factories import DocumentFactory, ImageFactory
from tests.home.factories import (
    EventPageFactory,
    LegalSectionPageFactory,
    NewsPageFactory,
    TopicFactory,
)
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def add_news(news_index, how_many, topics, image, body=()):
    for n in range(how_many):
        NewsPageFactory(
            parent=news_index,
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            topics=topics,
            listing_image=image,
            body=list(body),
        )


def rich_body(tree):
    """A body referring to everything a body can: each item gets its own image
    and document, so a list that fetched them one by one would grow."""
    image, document = ImageFactory(), DocumentFactory()
    return [
        {
            "type": "paragraph",
            "value": f'<p><a linktype="page" id="{tree["news"].id}">News</a> and '
            f'<a linktype="document" id="{document.id}">a checklist</a></p>'
            f'<embed embedtype="image" id="{image.id}" format="left" alt="A chart"/>',
        },
        {
            "type": "image",
            "value": {"image": {"image": image.id, "alt_text": "", "decorative": True}},
        },
        {"type": "document", "value": {"document": document.id, "title": "Checklist"}},
    ]


def add_rich_news(tree, how_many):
    for _ in range(how_many):
        add_news(tree["news"], 1, tree["topics"], ImageFactory(), rich_body(tree))


def add_resources(how_many, topics):
    for _ in range(how_many):
        ResourceFactory(relations__topics=topics, thumbnail=ImageFactory(), body="<p>Body</p>")


def add_events(event_index, how_many):
    for n in range(how_many):
        EventPageFactory(
            parent=event_index, start_date=datetime.date.today() + datetime.timedelta(days=n + 1)
        )


def add_sections(legal_index, how_many):
    for _ in range(how_many):
        LegalSectionPageFactory(parent=legal_index)


# Each case: the URL, and how to add N more items to what it lists. Page sizes are
# raised so that all items are on one page: the count must not grow with them.
CASES = {
    "news index": (
        "/news/",
        lambda tree, n: add_news(tree["news"], n, tree["topics"], tree["image"]),
    ),
    "events index": ("/events/", lambda tree, n: add_events(tree["events"], n)),
    "home": (
        "/",
        lambda tree, n: (
            add_news(tree["news"], n, tree["topics"], tree["image"]),
            add_events(tree["events"], n),
        ),
    ),
    "legal index": ("/legal-framework/", lambda tree, n: add_sections(tree["legal"], n)),
    "rss feed": (
        "/news/feed/",
        lambda tree, n: add_news(tree["news"], n, tree["topics"], tree["image"]),
    ),
    "ical feed": ("/events/feed.ics", lambda tree, n: add_events(tree["events"], n)),
    "api v3 events": ("/api/v3/events/?limit=100", lambda tree, n: add_events(tree["events"], n)),
    "api v2 news": (
        "/api/v2/pages/?type=home.NewsPage&fields=*&limit=100",
        lambda tree, n: add_news(tree["news"], n, tree["topics"], tree["image"]),
    ),
    "api v2 events": (
        "/api/v2/pages/?type=home.EventPage&fields=*&limit=100",
        lambda tree, n: add_events(tree["events"], n),
    ),
    "api v3 news with every field": (
        "/api/v3/pages/?type=home.NewsPage&fields=*&limit=100",
        add_rich_news,
    ),
    "api v3 news with images in two renditions": (
        "/api/v3/pages/?type=home.NewsPage&fields=listing_image,body&limit=100"
        "&rendition=fill-480x270&rendition=width-1600",
        add_rich_news,
    ),
    "api v3 pages of every type": ("/api/v3/pages/?limit=100", add_rich_news),
    "api v3 legal sections with every field": (
        "/api/v3/pages/?type=home.LegalSectionPage&fields=*&limit=100",
        lambda tree, n: add_sections(tree["legal"], n),
    ),
    "api v3 resources": (
        "/api/v3/resources/?limit=100",
        lambda tree, n: add_resources(n, tree["topics"]),
    ),
    "api v3 site search": (
        "/api/v3/search/?q=news&limit=100",
        add_rich_news,
    ),
    "api v3 images in two sizes": (
        "/api/v3/images/?limit=100&rendition=fill-480x270&rendition=width-960",
        lambda tree, n: [ImageFactory() for _ in range(n)],
    ),
    "sitemap": (
        "/sitemap.xml",
        lambda tree, n: add_news(tree["news"], n, tree["topics"], tree["image"]),
    ),
}


@pytest.fixture
def tree(news_index, event_index, legal_index, settings, database_search_only):
    settings.NEWS_PAGE_SIZE = settings.EVENTS_PAGE_SIZE = 100
    return {
        "news": news_index,
        "events": event_index,
        "legal": legal_index,
        "topics": [TopicFactory(), TopicFactory()],
        "image": ImageFactory(),
    }


@pytest.mark.parametrize("case", list(CASES))
def test_query_count_does_not_grow_with_the_list(client, tree, case):
    url, add = CASES[case]
    add(tree, 5)
    count_queries(client, url)  # warm caches that are filled once per process
    with_five = count_queries(client, url)
    add(tree, 45)
    # The first answer after new images makes their renditions (a write per
    # new image, once): what must not grow is the cost of every later answer.
    count_queries(client, url)
    with_fifty = count_queries(client, url)
    assert with_fifty == with_five, f"{case}: {with_five} queries for 5 items, {with_fifty} for 50"
