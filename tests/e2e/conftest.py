"""Browser tests drive Debian's Chromium against a real server process.

The server is `manage.py runserver` on its own database, migrated and loaded
with the demo content, with the background worker beside it, like `make run`
but on PostgreSQL when the suite runs on it. Nothing is shared with the test database, so no flush or rollback can pull
data from under the running server.
"""

from pathlib import Path

import pytest

from tests.processes import ROOT, demo_site, runserver

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("e2e")
    with demo_site(
        tmp_path, "e2e", runserver, worker=True, DJANGO_SETTINGS_MODULE="cms.settings.dev"
    ) as site:
        yield site[0]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is missing: `scripts/services.sh ensure-chromium`"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    # Anything the Content-Security-Policy blocked on a page a test visited
    # (an inline script, an image from an origin the policy does not list).
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not blocked, blocked


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name, target=None):
        (target or page).screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
