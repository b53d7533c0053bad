"""A visitor walks home -> news -> an article -> events -> an event in Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_reads_news_and_finds_an_event(server_url, page, screenshot):
    page.goto(server_url + "/")
    expect(page.locator("h1")).to_have_text(re.compile("public buyers", re.I))
    expect(page.get_by_role("heading", name="Latest news")).to_be_visible()
    expect(page.get_by_role("link", name="Skip to main content")).to_be_attached()
    screenshot("01-home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    expect(page).to_have_url(server_url + "/news/")
    expect(page.locator("h1")).to_have_text("News")
    cards = page.locator(".card-title a")
    expect(cards.first).to_be_visible()
    assert cards.count() == 10  # one page of the 24 demo items
    expect(page.get_by_role("navigation", name="Pagination")).to_contain_text("Page 1 of 3")
    screenshot("02-news-index")

    page.get_by_label("Topic", exact=True).select_option("health")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/news/\?topic=health$"))
    filtered_title = page.locator(".card-title a").first.inner_text()

    title = filtered_title
    page.locator(".card-title a").first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("article time").first).to_be_visible()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("News")
    screenshot("03-news-article")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page.locator("h1")).to_have_text("Events")
    first_event = page.locator(".event-card").first
    expect(first_event).to_be_visible()
    event_title = first_event.locator(".card-title a").inner_text()
    screenshot("04-events-index")

    first_event.locator(".card-title a").click()
    expect(page.locator("h1")).to_have_text(event_title)
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("When")
    expect(facts).to_contain_text("Where")
    calendar_link = page.get_by_role("link", name="Add to calendar (.ics)")
    expect(calendar_link).to_have_attribute("href", re.compile(r"/event\.ics$"))
    screenshot("05-event")

    response = page.request.get(server_url + calendar_link.get_attribute("href"))
    assert response.status == 200
    assert "BEGIN:VEVENT" in response.text() and event_title.split()[0] in response.text()


def test_keyboard_user_can_skip_to_content_and_sees_focus(server_url, page, screenshot):
    page.goto(server_url + "/events/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    screenshot("06-skip-link-focus")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))


def test_small_screen_layout_has_no_horizontal_scroll(server_url, browser, screenshot):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    phone = context.new_page()
    for path in ("/", "/news/", "/legal-framework/directive-2014-24-eu/"):
        phone.goto(server_url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
    screenshot("07-phone-legal-section", target=phone)
    context.close()
