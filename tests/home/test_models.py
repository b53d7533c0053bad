import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.home.factories import EventPageFactory, LegalSectionPageFactory

pytestmark = pytest.mark.django_db


def test_event_times_are_stored_in_utc_from_the_event_time_zone(event_index):
    event = EventPageFactory(
        parent=event_index,
        start_date=datetime.date(2026, 7, 1),
        end_date=datetime.date(2026, 7, 1),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
        time_zone="Europe/Helsinki",
    )
    # Helsinki is UTC+3 in summer.
    assert event.starts_at == datetime.datetime(2026, 7, 1, 6, 0, tzinfo=datetime.UTC)
    assert event.ends_at == datetime.datetime(2026, 7, 1, 14, 0, tzinfo=datetime.UTC)


def test_all_day_event_spans_whole_local_days(event_index):
    event = EventPageFactory(
        parent=event_index,
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2026, 12, 2),
        end_date=datetime.date(2026, 12, 3),
        time_zone="Europe/Lisbon",
    )
    assert event.starts_at == datetime.datetime(2026, 12, 2, 0, 0, tzinfo=datetime.UTC)
    assert event.ends_at == datetime.datetime(2026, 12, 4, 0, 0, tzinfo=datetime.UTC)


def test_event_that_ends_before_it_starts_is_rejected(event_index):
    event = EventPageFactory.build(
        start_date=datetime.date(2026, 5, 2), end_date=datetime.date(2026, 5, 1)
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end_date" in error.value.message_dict


def test_timed_event_needs_times(event_index):
    event = EventPageFactory.build(start_time=None, end_time=None)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert {"start_time", "end_time"} <= set(error.value.message_dict)


def test_event_needs_a_place_or_an_online_link():
    event = EventPageFactory.build(venue="", city="", online_url="")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "venue" in error.value.message_dict


def test_legal_section_table_of_contents_follows_headings(legal_index):
    section = LegalSectionPageFactory(
        parent=legal_index,
        body=[
            ("heading", {"text": "Scope of the directive", "level": "h2"}),
            ("paragraph", "<p>Text</p>"),
            ("heading", {"text": "Thresholds & exemptions", "level": "h3"}),
        ],
    )
    assert section.table_of_contents == [
        {"anchor": "scope-of-the-directive", "text": "Scope of the directive", "level": "h2"},
        {"anchor": "thresholds-exemptions", "text": "Thresholds & exemptions", "level": "h3"},
    ]


def test_page_type_rules_keep_the_tree_tidy():
    from home import models

    assert models.NewsPage.allowed_parent_page_models() == [models.NewsIndexPage]
    assert models.EventPage.allowed_parent_page_models() == [models.EventIndexPage]
    assert models.LegalSectionPage in models.LegalSectionPage.allowed_subpage_models()
    assert models.NewsPage.allowed_subpage_models() == []


def test_reference_data_is_seeded_by_migrations():
    from home.models import Country, ProcurementType

    assert Country.objects.count() == 31
    assert Country.objects.get(code="EU").name == "European level"
    assert set(ProcurementType.objects.values_list("abbreviation", flat=True)) == {"PPI", "PCP"}
