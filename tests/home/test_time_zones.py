"""The event's time zone list: curated from tzdata's zone.tab, Europe first."""

import zoneinfo

from bs4 import BeautifulSoup

from home.models import EventPage
from home.time_zones import time_zone_choices
from tests.home.test_admin import add_url, client_for, edit_url, event_form_data, form_errors


def test_european_zones_come_first_labelled_by_country_and_city():
    (europe_label, europe), (world_label, world) = time_zone_choices()
    assert (str(europe_label), str(world_label)) == ("Europe", "Rest of the world")
    europe = dict(europe)
    assert europe["Europe/Helsinki"] == "Finland — Helsinki, EET/EEST"
    assert europe["Europe/Brussels"] == "Belgium — Brussels, CET/CEST"
    # EU and EEA zones outside "Europe/" are European too.
    assert europe["Atlantic/Canary"] == "Spain — Canary (Canary Islands), WET/WEST"
    assert {"Asia/Nicosia", "Atlantic/Azores", "Atlantic/Reykjavik"} <= europe.keys()
    assert "America/New_York" in dict(world) and "UTC" in dict(world)


def test_every_zone_is_offered_once_and_no_backward_compatibility_link():
    values = [zone for _group, choices in time_zone_choices() for zone, _label in choices]
    assert len(values) == len(set(values))
    assert set(values) <= zoneinfo.available_timezones()
    assert not {"Africa/Asmera", "Europe/Kiev", "US/Eastern", "GB", "Etc/GMT+5"} & set(values)


def selected_zone(response):
    select = BeautifulSoup(response.content, "html.parser").find("select", id="id_time_zone")
    return [option["value"] for option in select.find_all("option", selected=True)]


def test_event_saved_with_a_legacy_zone_name_keeps_it_in_the_editor(editor, event_index):
    client = client_for(editor)
    response = client.post(
        add_url(EventPage, event_index), event_form_data(time_zone="Europe/Kiev")
    )
    assert response.status_code == 302, form_errors(response)
    event = EventPage.objects.get(slug="pcp-launch-workshop")

    response = client.get(edit_url(event))
    # Still selected, not silently replaced by the first zone of the list.
    assert selected_zone(response) == ["Europe/Kiev"]
    response = client.post(edit_url(event), event_form_data(time_zone="Europe/Kiev"))
    assert response.status_code == 302, form_errors(response)


def test_edit_form_selects_the_event_zone_from_the_grouped_list(editor, event_index):
    client = client_for(editor)
    response = client.post(
        add_url(EventPage, event_index), event_form_data(time_zone="Europe/Helsinki")
    )
    assert response.status_code == 302, form_errors(response)
    response = client.get(edit_url(EventPage.objects.get(slug="pcp-launch-workshop")))
    assert selected_zone(response) == ["Europe/Helsinki"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_time_zone optgroup")["label"] == "Europe"


def test_unknown_zone_is_refused_with_a_field_error(editor, event_index):
    response = client_for(editor).post(
        add_url(EventPage, event_index), event_form_data(time_zone="Mars/Olympus")
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert not EventPage.objects.exists()
