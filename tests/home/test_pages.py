"""Every page type renders with what a visitor needs to see."""

import datetime

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from wagtail.models import Locale

from home.models import Country
from tests.cms.factories import ImageFactory
from tests.home.factories import (
    EventPageFactory,
    LegalSectionPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def assert_accessible_layout(page):
    """Landmarks, skip link and a single h1: the base layout's promises."""
    skip = page.select_one("a.skip-link")
    assert skip is not None and skip["href"] == "#main"
    assert page.select_one("main#main") is not None
    assert page.select_one("header") is not None and page.select_one("footer") is not None
    assert len(page.find_all("h1")) == 1
    assert page.html["lang"]
    for image in page.find_all("img"):
        assert image.has_attr("alt")
    for field in page.select("input:not([type=hidden]), select"):
        assert page.select_one(f"label[for='{field['id']}']") is not None


def test_home_page_shows_hero_news_events_and_entry_points(client, news_index, event_index):
    NewsPageFactory(parent=news_index, title="Helsinki buys clean buses")
    EventPageFactory(parent=event_index, title="PCP training in Vienna")
    EventPageFactory(
        parent=event_index,
        title="Old workshop",
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 1, 1),
    )
    page = soup(client.get("/"))
    assert_accessible_layout(page)
    assert page.h1.get_text(strip=True) == "Innovation procurement for Europe"
    text = page.get_text(" ")
    assert "Helsinki buys clean buses" in text
    assert "PCP training in Vienna" in text
    assert "Old workshop" not in text
    links = {a["href"] for a in page.find_all("a", href=True)}
    assert {"/news/", "/events/", "/resources/"} <= links
    teasers = [entry.h2.get_text() for entry in page.select(".entry-points .entry")]
    assert "Resource Centre" in teasers and "Procurement Forum" in teasers
    # The Forum's teaser appears because that app answers at /forum/.
    assert "/forum/" in links


def test_featured_news_comes_first_on_the_home_page(client, news_index):
    for day in range(1, 5):
        NewsPageFactory(parent=news_index, title=f"Recent {day}", date=datetime.date(2026, 5, day))
    NewsPageFactory(
        parent=news_index, title="Featured story", date=datetime.date(2025, 1, 1), featured=True
    )
    page = soup(client.get("/"))
    titles = [h.get_text(strip=True) for h in page.select(".card-title")][:3]
    assert titles == ["Featured story", "Recent 4", "Recent 3"]


def test_standard_page_renders_every_body_block(client, home_page):
    image = ImageFactory()
    page = StandardPageFactory(
        parent=home_page,
        slug="about",
        title="About us",
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", "<p>We help <b>buyers</b>.</p>"),
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "Buyers", "decorative": False},
                    "caption": "A workshop",
                },
            ),
            ("quote", {"quote": "Buy the problem.", "attribution": "A buyer"}),
            (
                "call_to_action",
                {
                    "title": "Read more",
                    "text": "",
                    "link_text": "Go",
                    "page": None,
                    "url": "/news/",
                },
            ),
            (
                "table",
                {
                    "table_caption": "Compare",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [["A", "B"], ["1", "2"]],
                },
            ),
            (
                "faq",
                {"title": "FAQ", "items": [{"question": "Is PCP legal?", "answer": "<p>Yes.</p>"}]},
            ),
            # No embed provider knows this host: the block still offers a plain link.
            (
                "video",
                {
                    "video": "https://video.example.org/pcp-intro.mp4",
                    "title": "PCP in 3 minutes",
                    "transcript": "Hello.",
                },
            ),
        ],
    )
    html = soup(client.get(page.url))
    assert_accessible_layout(html)
    assert html.select_one("h2#who-we-are").get_text() == "Who we are"
    assert html.select_one(".rich-text b").get_text() == "buyers"
    assert html.select_one("figure.figure img")["alt"] == "Buyers"
    assert html.select_one("figure.figure figcaption").get_text() == "A workshop"
    assert "Buy the problem." in html.select_one("blockquote").get_text()
    assert html.select_one(".cta a.button")["href"] == "/news/"
    assert html.select_one("table caption").get_text(strip=True) == "Compare"
    assert html.select_one("details summary").get_text() == "Is PCP legal?"
    video_link = html.select_one("figure.video figcaption a")
    assert video_link["href"] == "https://video.example.org/pcp-intro.mp4"
    assert "PCP in 3 minutes" in video_link.get_text()
    crumbs = [li.get_text(strip=True) for li in html.select("nav.breadcrumbs li")]
    assert crumbs == ["Home", "About us"]


def test_news_index_lists_items_newest_first_and_filters_by_topic(client, news_index):
    health = TopicFactory(slug="health", name="Health")
    energy = TopicFactory(slug="energy", name="Energy")
    NewsPageFactory(
        parent=news_index, title="Older", date=datetime.date(2026, 1, 1), topics=[health]
    )
    NewsPageFactory(
        parent=news_index, title="Newer", date=datetime.date(2026, 3, 1), topics=[energy]
    )
    draft = NewsPageFactory(parent=news_index, title="Draft item", topics=[health])
    draft.unpublish()

    page = soup(client.get("/news/"))
    assert_accessible_layout(page)
    titles = [h.get_text(strip=True) for h in page.select(".card-title")]
    assert titles == ["Newer", "Older"]
    assert page.select_one("link[type='application/rss+xml']")["href"] == "/news/feed/"

    filtered = soup(client.get("/news/?topic=health"))
    assert [h.get_text(strip=True) for h in filtered.select(".card-title")] == ["Older"]
    assert filtered.select_one("option[selected]")["value"] == "health"


def test_news_index_paginates(client, news_index, settings):
    settings.NEWS_PAGE_SIZE = 2
    for n in range(5):
        NewsPageFactory(parent=news_index, title=f"Item {n}", date=datetime.date(2026, 1, n + 1))
    first = soup(client.get("/news/"))
    assert len(first.select(".card")) == 2
    assert "Page 1 of 3" in first.select_one(".pagination").get_text()
    third = soup(client.get("/news/?page=3"))
    assert [h.get_text(strip=True) for h in third.select(".card-title")] == ["Item 0"]
    assert third.select_one("a[rel=prev]")["href"] == "?page=2"


def test_news_page_shows_date_topics_and_body(client, news_index):
    topic = TopicFactory(slug="ict", name="ICT")
    item = NewsPageFactory(
        parent=news_index,
        title="A new PCP call",
        date=datetime.date(2026, 4, 2),
        topics=[topic],
        body=[("paragraph", "<p>Details of the call.</p>")],
    )
    page = soup(client.get(item.url))
    assert_accessible_layout(page)
    assert page.h1.get_text() == "A new PCP call"
    assert page.select_one("time")["datetime"] == "2026-04-02"
    assert "Details of the call." in page.get_text()
    assert page.select_one(".tags a")["href"] == "/news/?topic=ict"


def test_event_index_shows_upcoming_then_archive_and_filters(client, event_index):
    today = datetime.date.today()
    EventPageFactory(
        parent=event_index, title="Soon in Brussels", start_date=today + datetime.timedelta(days=3)
    )
    EventPageFactory(
        parent=event_index,
        title="Later in Helsinki",
        start_date=today + datetime.timedelta(days=40),
        city="Helsinki",
        country=Country.objects.get(code="FI"),
        event_type="webinar",
    )
    EventPageFactory(
        parent=event_index,
        title="Last year's workshop",
        start_date=today - datetime.timedelta(days=300),
        event_type="workshop",
    )
    upcoming = soup(client.get("/events/"))
    assert_accessible_layout(upcoming)
    assert [h.get_text(strip=True) for h in upcoming.select(".card-title")] == [
        "Soon in Brussels",
        "Later in Helsinki",
    ]
    archive = soup(client.get("/events/?past=1"))
    assert [h.get_text(strip=True) for h in archive.select(".card-title")] == [
        "Last year's workshop"
    ]
    by_country = soup(client.get("/events/?country=fi"))
    assert [h.get_text(strip=True) for h in by_country.select(".card-title")] == [
        "Later in Helsinki"
    ]
    by_type = soup(client.get("/events/?type=conference"))
    assert [h.get_text(strip=True) for h in by_type.select(".card-title")] == ["Soon in Brussels"]


def test_event_page_shows_local_time_place_and_calendar_link(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Lisbon summit",
        start_date=datetime.date(2030, 6, 10),
        end_date=datetime.date(2030, 6, 10),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(13, 0),
        time_zone="Europe/Lisbon",
        venue="Harbour hall",
        city="Lisbon",
        registration_url="https://example.org/register",
    )
    page = soup(client.get(event.url))
    assert_accessible_layout(page)
    start = page.select_one(".facts time")
    # Shown in the event's own time zone (Lisbon is UTC+1 in summer), not the server's.
    assert start["datetime"] == "2030-06-10T09:30:00+01:00"
    assert "10 June 2030, 09:30" in start.get_text()
    assert "Harbour hall, Lisbon" in page.select_one(".facts").get_text()
    assert page.find("a", string="Register")["href"] == "https://example.org/register"
    assert page.find("a", string="Add to calendar (.ics)")["href"] == f"{event.url}event.ics"


def test_legal_section_has_toc_references_and_subsections(client, legal_index):
    section = LegalSectionPageFactory(
        parent=legal_index,
        title="Directive 2014/24/EU",
        body=[("heading", {"text": "Scope", "level": "h2"}), ("paragraph", "<p>Text.</p>")],
        references=[
            (
                "reference",
                {
                    "act": "Directive 2014/24/EU",
                    "article": "Article 31",
                    "celex": "32014L0024",
                    "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014L0024",
                },
            ),
        ],
    )
    LegalSectionPageFactory(parent=section, title="Innovation partnership")
    index = soup(client.get("/legal-framework/"))
    assert_accessible_layout(index)
    assert index.select_one(".section-list a").get_text() == "Directive 2014/24/EU"

    page = soup(client.get(section.url))
    assert_accessible_layout(page)
    assert page.select_one(".toc a")["href"] == "#scope"
    assert page.select_one("h2#scope") is not None
    reference = page.select_one(".legal-reference")
    assert "Article 31" in reference.get_text() and "32014L0024" in reference.get_text()
    assert "Innovation partnership" in page.select_one(".section-list").get_text()


def test_site_search_finds_pages_in_the_visitors_language(client, news_index):
    NewsPageFactory(parent=news_index, title="Pre-commercial procurement of drones")
    NewsPageFactory(parent=news_index, title="Unrelated story")
    page = soup(client.get("/search/?q=drones"))
    results = [a.get_text() for a in page.select(".search-results a")]
    assert results == ["Pre-commercial procurement of drones"]
    empty = soup(client.get("/search/"))
    assert empty.select_one(".search-results") is None


def test_language_switcher_links_translations(client, news_index):
    french = Locale.objects.create(language_code="fr")
    home = news_index.get_parent().specific
    home_fr = home.copy_for_translation(french)
    home_fr.title = "Accueil"
    home_fr.save_revision().publish()
    index_fr = news_index.copy_for_translation(french)
    index_fr.title = "Actualités"
    index_fr.save_revision().publish()

    english = soup(client.get("/news/"))
    links = {a["hreflang"]: a["href"] for a in english.select(".language-switcher a")}
    assert links == {"fr": "/fr/news/"}
    french_page = soup(client.get("/fr/news/"))
    assert french_page.html["lang"] == "fr"
    assert french_page.h1.get_text(strip=True) == "Actualités"
    assert {a["hreflang"]: a["href"] for a in french_page.select(".language-switcher a")} == {
        "en": "/news/"
    }


def test_unknown_page_is_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_error_pages_speak_the_visitors_language(client, home_page, rf):
    from django.utils import translation
    from django.views.defaults import server_error

    assert "Seite nicht gefunden" in client.get("/de/no-such-page/").content.decode()
    # What Django's handler renders when a view fails, in the request's language.
    with translation.override("fr"):
        page = server_error(rf.get("/fr/news/")).content.decode()
    assert '<html lang="fr">' in page and "Une erreur s’est produite" in page  # noqa: RUF001


def test_sitemap_and_robots(client, news_index):
    item = NewsPageFactory(parent=news_index, title="Listed")
    draft = NewsPageFactory(parent=news_index, title="Hidden draft")
    draft.unpublish()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {loc.text for loc in ElementTree.fromstring(sitemap.content).iter(f"{namespace}loc")}
    assert f"http://testserver{item.url}" in locs
    assert not any(draft.slug in loc for loc in locs)
    robots = client.get("/robots.txt")
    assert robots["Content-Type"] == "text/plain"
    assert "Disallow: /admin/" in robots.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
