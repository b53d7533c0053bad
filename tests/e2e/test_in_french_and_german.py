"""The Resource Centre in German and French in Chromium: its words, its longer
words kept inside the filter column, and the language switcher keeping the
search when the visitor changes language."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def right_edge(locator):
    box = locator.bounding_box()
    return box["x"] + box["width"]


def test_a_german_visitor_filters_and_switches_to_french(server_url, page, screenshot):
    page.goto(server_url + "/de/resources/?year_from=2016&year_to=2023")
    expect(page.locator("h1")).to_have_text("Ressourcenzentrum")
    expect(page.locator(".chips .chip", has_text="Erscheinungsjahr: 2016 bis 2023")).to_be_visible()
    page.get_by_label("Land suchen").press_sequentially("zz")
    expect(page.locator("#facet-country .facet-none")).to_have_text("Kein Land passt.")
    page.get_by_text("Anzahl pro Jahr", exact=True).click()
    expect(page.get_by_role("columnheader", name="Im Zeitraum")).to_be_visible()
    # The counts, with the German headers, stay in the filter column: the
    # panel does not grow over the results.
    results = page.locator("section.results").bounding_box()["x"]
    assert right_edge(page.locator("#facet-year")) <= results
    counts = page.locator("#facet-year .histogram-counts")
    assert counts.evaluate("details => details.scrollWidth <= details.clientWidth")
    screenshot("70-resources-german-filters")

    # Français: the same search, in French.
    page.get_by_role("link", name="FR", exact=True).click()
    expect(page).to_have_url(re.compile(r"/fr/resources/\?year_from=2016&year_to=2023$"))
    expect(page.locator("h1")).to_have_text("Centre de ressources")
    expect(page.get_by_role("button", name="Appliquer les années")).to_be_visible()
    expect(page.locator(".language-switcher [aria-current]")).to_have_text("FR")


def test_a_french_search_that_finds_nothing_suggests_in_french(server_url, page, screenshot):
    page.goto(server_url + "/fr/resources/?q=partenarat&country=FR")
    help = page.locator(".zero-results")
    expect(help).to_contain_text("Aucune ressource ne correspond. Vous pourriez essayer")
    expect(help.locator(".filter-drops")).to_contain_text("Rechercher sans les mots « partenarat »")
    screenshot("71-resources-french-zero-results")
