"""A member saves a Resource Centre search in Chromium without JavaScript (the
save form's fields sit among the results and belong to a form of their own)
and finds it on their account page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_forum import sign_in

pytestmark = pytest.mark.browser


def test_a_member_saves_a_search_without_javascript_and_manages_it(server_url, browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", java_script_enabled=False
    )
    page = context.new_page()
    sign_in(page, server_url, "bob")
    page.goto(server_url + "/resources/?q=procurement&topic=health")
    page.get_by_text("Save this search").click()
    page.get_by_label("Name").fill("Health procurement")
    page.get_by_label("Email me new resources").select_option("daily")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "60-resources-save-search.png"))
    page.get_by_role("button", name="Save search").click()

    expect(page).to_have_url(re.compile(r"/resources/\?q=procurement&topic=health$"))
    expect(page.locator(".messages")).to_contain_text("Search saved as “Health procurement”")
    page.get_by_text("Save this search").click()
    page.get_by_role("link", name="Your saved searches").click()
    saved = page.locator(".saved-search").filter(has_text="Health procurement")
    expect(saved).to_contain_text("“procurement” · Topic: Health and social care")
    expect(saved.get_by_label("Email")).to_have_value("daily")
    page.screenshot(path=str(SCREENSHOTS / "61-saved-searches.png"), full_page=True)

    saved.get_by_label("Email").select_option("weekly")
    saved.get_by_role("button", name="Save changes").click()
    expect(page.locator(".messages")).to_contain_text("“Health procurement” is saved.")
    expect(saved.get_by_label("Email")).to_have_value("weekly")
    saved.get_by_role("button", name="Delete Health procurement").click()
    expect(page.locator(".messages")).to_contain_text("is deleted")
    expect(page.locator(".saved-search")).to_have_count(0)
    context.close()
