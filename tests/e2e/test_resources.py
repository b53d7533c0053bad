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

    # Beside the results the filters are always shown, and a ticked box
    # applies at once (static/js/resource-filters.js).
    expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
    health = facet_count(page, "topic", "health")
    page.locator(".facet input[name=topic][value=health]").click()
    expect(page).to_have_url(re.compile(r"topic=health"))
    assert result_count(page) == health < everything

    policy = facet_count(page, "type", "policy")
    page.locator(".facet input[name=type][value=policy]").click()
    expect(page).to_have_url(re.compile(r"type=policy"))
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


PHONE = {"width": 390, "height": 844}


def test_phone_shows_results_first_and_a_ticked_filter_applies_at_once(
    server_url, browser, screenshot
):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    phone = context.new_page()
    blocked = []  # the script is a static file: the CSP forbids inline ones
    phone.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    phone.goto(server_url + "/resources/")
    everything = result_count(phone)
    assert phone.locator(".resource-card").first.bounding_box()["y"] < 700
    filters = phone.locator("details.filters-panel > summary")
    expect(filters).to_have_text("Filters")
    expect(phone.locator(".facet").first).to_be_hidden()
    screenshot("13-resources-phone", target=phone)

    filters.click()
    expect(phone.locator(".facet").first).to_be_visible()
    expect(phone.get_by_role("button", name="Apply filters")).to_be_hidden()
    health = facet_count(phone, "topic", "health")
    box = phone.locator(".facet input[name=topic][value=health]")
    box.click()
    expect(phone).to_have_url(re.compile(r"topic=health"))
    assert result_count(phone) == health < everything
    # Back where they were: the panel open, the ticked box focused, the count said.
    expect(box).to_be_focused()
    expect(box).to_be_checked()
    expect(filters).to_have_text("Filters (1 selected)")
    screenshot("14-resources-phone-filters-open", target=phone)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
    assert not blocked, blocked


def test_phone_without_javascript_applies_filters_with_the_button(server_url, browser, screenshot):
    context = browser.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    phone = context.new_page()
    phone.goto(server_url + "/resources/")
    everything = result_count(phone)
    assert phone.locator(".resource-card").first.bounding_box()["y"] < 700

    phone.locator("details.filters-panel > summary").click()
    energy = facet_count(phone, "topic", "energy")
    phone.locator(".facet input[name=topic][value=energy]").check()
    expect(phone).to_have_url(re.compile(r"/resources/$"))  # nothing until the button
    phone.get_by_role("button", name="Apply filters").click()
    expect(phone).to_have_url(re.compile(r"topic=energy"))
    assert result_count(phone) == energy < everything
    expect(phone.locator("details.filters-panel > summary")).to_have_text("Filters (1 selected)")
    screenshot("15-resources-phone-no-javascript", target=phone)
    context.close()


def visible_values(page, name):
    return page.locator(f"#facet-{name} li:visible input").evaluate_all(
        "boxes => boxes.map(box => box.value)"
    )


def test_visitor_finds_a_country_in_its_list_and_narrows_the_years(server_url, page, screenshot):
    page.goto(server_url + "/resources/?topic=health")
    # A long list shows its first values and a link to the rest.
    assert len(visible_values(page, "country")) == 10
    page.locator("#facet-country").get_by_role(
        "link", name=re.compile(r"Show all \d+ values")
    ).click()
    assert len(visible_values(page, "country")) > 10
    expect(page).to_have_url(re.compile(r"/resources/\?topic=health$"))  # opened in place

    # Typing narrows the list at once, with no request: values whose code or a
    # word of whose name begins with the letters.
    box = page.get_by_label("Find a country")
    box.press_sequentially("fi")
    assert visible_values(page, "country") == ["FI"]
    box.fill("zz")
    expect(page.locator("#facet-country .facet-none")).to_be_visible()
    box.fill("")
    box.press_sequentially("fin")
    assert visible_values(page, "country") == ["FI"]
    screenshot("16-resources-facet-filter-box")
    page.locator("#facet-country input[value=FI]").click()
    expect(page).to_have_url(re.compile(r"country=FI"))
    expect(page.locator("#facet-country input[value=FI]")).to_be_checked()

    # The year as a range: the histogram's bars in it are filled, the result
    # count is the sum of their counts.
    page.goto(server_url + "/resources/")
    bars = page.locator(".histogram rect")
    counts = {
        int(year): int(count)
        for year, count in (
            title.split(": ") for title in page.locator(".histogram rect title").all_text_contents()
        )
    }
    assert bars.count() == len(counts) > 1
    years = sorted(counts)
    lowest, highest = years[1], years[-2]
    page.get_by_label("From", exact=True).fill(str(lowest))
    page.get_by_label("To", exact=True).fill(str(highest))
    page.get_by_role("button", name="Apply years").click()
    expect(page).to_have_url(re.compile(rf"year_from={lowest}&year_to={highest}"))
    assert result_count(page) == sum(counts[year] for year in years[1:-1])
    expect(page.locator(".histogram rect.in-range")).to_have_count(len(years) - 2)
    expect(page.locator(".chips .chip", has_text=f"{lowest} to {highest}")).to_be_visible()
    page.get_by_text("Counts per year", exact=True).click()
    screenshot("17-resources-year-range")

    # A year the wrong way round is said beside its field, nothing typed is lost.
    page.get_by_label("From", exact=True).fill(str(highest))
    page.get_by_label("To", exact=True).fill(str(lowest))
    page.get_by_role("button", name="Apply years").click()
    expect(page.locator("#year_from-error")).to_have_text("“From” must not be after “to”.")
    expect(page.get_by_label("From", exact=True)).to_have_value(str(highest))
    expect(page.get_by_label("From", exact=True)).to_have_attribute("aria-invalid", "true")
    screenshot("18-resources-year-error")


def test_phone_filters_a_long_list_and_sees_the_year_histogram(server_url, browser, screenshot):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    phone = context.new_page()
    phone.goto(server_url + "/resources/?year_from=2018")
    phone.locator("details.filters-panel > summary").click()
    first = phone.locator("#facet-language li .facet-label").first.inner_text()
    typed = first[:3].lower()
    phone.get_by_label("Find a language").press_sequentially(typed)
    shown = phone.locator("#facet-language li:visible .facet-label").all_inner_texts()
    assert first in shown
    assert all(any(word.lower().startswith(typed) for word in label.split()) for label in shown)
    expect(phone.locator(".histogram svg")).to_be_visible()
    phone.locator("#facet-language").scroll_into_view_if_needed()
    screenshot("19-resources-phone-filter-box-and-years", target=phone)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_without_javascript_the_filter_box_and_show_all_work_by_request(server_url, browser):
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    page.goto(server_url + "/resources/?topic=health")
    page.locator("#facet-country").get_by_role("link", name=re.compile(r"Show all")).click()
    expect(page).to_have_url(re.compile(r"show_all=country"))
    assert len(visible_values(page, "country")) > 10
    page.get_by_label("Find a country").fill("fi")
    page.locator("#facet-country").get_by_role("button", name="Find").click()
    expect(page).to_have_url(re.compile(r"country_q=fi"))
    assert visible_values(page, "country") == ["FI"]
    expect(page.locator(".facet input[name=topic][value=health]")).to_be_checked()
    context.close()
