"""The demo editor in the Wagtail admin, in Chromium: the side panel previews
the unsaved draft (pages and resources) with Wagtail's checks beside it, and
the editor's guide is one menu item away."""

import json
import time
import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

REFUSED_FRAME = "chrome-error://chromewebdata/"


def read_json(url):
    with urllib.request.urlopen(url) as answer:
        return json.load(answer)


def sign_in_to_admin(page, server_url, username="editor"):
    page.goto(server_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("procure-demo")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(server_url + "/admin/")


def open_side_panel_preview(page, title):
    page.locator("#id_title").fill(title)
    page.get_by_role("button", name="Toggle preview").click()
    return page.frame_locator("#w-preview-iframe")


def test_the_side_panel_previews_a_pages_unsaved_draft(server_url, page, screenshot):
    news = read_json(server_url + "/api/v2/pages/?type=home.NewsPage&limit=1")["items"][0]
    sign_in_to_admin(page, server_url)
    page.goto(f"{server_url}/admin/pages/{news['id']}/edit/")

    frame = open_side_panel_preview(page, "Side panel: an unsaved news title")

    expect(frame.locator("h1")).to_have_text("Side panel: an unsaved news title")
    screenshot("editor-preview-page")
    # Wagtail's checks read the framed preview: they answer only when it loads.
    page.get_by_role("button", name="Toggle checks").click()
    checks = page.locator("[data-side-panel='checks']")
    expect(checks).to_contain_text("Issues found")
    expect(checks).to_contain_text("Reading time")
    screenshot("editor-preview-checks")


def test_the_side_panel_previews_a_resources_unsaved_draft(server_url, page, screenshot):
    resource = read_json(server_url + "/api/v3/resources/?limit=1")["items"][0]
    sign_in_to_admin(page, server_url)
    page.goto(f"{server_url}/admin/snippets/resources/resource/edit/{resource['id']}/")

    frame = open_side_panel_preview(page, "Side panel: an unsaved resource title")

    expect(frame.locator("h1")).to_have_text("Side panel: an unsaved resource title")
    screenshot("editor-preview-resource")


def test_another_origin_cannot_frame_a_preview(server_url, browser):
    """Another origin (a port of the same host, so the editor's session
    cookie still goes along) frames the preview: the browser refuses."""
    # Its own context, not the `page` fixture's: a refused frame may log a
    # Content-Security-Policy message, which that fixture counts as a failure.
    context = browser.new_context()
    page = context.new_page()
    news = read_json(server_url + "/api/v2/pages/?type=home.NewsPage&limit=1")["items"][0]
    sign_in_to_admin(page, server_url)
    preview = f"{server_url}/admin/pages/{news['id']}/edit/preview/"
    page.goto(f"{server_url}/admin/pages/{news['id']}/edit/")
    posted = page.evaluate(
        """async (url) => {
            const form = document.getElementById("page-edit-form");
            return (await fetch(url, {method: "POST", body: new FormData(form)})).json();
        }""",
        preview,
    )
    assert posted["is_valid"] is True
    answer = page.request.get(preview)
    assert answer.ok and news["title"] in answer.text()
    assert "frame-ancestors 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "SAMEORIGIN"

    # Two pages that frame the preview, answered here rather than by a
    # server: one on another origin, one on the site's own.
    framing = f'<iframe id="framed" src="{preview}"></iframe>'
    elsewhere = "http://127.0.0.1:9/framing.html"
    same_origin = f"{server_url}/framing.html"
    for url in (elsewhere, same_origin):
        page.route(url, lambda route: route.fulfill(content_type="text/html", body=framing))

    page.goto(elsewhere)
    expect(page.locator("#framed")).to_be_attached()
    # Chromium replaces a refused frame with its error page.
    deadline = time.monotonic() + 20
    while page.frames[1].url != REFUSED_FRAME and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert page.frames[1].url == REFUSED_FRAME

    page.goto(same_origin)
    expect(page.frame_locator("#framed").locator("h1")).to_have_text(news["title"])
    context.close()


def test_the_editor_opens_the_guide_from_the_admin_menu(server_url, page, screenshot):
    sign_in_to_admin(page, server_url)
    page.get_by_role("link", name="Editor's guide").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Editor's guide")
    expect(page.get_by_role("heading", name="3. Preview in the side panel")).to_be_visible()
    screenshot("editor-guide")
