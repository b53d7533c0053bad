"""A visitor narrows the Resource Centre with facets in Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def result_count(page):
    return int(page.locator("#results-heading").inner_text().split()[0])


def facet_count(page, name, value):
    label = page.locator(f".facet input[name={name}][value='{value}']").locator("xpath=..")
    return int(re.search(r"\((\d+)\)", label.inner_text()).group(1))


def test_visitor_ticks_facets_removes_a_chip_and_pages(server_url, page, screenshot):
    page.goto(server_url + "/resources/")
    expect(page.locator("h1")).to_have_text("Resource Centre")
    everything = result_count(page)
    assert everything >= 200
    # The embedded default answers from the database, with no engine to miss.
    expect(page.locator("p.notice")).to_have_count(0)
    screenshot("10-resources")

    health = facet_count(page, "topic", "health")
    page.locator(".facet input[name=topic][value=health]").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"topic=health"))
    assert result_count(page) == health < everything

    policy = facet_count(page, "type", "policy")
    page.locator(".facet input[name=type][value=policy]").check()
    page.get_by_role("button", name="Apply filters").click()
    assert result_count(page) == policy < health
    # Disjunctive counts: another topic still says how many it would add.
    assert facet_count(page, "topic", "energy") > 0
    expect(page.locator(".chips .chip")).to_have_count(2)
    screenshot("11-resources-two-facets")

    page.locator(".chips .chip", has_text="Policy").click()
    expect(page.locator(".chips .chip")).to_have_count(1)
    assert result_count(page) == health

    page.get_by_role("link", name="Clear all filters").click()
    assert result_count(page) == everything
    page.get_by_role("link", name="Next").click()
    expect(page.get_by_role("navigation", name="Pagination")).to_contain_text("Page 2 of")
    first = page.locator(".resource-card .card-title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    screenshot("12-resource")
