"""A visitor's Resource Centre search finds nothing; the page says what would
find something, and its links do (search/zero_results.py)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def result_count(page):
    return int(page.locator("#results-heading").inner_text().split()[0])


# Accessible names: Chromium puts a space before the comma of the hidden
# ", " (a positioned element); screen readers read it as a pause all the same.


def suggested_count(link):
    return int(re.search(r"(\d+) resources?$", link.inner_text()).group(1))


def test_visitor_follows_a_filter_drop_and_a_spelling_correction(server_url, page, screenshot):
    # The demo's filters agree one by one, but no resource has all of them.
    page.goto(server_url + "/resources/?q=innovation&type=link&country=ES&year=2024")
    assert result_count(page) == 0
    help = page.get_by_role("status").filter(has_text="No resources match")
    expect(help).to_be_visible()
    drops = help.locator(".filter-drops a")
    assert drops.count() >= 2
    screenshot("15-resources-zero-results-drops")
    country = help.get_by_role(
        "link", name=re.compile(r"^Remove Country: Spain ?, \d+ resources?$")
    )
    expected = suggested_count(country)
    country.click()
    assert result_count(page) == expected > 0
    expect(page.locator(".chips .chip")).to_have_count(2)  # the rest kept
    assert "q=innovation" in page.url

    page.goto(server_url + "/resources/?q=strtegy&type=policy")
    assert result_count(page) == 0
    correction = page.get_by_role(
        "link", name=re.compile(r"^Search for strategy ?, \d+ resources?$")
    )
    expect(correction).to_be_visible()
    expect(page.locator(".spelling")).to_contain_text("Did you mean:")
    expect(page.locator(".spelling strong")).to_have_text("strategy")
    screenshot("16-resources-zero-results-spelling")
    expected = suggested_count(correction)
    correction.click()
    assert result_count(page) == expected > 0
    expect(page.locator("#resource-q")).to_have_value("strategy")
    expect(page.locator(".chips .chip")).to_have_count(1)


def test_the_help_fits_a_phone(server_url, browser, screenshot):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    phone = context.new_page()
    phone.goto(server_url + "/resources/?q=innovation&type=link&country=ES&year=2024")
    expect(phone.locator(".zero-results .filter-drops a").first).to_be_visible()
    screenshot("17-resources-zero-results-drops-phone", target=phone)
    phone.goto(server_url + "/resources/?q=strtegy&type=policy")
    expect(phone.locator(".zero-results .spelling a")).to_be_visible()
    screenshot("18-resources-zero-results-spelling-phone", target=phone)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
