"""The demo editor keeps the search synonyms in the admin (Settings > Search
synonyms), and the Resource Centre finds by them at once (the demo runs on the
database search)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_editor import sign_in_to_admin

pytestmark = pytest.mark.browser


def test_the_editor_adds_a_line_and_the_resource_centre_finds_by_it(server_url, page, screenshot):
    page.goto(server_url + "/resources/?q=renewables")
    expect(page.locator("main")).to_contain_text("No resources")

    sign_in_to_admin(page, server_url)
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Search synonyms").click()
    box = page.get_by_role("textbox", name="Synonyms and acronyms")
    expect(box).to_have_value(re.compile("^PCP, pre-commercial procurement,"))
    screenshot("admin-search-synonyms")

    text = box.input_value()
    box.fill(text + "\nrenewables\n")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".error-message")).to_contain_text(
        "Line 22: a line needs at least two different terms"
    )
    expect(box).to_have_value(text + "\nrenewables\n")  # kept, to be corrected
    screenshot("admin-search-synonyms-error")

    box.fill(text + "\nrenewables, energy\n")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")

    page.goto(server_url + "/resources/?q=renewables")
    expect(page.locator("main")).not_to_contain_text("No resources")
    expect(page.locator("main")).to_contain_text("energy")
    screenshot("resources-found-by-a-synonym")
