"""The news RSS feed and the events iCalendar files, read back the way a feed
reader or a calendar client reads them."""

import datetime
import html
import zoneinfo
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.conf import settings
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.home.factories import EventPageFactory, NewsPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

SERVER_TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def read_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == "text/calendar"
    return Calendar.from_ical(response.content), response.content


def unfold(raw):
    """iCalendar folds long lines at 75 octets; join them to look at a whole line."""
    return raw.replace(b"\r\n ", b"")


def only_vevent(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def days_from_today(days):
    return datetime.date.today() + datetime.timedelta(days=days)


# --- /news/feed/ (RSS 2.0) -------------------------------------------------------------


@pytest.fixture
def site_name(home_page):
    site = home_page.get_site()
    site.site_name = "PPI Test Site"
    site.save()
    return site.site_name


def test_news_feed_channel_names_and_links_the_news_index(client, news_index, site_name):
    feed = read_feed(client, "/news/feed/")

    assert feed.feed.title == f"News — {site_name}"
    assert feed.feed.link == "http://testserver/news/"


def test_news_feed_items_are_newest_first_with_their_fields(client, news_index):
    health = TopicFactory(name="Health & care", slug="health")
    energy = TopicFactory(name="Energy", slug="energy")
    older = NewsPageFactory(
        parent=news_index,
        title="Buyers group launches PCP on AI diagnostics",
        slug="pcp-ai-diagnostics",
        date=datetime.date(2026, 3, 2),
        intro="Five hospitals pool R&D demand.",
        topics=[health],
    )
    newest = NewsPageFactory(
        parent=news_index,
        title="Energy PPI call opens",
        slug="energy-ppi-call",
        date=datetime.date(2026, 7, 15),
        intro="Cities buy zero-emission heating.",
        topics=[energy, health],
    )
    middle = NewsPageFactory(
        parent=news_index,
        title="Guidance updated",
        slug="guidance-updated",
        date=datetime.date(2026, 5, 20),
        intro="The Commission refreshed its guidance.",
    )

    entries = read_feed(client, "/news/feed/").entries

    assert [entry.title for entry in entries] == [newest.title, middle.title, older.title]
    by_title = {entry.title: entry for entry in entries}
    for page in (older, newest, middle):
        entry = by_title[page.title]
        assert entry.link == f"http://testserver/news/{page.slug}/"
        # RSS descriptions are HTML: read as HTML, the description is the intro.
        assert html.unescape(entry.summary) == page.intro
        published = parsedate_to_datetime(entry.published)
        assert published.astimezone(SERVER_TZ).date() == page.date
    assert sorted(tag.term for tag in by_title[newest.title].tags) == ["Energy", "Health & care"]
    assert [tag.term for tag in by_title[older.title].tags] == ["Health & care"]
    assert "tags" not in by_title[middle.title]


def test_news_feed_leaves_out_drafts_and_password_protected_items(client, news_index):
    NewsPageFactory(parent=news_index, title="Published item")
    NewsPageFactory(parent=news_index, title="Draft item", live=False)
    withdrawn = NewsPageFactory(parent=news_index, title="Withdrawn item")
    withdrawn.unpublish()
    private = NewsPageFactory(parent=news_index, title="Members-only item")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )

    titles = [entry.title for entry in read_feed(client, "/news/feed/").entries]

    assert titles == ["Published item"]


def test_news_feed_lists_only_items_in_the_index_language(
    client, home_page, news_index, fr_locale, publish_translation
):
    NewsPageFactory(parent=news_index, title="English item")
    publish_translation(home_page, fr_locale)
    fr_index = publish_translation(news_index, fr_locale, title="Actualités")
    NewsPageFactory(
        parent=fr_index, title="Article en français", slug="article", date=datetime.date(2026, 4, 1)
    )

    english = read_feed(client, "/news/feed/")
    french = read_feed(client, "/fr/news/feed/")

    assert [entry.title for entry in english.entries] == ["English item"]
    assert [entry.title for entry in french.entries] == ["Article en français"]
    assert french.feed.link == "http://testserver/fr/news/"
    assert french.feed.title.startswith("Actualités — ")
    assert french.entries[0].link == "http://testserver/fr/news/article/"


def test_translated_news_item_appears_in_its_own_language_feed_only(
    client, home_page, news_index, fr_locale, publish_translation
):
    english = NewsPageFactory(parent=news_index, title="Tender results")
    publish_translation(home_page, fr_locale)
    publish_translation(news_index, fr_locale, title="Actualités")
    publish_translation(english, fr_locale, title="Résultats de l'appel d'offres")

    assert [e.title for e in read_feed(client, "/news/feed/").entries] == ["Tender results"]
    assert [e.title for e in read_feed(client, "/fr/news/feed/").entries] == [
        "Résultats de l'appel d'offres"
    ]


# --- /events/<slug>/event.ics and /events/feed.ics (iCalendar) -------------------------


def test_event_ics_is_an_icalendar_file_with_one_event(client, event_index):
    event = EventPageFactory(parent=event_index, slug="pcp-days")

    calendar, _ = read_calendar(client, "/events/pcp-days/event.ics")

    assert calendar["VERSION"] == "2.0"
    assert "Procurement of Innovation Platform" in str(calendar["PRODID"])
    vevent = only_vevent(calendar)
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["URL"]) == "http://testserver/events/pcp-days/"
    assert isinstance(vevent["DTSTAMP"].dt, datetime.datetime)
    assert vevent["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert str(vevent["UID"])


def test_timed_event_is_in_its_own_time_zone(client, event_index):
    EventPageFactory(
        parent=event_index,
        slug="helsinki-summit",
        start_date=datetime.date(2026, 7, 1),
        end_date=datetime.date(2026, 7, 2),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(13, 30),
        time_zone="Europe/Helsinki",
    )

    calendar, _ = read_calendar(client, "/events/helsinki-summit/event.ics")

    vevent = only_vevent(calendar)
    dtstart, dtend = vevent["DTSTART"], vevent["DTEND"]
    assert dtstart.params["TZID"] == "Europe/Helsinki"
    assert dtend.params["TZID"] == "Europe/Helsinki"
    assert dtstart.dt.replace(tzinfo=None) == datetime.datetime(2026, 7, 1, 9, 0)
    assert dtend.dt.replace(tzinfo=None) == datetime.datetime(2026, 7, 2, 13, 30)
    # Helsinki is UTC+3 in summer: the instant is 06:00 UTC, whatever the client's zone.
    assert dtstart.dt == datetime.datetime(2026, 7, 1, 6, 0, tzinfo=datetime.UTC)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_all_day_event_uses_dates_and_an_exclusive_end(client, event_index):
    EventPageFactory(
        parent=event_index,
        slug="training-week",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2026, 12, 29),
        end_date=datetime.date(2026, 12, 31),
    )

    calendar, raw = read_calendar(client, "/events/training-week/event.ics")

    vevent = only_vevent(calendar)
    for prop in ("DTSTART", "DTEND"):
        value = vevent[prop].dt
        assert type(value) is datetime.date, f"{prop} should be a DATE, got {value!r}"
    assert vevent["DTSTART"].dt == datetime.date(2026, 12, 29)
    # DTEND is exclusive: the day after the last day, across the year boundary.
    assert vevent["DTEND"].dt == datetime.date(2027, 1, 1)
    assert b"DTSTART;VALUE=DATE:20261229" in unfold(raw)
    assert calendar.walk("VTIMEZONE") == []


def test_event_text_with_commas_semicolons_and_newlines_round_trips(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        slug="tricky-text",
        title="PCP, PPI; and you",
        intro="Day one: scoping, market; consultation.\nDay two: tender design",
        organiser="City of Ghent; EAFIP",
        venue="Hall 3, Wing B; ground floor",
        city="Ghent",
    )

    calendar, raw = read_calendar(client, "/events/tricky-text/event.ics")

    vevent = only_vevent(calendar)
    assert str(vevent["SUMMARY"]) == "PCP, PPI; and you"
    assert str(vevent["DESCRIPTION"]) == f"{event.intro}\n\nOrganiser: City of Ghent; EAFIP"
    assert str(vevent["LOCATION"]) == "Hall 3, Wing B; ground floor, Ghent, Belgium"
    # On the wire the special characters are escaped (RFC 5545 3.3.11), so clients
    # that split on them do not cut the text short.
    lines = unfold(raw).split(b"\r\n")
    assert b"SUMMARY:PCP\\, PPI\\; and you" in lines
    description = next(line for line in lines if line.startswith(b"DESCRIPTION:"))
    assert b"market\\; consultation.\\nDay two" in description
    assert b"\n" not in description


def test_event_uid_survives_an_edit_and_republish(client, event_index):
    event = EventPageFactory(parent=event_index, slug="market-dialogue")
    before = only_vevent(read_calendar(client, "/events/market-dialogue/event.ics")[0])

    event.title = "Market dialogue (new date)"
    event.start_date = event.end_date = event.start_date + datetime.timedelta(days=7)
    event.save_revision().publish()

    after = only_vevent(read_calendar(client, "/events/market-dialogue/event.ics")[0])
    in_feed = only_vevent(read_calendar(client, "/events/feed.ics")[0])
    assert str(after["SUMMARY"]) == "Market dialogue (new date)"
    assert str(after["UID"]) == str(before["UID"])
    # The subscribable feed and the single-event file name the event alike, so a
    # client that has both keeps one copy.
    assert str(in_feed["UID"]) == str(before["UID"])


def test_event_ics_of_a_draft_is_not_found(client, event_index):
    EventPageFactory(parent=event_index, slug="not-yet", live=False)

    assert client.get("/events/not-yet/event.ics").status_code == 404


def test_event_ics_of_a_password_protected_event_is_withheld(client, event_index):
    event = EventPageFactory(parent=event_index, slug="closed-meeting")
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )

    response = client.get("/events/closed-meeting/event.ics")

    assert not response["Content-Type"].startswith("text/calendar")
    assert event.title.encode() not in response.content


def test_events_feed_lists_upcoming_and_last_years_events_only(client, event_index):
    def event(title, start_in_days, days_long=1, **kwargs):
        start = days_from_today(start_in_days)
        return EventPageFactory(
            parent=event_index,
            title=title,
            start_date=start,
            end_date=start + datetime.timedelta(days=days_long - 1),
            **kwargs,
        )

    event("Next month", 30)
    event("Running now", -2, days_long=5)
    event("Two months ago", -60)
    event("Ten months ago", -300, all_day=True, start_time=None, end_time=None)
    event("Two years ago", -730)
    event("Thirteen months ago", -400)
    event("Upcoming draft", 10, live=False)
    private = event("Upcoming private", 12)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )

    calendar, _ = read_calendar(client, "/events/feed.ics")

    assert calendar["VERSION"] == "2.0"
    assert "PRODID" in calendar
    assert sorted(str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")) == sorted(
        ["Next month", "Running now", "Two months ago", "Ten months ago"]
    )
    uids = [str(vevent["UID"]) for vevent in calendar.walk("VEVENT")]
    assert len(set(uids)) == 4
    assert all("DTSTAMP" in vevent for vevent in calendar.walk("VEVENT"))
    # One VTIMEZONE per zone used, not one per event.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]


def test_events_feed_of_a_translated_index_lists_its_own_language(
    client, home_page, event_index, fr_locale, publish_translation
):
    english = EventPageFactory(parent=event_index, title="Innovation days")
    publish_translation(home_page, fr_locale)
    publish_translation(event_index, fr_locale, title="Événements")
    publish_translation(english, fr_locale, title="Journées de l'innovation")

    english_feed, _ = read_calendar(client, "/events/feed.ics")
    french_feed, _ = read_calendar(client, "/fr/events/feed.ics")

    (en_event,) = english_feed.walk("VEVENT")
    (fr_event,) = french_feed.walk("VEVENT")
    assert str(en_event["SUMMARY"]) == "Innovation days"
    assert str(fr_event["SUMMARY"]) == "Journées de l'innovation"
    assert str(fr_event["URL"]).startswith("http://testserver/fr/events/")
    # Two languages of one event are two calendar entries, not one overwriting the other.
    assert str(en_event["UID"]) != str(fr_event["UID"])
