"""The embedded default (`make run`): SQLite, database search, media on disk.

Runs the real commands in a subprocess with the dev settings, so nothing from
the test settings (PostgreSQL, S3) leaks in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECK_URLS = r"""
import json, django
django.setup()
from django.test import Client
from home.models import EventPage, LegalSectionPage, NewsPage
client = Client(HTTP_HOST="localhost")
news = NewsPage.objects.live().first()
event = EventPage.objects.live().first()
section = LegalSectionPage.objects.live().first()
urls = [
    "/", "/news/", "/news/?topic=health", news.url, "/news/feed/",
    "/events/", "/events/?past=1", event.url, event.url + "event.ics", "/events/feed.ics",
    "/legal-framework/", section.url, "/search/?q=procurement", "/about/", "/fr/", "/fr/news/",
    "/accounts/login/", "/admin/", "/sitemap.xml", "/robots.txt",
    "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/",
    "/api/v3/openapi.json", "/api/v3/pages/", "/api/v3/events/",
]
print(json.dumps({url: client.get(url).status_code for url in urls}))
"""


@pytest.fixture(scope="module")
def embedded_env(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("embedded")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        PYTHONPATH=str(ROOT),
    )
    return env, workdir


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def test_migrate_and_load_demo_on_sqlite_then_every_url_answers(embedded_env):
    env, workdir = embedded_env
    manage(env, "migrate", "--no-input", "-v", "0")
    first = manage(env, "load_demo")
    assert "Demo content loaded." in first.stdout
    second = manage(env, "load_demo")
    assert "(0 pages created)" in second.stdout, "load_demo must be idempotent"

    # Media went to the local disk, not a bucket.
    assert any((workdir / "media" / "original_images").iterdir())

    result = subprocess.run(
        [sys.executable, "-c", CHECK_URLS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    statuses = json.loads(result.stdout.strip().splitlines()[-1])
    expected = dict.fromkeys(statuses, 200)
    expected["/admin/"] = 302  # to the admin login
    assert statuses == expected


def test_demo_content_matches_the_design(embedded_env):
    env, _ = embedded_env
    counts = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, json; django.setup();"
            "from django.contrib.auth.models import User;"
            "from home.models import NewsPage, EventPage, LegalSectionPage;"
            "from django.utils import timezone; now = timezone.now();"
            "print(json.dumps({"
            "'news': NewsPage.objects.live().filter(locale__language_code='en').count(),"
            "'events': EventPage.objects.live().count(),"
            "'upcoming': EventPage.objects.live().filter(ends_at__gte=now).count(),"
            "'past': EventPage.objects.live().filter(ends_at__lt=now).count(),"
            "'countries': EventPage.objects.values('country').distinct().count(),"
            "'online': EventPage.objects.exclude(online_url='').count(),"
            "'sections': LegalSectionPage.objects.live().count(),"
            "'users': sorted(User.objects.values_list('username', flat=True)),"
            "'checked': User.objects.get(username='editor').check_password('procure-demo'),"
            "}))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    data = json.loads(counts.stdout.strip().splitlines()[-1])
    assert data["news"] >= 20
    assert data["events"] >= 10 and data["upcoming"] >= 1 and data["past"] >= 1
    assert data["countries"] >= 3 and data["online"] >= 1
    assert data["sections"] >= 8
    assert {"admin", "editor", "moderator", "alice", "bob"} <= set(data["users"])
    assert data["checked"] is True


def test_load_demo_refuses_production_settings(embedded_env):
    env, _ = embedded_env
    production = dict(
        env,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=production,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "load_demo is disabled" in result.stderr
