"""The demo editor fills in an event's time zone, dates and times in Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PICKER = ".xdsoft_datetimepicker:visible"


def open_event_editor(server_url, page):
    page.goto(server_url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "procure-demo")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    # A demo event in Helsinki time.
    page.goto(server_url + "/events/outcome-based-specifications-workshop-helsinki/")
    edit = page.locator("[data-wagtail-userbar] a[href*='/edit/']").first.get_attribute("href")
    page_id = re.search(r"/admin/pages/(\d+)/edit/", edit).group(1)
    page.goto(f"{server_url}/admin/pages/{page_id}/edit/")
    expect(page.locator("#id_start_date")).to_be_visible()


def top_element_id(page, selector):
    """The id of what a click in the middle of `selector` would land on."""
    box = page.locator(selector).bounding_box()
    return page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).id",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )


def test_date_pickers_close_on_escape_and_leave_zone_and_all_day_clickable(
    server_url, page, screenshot
):
    open_event_editor(server_url, page)

    page.click("#id_start_date")
    expect(page.locator(PICKER)).to_have_count(1)
    page.keyboard.press("Control+a")
    page.keyboard.type("2030-05-04")
    page.keyboard.press("Escape")
    expect(page.locator(PICKER)).to_have_count(0)
    expect(page.locator("#id_start_date")).to_have_value("2030-05-04")

    page.click("#id_start_time")
    expect(page.locator(PICKER)).to_have_count(1)
    page.keyboard.press("Escape")
    expect(page.locator(PICKER)).to_have_count(0)

    # Picking a day closes the calendar; then one calendar is open, the end
    # date's, which even at the bottom of the window opens below its field and
    # leaves the zone and the all-day switch uncovered.
    page.click("#id_start_date")
    expect(page.locator(PICKER)).to_have_count(1)
    page.locator(PICKER).locator("td[data-date='8'][data-month='4']").click()
    expect(page.locator(PICKER)).to_have_count(0)
    expect(page.locator("#id_start_date")).to_have_value("2030-05-08")
    page.evaluate(
        "() => window.scrollBy(0, document.querySelector('#id_end_date')"
        ".getBoundingClientRect().bottom - window.innerHeight + 10)"
    )
    page.click("#id_end_date")
    expect(page.locator(PICKER)).to_have_count(1)
    for field in ("id_all_day", "id_time_zone", "id_start_date", "id_start_time"):
        assert top_element_id(page, f"#{field}") == field
    end = page.locator("#id_end_date").bounding_box()
    assert page.locator(PICKER).bounding_box()["y"] >= end["y"] + end["height"] - 2
    screenshot("30-event-editor-end-date-picker")
    page.keyboard.press("Escape")
    expect(page.locator(PICKER)).to_have_count(0)


def test_time_zone_list_puts_europe_first_and_finds_helsinki(server_url, page, screenshot):
    open_event_editor(server_url, page)
    zone = page.locator("#id_time_zone")
    expect(zone).to_have_value("Europe/Helsinki")
    groups = zone.locator("optgroup")
    expect(groups.first).to_have_attribute("label", "Europe")
    expect(groups.first.locator("option[value='Europe/Helsinki']")).to_have_text(
        "Finland — Helsinki, EET/EEST"
    )
    # Backward-compatibility links are not offered.
    for alias in ("Africa/Asmera", "Europe/Kiev", "US/Eastern", "GB"):
        expect(zone.locator(f"option[value='{alias}']")).to_have_count(0)

    search = page.get_by_label("Search time zones (country or city)")
    search.fill("lisbon")
    expect(zone).to_have_value("Europe/Lisbon")
    expect(zone.locator("option:not([hidden])")).to_have_count(1)
    search.fill("helsinki")
    expect(zone).to_have_value("Europe/Helsinki")
    search.press("Enter")  # takes the match; does not submit the page
    expect(zone).to_be_focused()
    screenshot("31-event-editor-time-zone-search")

    search.fill("portugal")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    page.reload()
    expect(page.locator("#id_time_zone")).to_have_value("Atlantic/Azores")
