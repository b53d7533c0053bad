"""A front end on another origin reads the API in Chromium: the server lists
one origin in CORS_ALLOWED_ORIGINS; a page served from that origin reads the
news list and a 401, a page from an origin not listed reads nothing; and an
editor's front-end preview opens that front end, which reads the unsaved draft
with the preview token alone."""

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_forum import sign_in
from tests.processes import demo_site, python_json, runserver

pytestmark = pytest.mark.browser

# The front end: it fetches the API named in its query string, anonymously and
# with a token the server never gave (an Authorization header is not
# CORS-safelisted, so the browser sends a preflight first), and shows what it
# could read. fetch() rejects when the browser withholds the answer.
FRONT_END_PAGE = """<!doctype html>
<meta charset="utf-8">
<title>Front end</title>
<p>News: <output id="news">waiting</output></p>
<p>Wrong token: <output id="wrong-token">waiting</output></p>
<script>
const api = new URLSearchParams(location.search).get("api");
const url = api + "/api/v3/pages/?type=home.NewsPage&limit=1";
async function show(id, init) {
  let text;
  try {
    const answer = await fetch(url, init);
    const body = await answer.json();
    const etag = answer.headers.get("ETag") ? "readable" : "hidden";
    text = `${answer.status} ${body.count ?? body.title} ETag ${etag}`;
  } catch (error) {
    text = `rejected: ${error.name}`;
  }
  document.getElementById(id).textContent = text;
}
show("news", {});
show("wrong-token", {headers: {Authorization: "Bearer not-a-token-anyone-was-given"}});
</script>
"""


# The front end's preview page: the admin sends the editor here with
# ?token=…&type=…&id=… added; it reads the draft with that token and nothing else.
PREVIEW_PAGE = """<!doctype html>
<meta charset="utf-8">
<title>Front-end preview</title>
<h1 id="title">waiting</h1>
<p id="state"></p>
<script>
const query = new URLSearchParams(location.search);
fetch(query.get("api") + "/api/v3/preview/?token=" + encodeURIComponent(query.get("token")))
  .then((answer) => answer.json())
  .then((draft) => {
    document.getElementById("title").textContent = draft.title ?? draft.detail;
    document.getElementById("state").textContent =
      `${draft.type} ${query.get("id")} live=${draft.meta?.live}`;
  })
  .catch((error) => { document.getElementById("title").textContent = "rejected"; });
</script>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def front_ends(tmp_path_factory):
    """Two origins serving the front end: (listed, not listed)."""
    folder = tmp_path_factory.mktemp("front-end")
    (folder / "index.html").write_text(FRONT_END_PAGE)
    (folder / "preview.html").write_text(PREVIEW_PAGE)
    handler = partial(QuietHandler, directory=str(folder))
    # Bound before the API server starts, so their ports are known and held.
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), handler) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield [f"http://127.0.0.1:{server.server_port}" for server in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def api_site(tmp_path_factory, front_ends):
    listed, _not_listed = front_ends
    with demo_site(
        tmp_path_factory.mktemp("cors"),
        "cors",
        runserver,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        CORS_ALLOWED_ORIGINS=listed,
    ) as site:
        yield site


def test_a_listed_front_end_reads_the_api_and_its_errors(api_site, front_ends, page):
    api_url, _env, log_path = api_site
    page.goto(f"{front_ends[0]}/index.html?api={api_url}")
    # The list, and its ETag (exposed, so a front end can revalidate with it).
    expect(page.locator("#news")).to_have_text(re.compile(r"^200 [1-9]\d* ETag readable$"))
    # A wrong token is refused (401), and the front end can tell: it is not a
    # network error.
    expect(page.locator("#wrong-token")).to_have_text(re.compile(r"^401 Unauthorized "))
    assert '"OPTIONS /api/v3/pages/' in log_path.read_text()  # the preflight was asked


def test_a_front_end_not_listed_reads_nothing(api_site, front_ends, page):
    api_url, _env, _log = api_site
    page.goto(f"{front_ends[1]}/index.html?api={api_url}")
    expect(page.locator("#news")).to_have_text("rejected: TypeError")
    expect(page.locator("#wrong-token")).to_have_text("rejected: TypeError")


def use_front_end(env, preview_url):
    """Set the demo site's front-end preview address; the newest English news."""
    return python_json(
        env,
        f"""
import json
from wagtail.models import Site
from home.models import NewsPage, SiteSettings
settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
settings.front_end_preview_url = "{preview_url}"
settings.save()
news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
print(json.dumps({{"id": news.id, "title": news.title}}))
""",
    )


def test_an_editor_previews_an_unsaved_edit_on_the_front_end(
    api_site, front_ends, page, screenshot
):
    api_url, env, _log = api_site
    news = use_front_end(env, f"{front_ends[0]}/preview.html?api={api_url}")
    sign_in(page, api_url, "editor")
    page.goto(f"{api_url}/admin/pages/{news['id']}/edit/")
    page.locator("#id_title").fill("Unsaved: a better title")
    # What the preview panel does: post the form as it stands, then open a mode.
    preview = f"{api_url}/admin/pages/{news['id']}/edit/preview/"
    posted = page.evaluate(
        """async (url) => {
            const form = document.getElementById("page-edit-form");
            const answer = await fetch(url, {method: "POST", body: new FormData(form)});
            return answer.json();
        }""",
        preview,
    )
    assert posted == {"is_valid": True, "is_available": True}
    # The preview panel offers the mode.
    expect(page.locator("option", has_text="Front end")).to_have_count(1)

    page.goto(f"{preview}?mode=front-end")
    assert page.url.startswith(f"{front_ends[0]}/preview.html?")
    expect(page.locator("#title")).to_have_text("Unsaved: a better title")
    expect(page.locator("#state")).to_have_text(f"home.NewsPage {news['id']} live=true")
    screenshot("headless-preview-front-end")
    # The public still reads the published title.
    page.goto(f"{api_url}/api/v3/pages/{news['id']}/")
    assert news["title"] in page.content()


def test_the_side_panel_shows_the_front_ends_preview(api_site, front_ends, page):
    api_url, env, _log = api_site
    news = use_front_end(env, f"{front_ends[0]}/preview.html?api={api_url}")
    # The panel first frames the site's own preview (the default mode).
    page.set_viewport_size({"width": 1600, "height": 900})
    sign_in(page, api_url, "editor")
    page.goto(f"{api_url}/admin/pages/{news['id']}/edit/")
    page.locator("#id_title").fill("Side panel: an unsaved title")
    # Wait for each step of the panel's own: opening it posts the form; a
    # mode chosen before that lands is overwritten by the default mode's load.
    with page.expect_response(lambda r: "/edit/preview/" in r.url and r.request.method == "POST"):
        page.get_by_role("button", name="Toggle preview").click()
    expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_have_text(
        "Side panel: an unsaved title"
    )
    with page.expect_response(lambda r: "mode=front-end" in r.url):
        page.locator("#id_preview_mode").select_option("front-end")
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("#title")).to_have_text("Side panel: an unsaved title", timeout=20_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "headless-preview-side-panel.png"))
