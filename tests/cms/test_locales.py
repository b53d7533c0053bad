"""Every surface finds the Locale a language code names one way
(cms/locales.py), and each process keeps what it found until a Locale changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def resources_in(client, language_code):
    return client.get("/api/v3/resources/", {"locale": language_code})


def test_a_locale_added_by_an_editor_is_answered_at_once(client, home_page, committed):
    refused = resources_in(client, "de")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["loc"] == ["query", "locale"]

    with committed():
        Locale.objects.create(language_code="de")
    assert resources_in(client, "de").status_code == 200


def test_a_deleted_locale_is_refused_at_once(client, home_page, committed):
    german = Locale.objects.create(language_code="de")
    assert resources_in(client, "de").status_code == 200

    with committed():
        german.delete()
    assert resources_in(client, "de").status_code == 400


def test_the_locale_is_looked_up_once_not_once_per_answer(client, home_page, fr_locale):
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            for language_code in ("en", "fr"):
                assert resources_in(client, language_code).status_code == 200
    looked_up = [
        query for query in queries.captured_queries if '"wagtailcore_locale"' in query["sql"]
    ]
    assert len(looked_up) == 1
