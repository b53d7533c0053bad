"""Browser tests drive Debian's Chromium against a real server process.

The server is `manage.py runserver` on its own database, migrated and loaded
with the demo content, like `make run` but on PostgreSQL when the suite runs on
it. Nothing is shared with the test database, so no flush or rollback can pull
data from under the running server.
"""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.processes import ROOT, clean_env, free_port, fresh_database_url, manage

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("e2e")
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=fresh_database_url(tmp_path, "e2e"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo")
    port = free_port()
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115 closed after the server stops
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((tmp_path / "server.log").read_text()) from None
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()


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
