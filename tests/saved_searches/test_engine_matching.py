"""On the engine, an alert and a feed find what the Resource Centre page finds
(the engine answers them, not the database fallback)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from saved_searches.matching import latest_matches, new_matches
from tests.saved_searches.conftest import ago, published, saved_search
from tests.search.conftest import engine_index  # noqa: F401 (a fixture these tests use)

pytestmark = pytest.mark.django_db


def test_alerts_and_feeds_match_on_the_engine_as_the_page_does(
    client,
    member,
    topics,
    home_page,
    engine_index,  # noqa: F811
):
    saved = saved_search(member, query="q=pilot&topic=health", name="Health pilots")
    published("Health pilot in Finland", relations__topics=[topics["health"]])
    published("Health plan", relations__topics=[topics["health"]])
    published("Energy pilot", relations__topics=[topics["energy"]])
    published("Older health pilot", hours_ago=72, relations__topics=[topics["health"]])
    engine_index.index_all()

    with translation.override("en"):
        new = new_matches(saved, saved.alerted_until, ago(minutes=5))
        latest = latest_matches(saved)
    assert new.backend in ("opensearch", "elasticsearch") and not new.notice
    assert [item.title for item in new.items] == ["Health pilot in Finland"]
    assert {item.title for item in latest.items} == {
        "Health pilot in Finland",
        "Older health pilot",
    }
    page = client.get("/resources/?q=pilot&topic=health")
    assert page.context["results"].total == latest.total == 2

    call_command("send_saved_search_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [message] = mail.outbox
    assert "Health pilot in Finland" in message.body and "Older" not in message.body
