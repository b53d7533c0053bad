"""The headless APIs as a front end uses them: Wagtail's API v2 for pages, images and
documents, and API v3 (django-ninja) with the project's events endpoint."""

import datetime

import pytest
import wagtail_factories
from django.utils.dateparse import parse_datetime
from wagtail.models import PageViewRestriction

from home.models import Country, EventPage, LegalSectionPage, NewsPage, ProcurementType
from tests.cms.factories import ImageFactory
from tests.home.factories import (
    EventPageFactory,
    LegalSectionPageFactory,
    NewsPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].split(";")[0] in ("application/json", PROBLEM_JSON)
    return response.json()


def api_field_names(model):
    return {field.name for field in model.api_fields}


def titles(payload):
    return [item["title"] for item in payload["items"]]


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )


@pytest.fixture
def french(home_page, news_index, event_index, fr_locale, publish_translation):
    """A French tree: home, news index and events index translated and live."""
    publish_translation(home_page, fr_locale)
    return {
        "news_index": publish_translation(news_index, fr_locale, title="Actualités"),
        "event_index": publish_translation(event_index, fr_locale, title="Événements"),
    }


# --- API v2 -------------------------------------------------------------------------------


def test_v2_news_pages_expose_every_api_field(client, news_index):
    image = ImageFactory(title="Hospital buyers")
    topics = [
        TopicFactory(name="Health", slug="health"),
        TopicFactory(name="ICT", slug="ict"),
    ]
    page = NewsPageFactory(
        parent=news_index,
        title="Hospitals run a PCP",
        date=datetime.date(2026, 5, 4),
        intro="Four hospitals buy R&D together.",
        listing_image=image,
        procurement_type=ProcurementType.objects.get(abbreviation="PCP"),
        body=[("paragraph", "<p>Pre-commercial procurement in practice.</p>")],
        topics=topics,
    )

    payload = get_json(client, "/api/v2/pages/?type=home.NewsPage&fields=*")

    (item,) = payload["items"]
    assert api_field_names(NewsPage) <= item.keys()
    assert item["id"] == page.pk
    assert item["meta"]["type"] == "home.NewsPage"
    assert item["meta"]["html_url"] == "http://testserver/news/" + page.slug + "/"
    assert item["date"] == "2026-05-04"
    assert item["intro"] == "Four hospitals buy R&D together."
    assert [(block["type"], block["value"]) for block in item["body"]] == [
        ("paragraph", "<p>Pre-commercial procurement in practice.</p>")
    ]
    assert sorted(item["topics"], key=lambda t: t["slug"]) == [
        {"slug": "health", "name": "Health"},
        {"slug": "ict", "name": "ICT"},
    ]
    assert item["procurement_type"]["abbreviation"] == "PCP"
    assert item["procurement_type"]["slug"] == page.procurement_type.slug
    assert item["listing_image"]["id"] == image.pk
    thumbnail = item["listing_image_thumbnail"]
    assert (thumbnail["width"], thumbnail["height"]) == (480, 270)
    assert thumbnail["url"].startswith("http")
    assert thumbnail["alt"] == "A test illustration"


def test_v2_optional_relations_are_null_not_errors(client, news_index, event_index):
    NewsPageFactory(parent=news_index, procurement_type=None, listing_image=None)
    EventPageFactory(
        parent=event_index, venue="", city="", country=None, online_url="https://meet.example/x"
    )

    (news,) = get_json(client, "/api/v2/pages/?type=home.NewsPage&fields=*")["items"]
    (event,) = get_json(client, "/api/v2/pages/?type=home.EventPage&fields=*")["items"]

    assert news["procurement_type"] is None
    assert news["listing_image_thumbnail"] is None
    assert news["topics"] == []
    assert event["country"] is None
    assert event["online_url"] == "https://meet.example/x"


def test_v2_event_pages_expose_every_api_field(client, event_index):
    topic = TopicFactory(name="Mobility", slug="mobility")
    page = EventPageFactory(
        parent=event_index,
        title="Helsinki mobility PPI day",
        start_date=datetime.date(2026, 7, 1),
        end_date=datetime.date(2026, 7, 1),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
        time_zone="Europe/Helsinki",
        event_type="workshop",
        country=Country.objects.get(code="FI"),
        city="Helsinki",
        registration_url="https://register.example/ppi",
        organiser="City of Helsinki",
    )
    page.topics.set([topic])
    page.save_revision().publish()

    (item,) = get_json(client, "/api/v2/pages/?type=home.EventPage&fields=*")["items"]

    assert api_field_names(EventPage) <= item.keys()
    assert parse_datetime(item["starts_at"]) == datetime.datetime(
        2026, 7, 1, 6, 0, tzinfo=datetime.UTC
    )
    assert parse_datetime(item["ends_at"]) == datetime.datetime(
        2026, 7, 1, 14, 0, tzinfo=datetime.UTC
    )
    assert item["start_date"] == "2026-07-01"
    assert item["start_time"] == "09:00:00"
    assert item["time_zone"] == "Europe/Helsinki"
    assert item["all_day"] is False
    assert item["event_type"] == "workshop"
    assert item["country"] == {"code": "FI", "name": "Finland"}
    assert item["city"] == "Helsinki"
    assert item["registration_url"] == "https://register.example/ppi"
    assert item["organiser"] == "City of Helsinki"
    assert item["topics"] == [{"slug": "mobility", "name": "Mobility"}]


def test_v2_legal_sections_expose_every_api_field(client, legal_index):
    LegalSectionPageFactory(
        parent=legal_index,
        title="Public procurement directive",
        body=[
            ("heading", {"text": "Innovation partnership", "level": "h2"}),
            ("paragraph", "<p>Article 31 sets out the procedure.</p>"),
            ("heading", {"text": "R&D exemption", "level": "h3"}),
        ],
        references=[
            (
                "reference",
                {
                    "act": "Directive 2014/24/EU",
                    "article": "Article 31",
                    "celex": "32014L0024",
                    "url": "https://eur-lex.europa.eu/eli/dir/2014/24/oj",
                },
            )
        ],
    )

    (item,) = get_json(client, "/api/v2/pages/?type=home.LegalSectionPage&fields=*")["items"]

    assert api_field_names(LegalSectionPage) <= item.keys()
    assert item["jurisdiction"] == {"code": "EU", "name": "European level"}
    assert [block["value"] for block in item["references"]] == [
        {
            "act": "Directive 2014/24/EU",
            "article": "Article 31",
            "celex": "32014L0024",
            "url": "https://eur-lex.europa.eu/eli/dir/2014/24/oj",
        }
    ]
    assert item["table_of_contents"] == [
        {"anchor": "innovation-partnership", "text": "Innovation partnership", "level": "h2"},
        {"anchor": "rd-exemption", "text": "R&D exemption", "level": "h3"},
    ]


def test_v2_pages_leave_out_drafts_and_private_pages(client, news_index):
    NewsPageFactory(parent=news_index, title="Public news")
    NewsPageFactory(parent=news_index, title="Draft news", live=False)
    make_private(NewsPageFactory(parent=news_index, title="Private news"))

    payload = get_json(client, "/api/v2/pages/?type=home.NewsPage")

    assert titles(payload) == ["Public news"]
    assert payload["meta"]["total_count"] == 1


def test_v2_images_and_documents_are_listed(client, home_page):
    image = ImageFactory(title="Market consultation workshop")
    document = wagtail_factories.DocumentFactory(
        title="PCP guide", file__filename="pcp-guide.pdf", file__data=b"%PDF-1.4 guide"
    )

    images = get_json(client, "/api/v2/images/")
    documents = get_json(client, "/api/v2/documents/")

    assert [(item["id"], item["title"]) for item in images["items"]] == [
        (image.pk, "Market consultation workshop")
    ]
    assert [(item["id"], item["title"]) for item in documents["items"]] == [
        (document.pk, "PCP guide")
    ]
    # Absolute URLs come from the Wagtail Site (testserver in the tests).
    assert documents["items"][0]["meta"]["download_url"].startswith("http://testserver/")


def test_v2_locale_filter_lists_one_language(client, news_index, french):
    NewsPageFactory(parent=news_index, title="English news")
    NewsPageFactory(parent=french["news_index"], title="Nouvelles")

    french_news = get_json(client, "/api/v2/pages/?type=home.NewsPage&locale=fr")
    english_news = get_json(client, "/api/v2/pages/?type=home.NewsPage&locale=en")

    assert titles(french_news) == ["Nouvelles"]
    assert [item["meta"]["locale"] for item in french_news["items"]] == ["fr"]
    assert titles(english_news) == ["English news"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("locale=xx", 404),
        ("type=home.NoSuchPage", 400),
        ("type=not-a-model-label", 400),
    ],
)
def test_v2_bad_filters_answer_json_errors(client, home_page, query, status):
    payload = get_json(client, f"/api/v2/pages/?{query}", status=status)

    assert payload["message"]


# --- API v3: OpenAPI document and pages ---------------------------------------------------


def resolve(document, schema):
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = document["components"]["schemas"][name]
    return schema


def test_v3_openapi_documents_the_events_endpoints(client):
    document = get_json(client, "/api/v3/openapi.json")

    listing = document["paths"]["/api/v3/events/"]["get"]
    parameters = {param["name"]: param for param in listing["parameters"]}
    assert set(parameters) >= {
        "date_from",
        "date_to",
        "country",
        "event_type",
        "locale",
        "limit",
        "offset",
    }
    assert all(param["in"] == "query" for param in parameters.values())
    event_type_options = parameters["event_type"]["schema"]["anyOf"][0]["enum"]
    assert set(event_type_options) == {"conference", "webinar", "training", "workshop"}
    assert parameters["date_from"]["schema"]["anyOf"][0]["format"] == "date"

    page = resolve(document, listing["responses"]["200"]["content"]["application/json"]["schema"])
    assert {"count", "items"} <= set(page["properties"])
    event = resolve(document, page["properties"]["items"]["items"])
    for field in ("id", "title", "html_url", "ical_url", "starts_at", "ends_at", "time_zone"):
        assert field in event["properties"], field
    assert event["properties"]["starts_at"]["format"] == "date-time"

    detail = document["paths"]["/api/v3/events/{event_id}/"]["get"]
    (path_param,) = [param for param in detail["parameters"] if param["in"] == "path"]
    assert (path_param["name"], path_param["in"]) == ("event_id", "path")
    assert path_param["schema"]["type"] == "integer"
    assert (
        resolve(document, detail["responses"]["200"]["content"]["application/json"]["schema"])
        == event
    )


def test_v3_pages_filter_by_type(client, news_index, event_index):
    news = NewsPageFactory(parent=news_index, title="A news item")
    EventPageFactory(parent=event_index, title="An event")

    payload = get_json(client, "/api/v3/pages/?type=home.NewsPage")

    assert payload["count"] == 1
    (item,) = payload["items"]
    assert (item["id"], item["title"], item["meta"]["type"]) == (
        news.pk,
        "A news item",
        "home.NewsPage",
    )


def test_v3_pages_filter_by_locale(client, news_index, french):
    NewsPageFactory(parent=news_index, title="English news")
    NewsPageFactory(parent=french["news_index"], title="Nouvelles")

    payload = get_json(client, "/api/v3/pages/?locale=fr")

    assert {item["meta"]["locale"] for item in payload["items"]} == {"fr"}
    assert set(titles(payload)) == {"Home", "Actualités", "Événements", "Nouvelles"}


def test_v3_pages_unknown_locale_is_a_json_error(client, home_page):
    payload = get_json(client, "/api/v3/pages/?locale=xx", status=400)

    assert payload["status"] == 400
    assert payload["errors"][0]["loc"] == ["query", "locale"]


# --- API v3: /api/v3/events/ --------------------------------------------------------------


def event(parent, title, start, end=None, **kwargs):
    return EventPageFactory(
        parent=parent, title=title, start_date=start, end_date=end or start, **kwargs
    )


def all_day(parent, title, start, end=None, **kwargs):
    return event(parent, title, start, end, all_day=True, start_time=None, end_time=None, **kwargs)


def list_events(client, query=""):
    return get_json(client, f"/api/v3/events/?{query}")


def test_events_envelope_and_fields(client, event_index):
    page = event(event_index, "Brussels PPI forum", datetime.date(2030, 5, 6))

    payload = list_events(client)

    assert set(payload) == {"count", "items"}
    assert payload["count"] == 1
    (item,) = payload["items"]
    assert item["id"] == page.pk
    assert item["html_url"] == f"http://testserver/events/{page.slug}/"
    assert item["ical_url"] == f"http://testserver/events/{page.slug}/event.ics"
    assert item["locale"] == "en"
    assert item["country"] == {"code": "BE", "name": "Belgium"}
    assert parse_datetime(item["starts_at"]) == datetime.datetime(
        2030, 5, 6, 7, 30, tzinfo=datetime.UTC
    )
    assert (item["start_time"], item["time_zone"]) == ("09:30:00", "Europe/Brussels")
    # The advertised calendar link really is the event's calendar file.
    assert client.get(item["ical_url"])["Content-Type"].startswith("text/calendar")


def test_events_are_ordered_by_start_instant(client, event_index):
    day = datetime.date(2030, 6, 3)
    event(event_index, "Brussels 09:00", day, start_time=datetime.time(9, 0))
    event(event_index, "Next week", day + datetime.timedelta(days=7))
    # 09:00 in Helsinki is an hour before 09:00 in Brussels.
    event(
        event_index,
        "Helsinki 09:00",
        day,
        start_time=datetime.time(9, 0),
        time_zone="Europe/Helsinki",
    )
    event(event_index, "Last month", day - datetime.timedelta(days=30))

    payload = list_events(client)

    assert titles(payload) == ["Last month", "Helsinki 09:00", "Brussels 09:00", "Next week"]


def test_events_paginate_with_limit_and_offset(client, event_index):
    for day in range(1, 6):
        event(event_index, f"Day {day}", datetime.date(2030, 9, day))

    payload = list_events(client, "limit=2&offset=1")

    assert payload["count"] == 5
    assert titles(payload) == ["Day 2", "Day 3"]


@pytest.fixture
def march_events(event_index):
    """Events around 10 March 2030 (Brussels is UTC+1 then, Lisbon UTC+0)."""
    event(event_index, "February webinar", datetime.date(2030, 2, 1), event_type="webinar")
    event(
        event_index,
        "Spring school",
        datetime.date(2030, 3, 8),
        datetime.date(2030, 3, 12),
        event_type="training",
    )
    # Ends at 2030-03-10T00:00Z exactly: over before 10 March begins.
    all_day(event_index, "Lisbon day", datetime.date(2030, 3, 9), time_zone="Europe/Lisbon")
    event(event_index, "March conference", datetime.date(2030, 3, 10))
    # Starts at 2030-03-13T00:00Z exactly: after 12 March is over.
    all_day(event_index, "Lisbon follow-up", datetime.date(2030, 3, 13), time_zone="Europe/Lisbon")
    event(event_index, "April workshop", datetime.date(2030, 4, 15), event_type="workshop")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["February webinar", "Spring school", "Lisbon day", "March conference",
              "Lisbon follow-up", "April workshop"]),
        ("date_from=2030-03-10&date_to=2030-03-10", ["Spring school", "March conference"]),
        ("date_from=2030-03-09&date_to=2030-03-09", ["Spring school", "Lisbon day"]),
        ("date_from=2030-03-11", ["Spring school", "Lisbon follow-up", "April workshop"]),
        ("date_to=2030-03-07", ["February webinar"]),
        ("date_to=2030-03-08", ["February webinar", "Spring school"]),
        ("date_from=2030-03-12&date_to=2030-03-12", ["Spring school"]),
        ("date_from=2030-03-13&date_to=2030-03-31", ["Lisbon follow-up"]),
        ("date_from=2030-02-02&date_to=2030-03-07", []),
        ("date_from=2030-05-01", []),
    ],
)  # fmt: skip
def test_events_date_range_includes_events_that_overlap_it(client, march_events, query, expected):
    payload = list_events(client, query)

    assert titles(payload) == expected
    assert payload["count"] == len(expected)


def test_events_zero_length_event_at_midnight_belongs_to_its_day(client, event_index):
    # 00:00 to 00:00 in Lisbon in March is the instant 2030-03-10T00:00Z.
    midnight = datetime.time(0, 0)
    event(
        event_index,
        "Call opens",
        datetime.date(2030, 3, 10),
        start_time=midnight,
        end_time=midnight,
        time_zone="Europe/Lisbon",
    )

    assert titles(list_events(client, "date_from=2030-03-10&date_to=2030-03-10")) == ["Call opens"]
    assert titles(list_events(client, "date_to=2030-03-09")) == []
    assert titles(list_events(client, "date_from=2030-03-11")) == []


def test_events_filter_by_country_code_in_any_case(client, event_index):
    event(event_index, "In Brussels", datetime.date(2030, 1, 10))
    finland = Country.objects.get(code="FI")
    event(event_index, "In Espoo", datetime.date(2030, 1, 11), city="Espoo", country=finland)

    assert titles(list_events(client, "country=FI")) == ["In Espoo"]
    assert titles(list_events(client, "country=fi")) == ["In Espoo"]
    assert titles(list_events(client, "country=be")) == ["In Brussels"]
    assert list_events(client, "country=MT") == {"count": 0, "items": []}


def test_events_filter_by_type(client, march_events):
    assert titles(list_events(client, "event_type=training")) == ["Spring school"]
    assert titles(list_events(client, "event_type=workshop&date_from=2030-03-01")) == [
        "April workshop"
    ]


def test_events_filter_by_locale(client, event_index, french, fr_locale, publish_translation):
    english = event(event_index, "Innovation days", datetime.date(2030, 10, 1))
    event(event_index, "English only", datetime.date(2030, 10, 2))
    publish_translation(english, fr_locale, title="Journées de l'innovation")
    event(french["event_index"], "Seulement en français", datetime.date(2030, 10, 3))

    in_french = list_events(client, "locale=fr")

    assert titles(in_french) == ["Journées de l'innovation", "Seulement en français"]
    assert {item["locale"] for item in in_french["items"]} == {"fr"}
    assert in_french["items"][0]["html_url"].startswith("http://testserver/fr/events/")
    # English is the default language of the listing.
    assert titles(list_events(client)) == ["Innovation days", "English only"]
    assert titles(list_events(client, "locale=en")) == ["Innovation days", "English only"]


def test_events_leave_out_drafts_and_private_events(client, event_index):
    event(event_index, "Open event", datetime.date(2030, 11, 1))
    event(event_index, "Draft event", datetime.date(2030, 11, 2), live=False)
    make_private(event(event_index, "Private event", datetime.date(2030, 11, 3)))

    payload = list_events(client)

    assert titles(payload) == ["Open event"]
    assert payload["count"] == 1


def test_event_detail(client, event_index, news_index):
    live = event(event_index, "Live event", datetime.date(2030, 11, 1))
    draft = event(event_index, "Draft event", datetime.date(2030, 11, 2), live=False)
    private = event(event_index, "Private event", datetime.date(2030, 11, 3))
    make_private(private)
    news = NewsPageFactory(parent=news_index)

    item = get_json(client, f"/api/v3/events/{live.pk}/")
    assert (item["id"], item["title"]) == (live.pk, "Live event")
    assert item == list_events(client)["items"][0]

    for page_id in (draft.pk, private.pk, news.pk, 999999):
        response = client.get(f"/api/v3/events/{page_id}/")
        assert response.status_code == 404, page_id
        assert response["Content-Type"] == PROBLEM_JSON
        assert response.json()["status"] == 404
        assert b"Draft event" not in response.content
        assert b"Private event" not in response.content


# --- API v3: bad input --------------------------------------------------------------------


def problem(client, query, status):
    response = client.get(f"/api/v3/events/?{query}")
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == PROBLEM_JSON
    payload = response.json()
    assert payload["status"] == status
    return payload


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("date_from=not-a-date", "date_from"),
        ("date_to=2030-02-30", "date_to"),
        ("event_type=party", "event_type"),
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_events_invalid_parameters_are_422_naming_the_field(client, event_index, query, field):
    payload = problem(client, query, 422)

    assert [error["loc"][-1] for error in payload["errors"]] == [field]
    assert all(error["msg"] for error in payload["errors"])


def test_events_date_to_before_date_from_is_422_with_a_message(client, event_index):
    payload = problem(client, "date_from=2030-03-10&date_to=2030-03-09", 422)

    (error,) = payload["errors"]
    assert "date_to must not be earlier than date_from" in error["msg"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("country=XX", "XX"),
        ("locale=xx", "xx"),
        ("limit=1000", "100"),
    ],
)
def test_events_unknown_values_are_400_with_a_detail(client, event_index, query, words):
    payload = problem(client, query, 400)

    assert words in payload["detail"]
