"""WCAG 2.2 A and AA, checked by axe-core in Chromium on every kind of screen
the platform's own templates and fields make: the public page types, the
Resource Centre with filters, the Forum as a member, the accounts pages, and
the admin's edit forms of our page types and of a resource.

axe-core comes bundled in axe-playwright-python (pinned in
requirements-dev.txt), so nothing is downloaded when the tests run. One
browser and the e2e demo server serve every check; each role signs in once.

The admin is Wagtail's: there axe looks only inside the panels of the edit
form (ADMIN_FORM_FIELDS), where our fields and StreamField blocks are, and
leaves Wagtail's header, side panels and menus to Wagtail. Within the panels,
KNOWN_UPSTREAM lists what Wagtail's own widgets do wrong on every field of
their kind, whoever declares it."""

import json
import re
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_A_AA}, "resultTypes": ["violations"]}

# The contents of the edit form's panels: our fields and blocks, with their
# labels and help texts (pages: #page-edit-form; snippets: #w-editor-form).
ADMIN_FORM_FIELDS = "#page-edit-form .w-panel__content, #w-editor-form .w-panel__content"

# (axe rule, a class on the element) -> why it is Wagtail's to fix, not ours.
KNOWN_UPSTREAM = {
    ("aria-input-field-name", "public-DraftEditor-content"): (
        "Wagtail's Draftail editor gives its contenteditable role=textbox no accessible name "
        "(no aria-label or aria-labelledby), on every rich text field and block"
    ),
    ("label", "ui-autocomplete-input"): (
        "Wagtail's tag widget (jQuery tag-it) types into an input it adds itself; the field's "
        "label points at the hidden input that holds the tags"
    ),
}

PRIVATE_GROUP = "/forum/pcp-emergency-dispatch/"
DISCUSSION_TITLE = "Phase 2 evaluation schedule"

PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "home.NewsIndexPage",
    "home.NewsPage",
    "home.EventIndexPage",
    "home.EventPage",
    "home.LegalFrameworkIndexPage",
    "home.LegalSectionPage",
]


def api(server_url, path):
    with urllib.request.urlopen(server_url + path, timeout=30) as response:
        return json.load(response)


def first_page(server_url, page_type):
    """The id and path of the first live page of `page_type` (API v2)."""
    item = api(server_url, f"/api/v2/pages/?type={page_type}&limit=1")["items"][0]
    return item["id"], re.sub(r"^https?://[^/]+", "", item["meta"]["html_url"])


def first_resource(server_url):
    item = api(server_url, "/api/v3/resources/?limit=1")["items"][0]
    return item["id"], re.sub(r"^https?://[^/]+", "", item["html_url"])


def public_page_of(page_type):
    return lambda page, url: page.goto(url + first_page(url, page_type)[1])


def goto(path):
    return lambda page, url: page.goto(url + path)


def filtered_resources(page, url):
    """The Resource Centre with a type and a country ticked (from the first
    of each that the page offers), as a visitor's filter leaves it."""
    page.goto(url + "/resources/")
    chosen = {
        name: page.locator(f"input[name={name}]").first.get_attribute("value")
        for name in ("type", "country")
    }
    page.goto(url + "/resources/?" + "&".join(f"{k}={v}" for k, v in chosen.items()))
    assert page.locator("input[name=type]:checked, input[name=country]:checked").count() == 2


def discussion(page, url):
    page.goto(url + PRIVATE_GROUP)
    page.get_by_role("link", name=DISCUSSION_TITLE).click()
    page.wait_for_load_state()


def reply_in_place(page, url):
    discussion(page, url)
    page.locator("a.reply-link").first.click()
    page.locator(".inline-reply textarea").wait_for()


def reply_page(page, url):
    discussion(page, url)
    page.goto(url + page.locator("a.reply-link").first.get_attribute("href"))


def admin_edit_page(page_type):
    return lambda page, url: page.goto(f"{url}/admin/pages/{first_page(url, page_type)[0]}/edit/")


def admin_edit_resource(page, url):
    page.goto(f"{url}/admin/snippets/resources/resource/edit/{first_resource(url)[0]}/")


def save_search_box(page, url):
    page.goto(url + "/resources/?q=procurement&topic=health")
    page.locator("details.save-search > summary").click()


def saved_searches(page, url):
    save_search_box(page, url)
    page.get_by_role("button", name="Save search").click()
    page.locator(".messages").wait_for()
    page.goto(url + "/members/me/searches/")


# (role, what is checked, how to get there)
SCREENS = [
    ("visitor", "home", goto("/")),
    ("visitor", "news-index", goto("/news/")),
    ("visitor", "news-item", public_page_of("home.NewsPage")),
    ("visitor", "events-index", goto("/events/")),
    ("visitor", "event", public_page_of("home.EventPage")),
    ("visitor", "legal-framework-index", goto("/legal-framework/")),
    ("visitor", "legal-framework-section", public_page_of("home.LegalSectionPage")),
    ("visitor", "standard-page", public_page_of("home.StandardPage")),
    ("visitor", "search-results", goto("/search/?q=procurement")),
    ("visitor", "not-found", goto("/no-such-page/")),
    ("visitor", "resources-filtered", filtered_resources),
    (
        "visitor",
        "resources-facet-search-and-years",
        goto("/resources/?country_q=f&year_from=2018&year_to=2022&show_all=language"),
    ),
    ("visitor", "resources-year-error", goto("/resources/?year_from=2030&year_to=2020")),
    ("visitor", "resource", lambda page, url: page.goto(url + first_resource(url)[1])),
    ("visitor", "login", goto("/accounts/login/")),
    ("visitor", "signup", goto("/accounts/signup/")),
    ("member", "forum-groups", goto("/forum/")),
    ("member", "forum-group", goto(PRIVATE_GROUP)),
    ("member", "forum-discussion", discussion),
    ("member", "forum-reply-in-place", reply_in_place),
    ("member", "forum-reply-page", reply_page),
    ("member", "forum-new-discussion", goto(PRIVATE_GROUP + "new/")),
    ("member", "resources-save-search", save_search_box),
    ("member", "saved-searches", saved_searches),
    *(
        ("admin", f"admin-edit-{page_type.split('.')[1]}", admin_edit_page(page_type))
        for page_type in PAGE_TYPES
    ),
    ("admin", "admin-edit-resource", admin_edit_resource),
]


def sign_in_member(page, url):
    page.goto(url + "/accounts/login/")
    page.get_by_label(re.compile("Username or email", re.I)).fill("alice")
    page.get_by_label("Password").fill("procure-demo")
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("navigation", name="Your account").get_by_text("alice").wait_for()


def sign_in_admin(page, url):
    page.goto(url + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "procure-demo")
    page.locator("button[type=submit]").click()
    page.wait_for_url(url + "/admin/")


@pytest.fixture(scope="module")
def pages_by_role(browser, server_url):
    """One tab per role, signed in once for the whole module."""
    contexts, pages = [], {}
    for role, sign_in in (("visitor", None), ("member", sign_in_member), ("admin", sign_in_admin)):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        contexts.append(context)
        pages[role] = context.new_page()
        if sign_in:
            sign_in(pages[role], server_url)
    yield pages
    for context in contexts:
        context.close()


def upstream_reason(rule, node):
    return next(
        (why for (known, css), why in KNOWN_UPSTREAM.items() if known == rule and css in node),
        None,
    )


def violations(page, admin=False):
    """axe's WCAG 2.2 A/AA violations on the page: [(rule, targets, help)].
    In the admin, only within our form's panels, without KNOWN_UPSTREAM."""
    context = {"include": [ADMIN_FORM_FIELDS]} if admin else None
    found = Axe().run(page, context=context, options=AXE_OPTIONS).response["violations"]
    report = []
    for violation in found:
        nodes = [
            node
            for node in violation["nodes"]
            if not (admin and upstream_reason(violation["id"], node["html"]))
        ]
        if nodes:
            targets = [
                f"{' '.join(map(str, node['target']))}: {node['html'][:160]}" for node in nodes
            ]
            report.append((violation["id"], targets, violation["help"], violation["helpUrl"]))
    return report


def readable(report):
    return "\n".join(
        f"{rule}: {help_text} ({url})\n    " + "\n    ".join(targets)
        for rule, targets, help_text, url in report
    )


@pytest.mark.parametrize(
    "role,name,open_screen", SCREENS, ids=[f"{role}-{name}" for role, name, _ in SCREENS]
)
def test_no_wcag_violations(pages_by_role, server_url, role, name, open_screen):
    page = pages_by_role[role]
    open_screen(page, server_url)
    if role == "admin":
        # The form has loaded its widgets (Draftail, StreamField) before axe looks.
        page.locator(ADMIN_FORM_FIELDS).first.wait_for()
        page.wait_for_load_state("networkidle")
    report = violations(page, admin=role == "admin")
    assert not report, f"{page.url}\n{readable(report)}"


def test_the_check_reports_what_it_finds(pages_by_role):
    """The harness is no rubber stamp: an image without alt text and a field
    without a label on an otherwise fine page are reported."""
    page = pages_by_role["visitor"]
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
        '<img src="data:,"><input type="text"></main></body></html>'
    )
    rules = {rule for rule, *_ in violations(page)}
    assert {"image-alt", "label"} <= rules
