"""Daily and weekly alerts: the new resources a saved search finds since its
last alert, by email, with a one-click unsubscribe link that works without
signing in; queued by `send_saved_search_alerts` (tasks run at once here)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from resources.models import Resource
from saved_searches.models import SavedSearch
from tests.resources.factories import ResourceFactory
from tests.saved_searches.conftest import ago, published, saved_search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def run_alerts():
    call_command("send_saved_search_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115


def unsubscribe_path(message):
    return re.search(r"http://testserver(/saved-searches/unsubscribe/\S+/)", message.body)[1]


def test_an_alert_lists_the_new_matches_once_in_text_and_html(member, topics, home_page):
    saved = saved_search(member, query="topic=health", name="Health")
    published("Old health study", hours_ago=72, relations__topics=[topics["health"]])
    published("Health pilot", relations__topics=[topics["health"]])
    published("Energy pilot", relations__topics=[topics["energy"]])

    run_alerts()

    [message] = mail.outbox
    assert message.to == ["carla@example.org"]
    assert message.subject == "“Health”: 1 new resource"
    assert "Health pilot" in message.body and "Energy pilot" not in message.body
    assert "Old health study" not in message.body  # older than the last alert
    assert "http://testserver/resources/health-pilot/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<a href="http://testserver/resources/health-pilot/"' in html
    path = unsubscribe_path(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{path}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    saved.refresh_from_db()
    assert saved.last_sent_at is not None

    # Run again (cron twice, or tomorrow with nothing new): nothing more is sent.
    run_alerts()
    a_day = datetime.timedelta(days=1)
    SavedSearch.objects.update(alerted_until=F("alerted_until") - a_day)
    Resource.objects.update(first_published_at=F("first_published_at") - a_day)
    run_alerts()
    saved.refresh_from_db()
    assert saved.alerted_until > ago(minutes=6)
    assert len(mail.outbox) == 1


def test_nothing_new_sends_nothing_and_moves_on(member, topics, home_page):
    saved = saved_search(member, query="topic=energy")
    published("Health pilot", relations__topics=[topics["health"]])
    run_alerts()
    assert mail.outbox == []
    saved.refresh_from_db()
    assert saved.alerted_until > ago(minutes=6) and saved.last_sent_at is None


def test_an_alert_is_due_once_per_period(member, topics, home_page):
    weekly = saved_search(member, query="topic=health", frequency="weekly", days_ago=3)
    off = saved_search(member, query="topic=energy", frequency="never", days_ago=30)
    published("Health pilot", relations__topics=[topics["health"]])
    published("Energy pilot", relations__topics=[topics["energy"]])
    run_alerts()
    assert mail.outbox == []
    SavedSearch.objects.filter(pk=weekly.pk).update(alerted_until=ago(days=7))
    run_alerts()
    assert [m.subject for m in mail.outbox] == [f"“{weekly.name}”: 1 new resource"]
    off.refresh_from_db()
    assert off.last_sent_at is None


def test_only_what_the_public_may_see_in_the_searchs_language(member, topics, home_page, fr_locale):
    saved_search(member, query="topic=health")
    published("Visible health pilot", relations__topics=[topics["health"]])
    draft = ResourceFactory(
        title="Draft health plan", live=False, relations__topics=[topics["health"]]
    )
    draft.save_revision()
    unpublished = published("Withdrawn health plan", relations__topics=[topics["health"]])
    unpublished.unpublish()
    french = ResourceFactory(
        title="Achat innovant santé",
        locale=fr_locale,
        relations__topics=[topics["health"]],
        relations__publish=True,
    )
    type(french).objects.filter(pk=french.pk).update(first_published_at=ago(hours=3))

    run_alerts()

    [message] = mail.outbox
    body = message.body + message.alternatives[0][0]
    assert "Visible health pilot" in body
    for hidden in ("Draft health plan", "Withdrawn health plan", "Achat innovant"):
        assert hidden not in body


def test_an_inactive_member_or_one_without_an_address_gets_nothing(member, topics, home_page):
    saved_search(member)
    published("Health pilot", relations__topics=[topics["health"]])
    member.is_active = False
    member.save()
    run_alerts()
    member.is_active, member.email = True, ""
    member.save()
    run_alerts()
    assert mail.outbox == []


def queries_for_one_alert(saved, count, topics, batch):
    """Queries of one alert listing `count` new resources (those of earlier
    batches made old news)."""
    Resource.objects.update(first_published_at=ago(days=3))
    SavedSearch.objects.filter(pk=saved.pk).update(alerted_until=ago(days=2))
    for n in range(count):
        published(f"Health item {batch} {n}", relations__topics=[topics["health"]])
    with CaptureQueriesContext(connection) as queries:
        run_alerts()
    assert mail.outbox[-1].subject.endswith(f"{count} new resources")
    return len(queries)


def test_an_alert_costs_the_same_queries_for_2_or_12_matches(member, topics, home_page, settings):
    # Every alert reads its id sets (search/kept_ids.py keeps none).
    settings.DATABASE_SEARCH_KEPT_IDS = 0
    saved = saved_search(member)
    queries_for_one_alert(saved, 2, topics, batch=0)  # the taxonomies' labels now cached
    few = queries_for_one_alert(saved, 2, topics, batch=1)
    many = queries_for_one_alert(saved, 12, topics, batch=2)
    assert few == many, (few, many)


def test_a_long_alert_lists_the_first_and_links_to_the_rest(member, topics, home_page):
    saved_search(member, query="q=pilot")
    for n in range(23):
        published(f"Pilot {n}")
    # Published outside a committed transaction: index them as publishing would.
    get_search_backend("default").add_bulk(Resource, list(Resource.get_indexed_objects()))
    run_alerts()
    [message] = mail.outbox
    assert message.subject.endswith("23 new resources")
    assert message.body.count("http://testserver/resources/pilot-") == 20
    assert "And 3 more: http://testserver/resources/?q=pilot&sort=newest" in message.body


def test_the_unsubscribe_link_asks_then_stops_the_emails_without_signing_in(
    member, topics, home_page
):
    saved = saved_search(member, name="Health")
    published("Health pilot", relations__topics=[topics["health"]])
    run_alerts()
    path = unsubscribe_path(mail.outbox[0])
    browser = Client(enforce_csrf_checks=True)  # no session, as from a mail program

    confirm = browser.get(path)
    assert confirm.status_code == 200
    assert b"Send me no more of these emails" in confirm.content
    saved.refresh_from_db()
    assert saved.frequency == "daily"  # opening the link (a mail scanner) changes nothing

    done = browser.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and b"no more emails" in done.content
    saved.refresh_from_db()
    assert saved.frequency == "never"


def test_a_tampered_or_stale_unsubscribe_link_says_so(client, member, topics, home_page):
    saved = saved_search(member)
    published("Health pilot", relations__topics=[topics["health"]])
    run_alerts()
    path = unsubscribe_path(mail.outbox[0])
    token = path.split("/")[-2]
    number, signature = token.split(":")
    forged = path.replace(token, f"{int(number) + 1}:{signature}")
    for bad in (forged, path.replace(token, token[:-2]), "/saved-searches/unsubscribe/x/"):
        response = client.post(bad)
        assert response.status_code == 400
        assert b"This link is not one we sent" in response.content
    saved.delete()
    gone = client.get(path)
    assert gone.status_code == 404 and b"has been deleted" in gone.content


def test_a_french_search_alerts_in_french_resources(member, topics, home_page, fr_locale):
    saved_search(member, query="topic=health", language="fr")
    published("English health pilot", relations__topics=[topics["health"]])
    french = ResourceFactory(
        title="Achat innovant santé",
        slug="achat-innovant-sante",
        locale=fr_locale,
        relations__topics=[topics["health"]],
        relations__publish=True,
    )
    type(french).objects.filter(pk=french.pk).update(first_published_at=ago(hours=3))
    assert Locale.objects.filter(language_code="fr").exists()
    run_alerts()
    [message] = mail.outbox
    assert "http://testserver/fr/resources/achat-innovant-sante/" in message.body
    assert "English health pilot" not in message.body
