"""The embedded default (`make run`): SQLite, database search, media on disk.

Runs the real commands in a subprocess with the dev settings, so nothing from
the test settings (PostgreSQL, S3) leaks in.
"""

import re
import subprocess
import sys

import pytest

from tests.processes import ROOT, clean_env, manage, python_json

CHECK_URLS = r"""
import json
from django.test import Client
from home.models import EventPage, LegalSectionPage, NewsPage
from resources.models import Resource
client = Client(HTTP_HOST="localhost")
news = NewsPage.objects.live().first()
event = EventPage.objects.live().first()
section = LegalSectionPage.objects.live().first()
resource = Resource.objects.visible().first()
urls = [
    "/resources/", "/resources/?q=strategy&topic=health&country=FI&sort=newest", resource.get_url(),
    "/api/v3/resources/?q=guide&type=guidance", f"/api/v3/resources/{resource.pk}/",
    # Nothing found: the help (filters to drop; no spelling correction on SQLite).
    "/resources/?q=tolkitt&country=FI&type=policy", "/api/v3/resources/?q=tolkitt&country=FI",
    "/", "/news/", "/news/?topic=health", news.url, "/news/feed/",
    "/events/", "/events/?past=1", event.url, event.url + "event.ics", "/events/feed.ics",
    "/legal-framework/", section.url, "/search/?q=procurement", "/about/", "/fr/", "/fr/news/",
    "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/",
    "/forum/", "/forum/zero-emission-transport/", "/forum/zero-emission-transport/activity/",
    "/members/alice/",
    "/admin/", "/sitemap.xml", "/robots.txt",
    "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/",
    "/api/v3/openapi.json", "/api/v3/pages/", "/api/v3/events/",
]
print(json.dumps({url: client.get(url).status_code for url in urls}))
"""


DEMO_COUNTS = r"""
import json
from django.contrib.auth.models import User
from django.db.models import Count
from django.utils import timezone
from home.models import EventPage, LegalSectionPage, NewsPage
from community.models import ForumComment, ForumGroup, Membership
from resources.facets import FACETS
from resources.models import Resource
now = timezone.now()
private = ForumGroup.objects.filter(visibility="private")
def groups_of(username):
    return set(Membership.objects.filter(user__username=username, banned=False).values_list("group__slug", flat=True))
events = EventPage.objects.live()
print(json.dumps({
    "news": NewsPage.objects.live().filter(locale__language_code="en").count(),
    "events": events.count(),
    "upcoming": events.filter(ends_at__gte=now).count(),
    "past": events.filter(ends_at__lt=now).count(),
    "countries": events.values("country").distinct().count(),
    "online": events.exclude(online_url="").count(),
    "sections": LegalSectionPage.objects.live().count(),
    "resources": Resource.objects.visible().count(),
    # Published with no pending draft: the admin lists them "live", not "live + draft".
    "resources_live_with_a_draft": Resource.objects.visible().filter(has_unpublished_changes=True).count(),
    "facet_values_without_resources": [
        f"{spec.name}={value}"
        for spec in FACETS
        if spec.name != "year"  # every plausible year is valid; the counts show the used ones
        for value in spec.labels()
        if not Resource.objects.visible().filter(**{spec.lookup: spec.cast(value)}).exists()
    ],
    # Topic names mid-sentence keep their acronyms: "rules applicable to ICT and ...".
    "titles_with_a_lowered_acronym": [
        title for title in Resource.objects.visible().values_list("title", flat=True)
        if " ict " in title
    ][:3],
    "commonest_language": (
        Resource.objects.visible().values_list("languages__code", flat=True)
        .annotate(n=Count("id")).order_by("-n").first()
    ),
    "users": sorted(User.objects.values_list("username", flat=True)),
    "checked": User.objects.get(username="editor").check_password("procure-demo"),
    "groups": ForumGroup.objects.count(),
    "private_groups": sorted(private.values_list("slug", flat=True)),
    "alice_groups": sorted(groups_of("alice")),
    "bob_groups": sorted(groups_of("bob")),
    "groups_with_threads": sorted(
        ForumGroup.objects.filter(comments__level__gt=0).values_list("slug", flat=True).distinct()
    ),
    "moderator_moderates": User.objects.get(username="moderator").has_perm("community.moderate_forum"),
    "resource_comment_audiences": sorted({
        comment.scope.slug if comment.scope else "everyone"
        for comment in ForumComment.objects.on(Resource.objects.visible().order_by("pk").first())
    }),
}))
"""


@pytest.fixture(scope="module")
def embedded_env(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("embedded")
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
    )
    return env, workdir


def test_migrate_and_load_demo_on_sqlite_then_every_url_answers(embedded_env):
    env, workdir = embedded_env
    manage(env, "migrate", "--no-input", "-v", "0")
    first = manage(env, "load_demo")
    assert "Demo content loaded." in first.stdout
    second = manage(env, "load_demo")
    assert "(0 pages created)" in second.stdout, "load_demo must be idempotent"

    # Media went to the local disk, not a bucket.
    assert any((workdir / "media" / "original_images").iterdir())

    statuses = python_json(env, CHECK_URLS)
    expected = dict.fromkeys(statuses, 200)
    expected["/admin/"] = 302  # to the admin login
    assert statuses == expected


def test_demo_content_matches_the_design(embedded_env):
    env, _ = embedded_env
    data = python_json(env, DEMO_COUNTS)
    assert data["news"] >= 20
    assert data["events"] >= 10 and data["upcoming"] >= 1 and data["past"] >= 1
    assert data["countries"] >= 3 and data["online"] >= 1
    assert data["sections"] >= 8
    assert data["resources"] >= 200
    assert data["resources_live_with_a_draft"] == 0
    assert data["facet_values_without_resources"] == []
    # An EU platform's resources: half of them also in English (once it was Arabic,
    # the first language by code).
    assert data["commonest_language"] == "en"
    assert data["titles_with_a_lowered_acronym"] == []
    assert {"admin", "editor", "moderator", "alice", "bob"} <= set(data["users"])
    assert data["checked"] is True
    assert data["groups"] >= 3 and data["private_groups"]
    assert set(data["private_groups"]) <= set(data["alice_groups"])
    assert not set(data["private_groups"]) & set(data["bob_groups"]) and data["bob_groups"]
    assert len(data["groups_with_threads"]) == data["groups"]
    assert data["moderator_moderates"] is True
    # A resource carries public comments and a private group's note.
    assert data["resource_comment_audiences"] == ["everyone", "pcp-emergency-dispatch"]


SQLITE_FACETS = r"""
import json
from resources.facets import FACETS
from resources.models import Resource
from search.faceted import DatabaseFacetedSearch, SearchQuery
from tests.search.expected import expected_counts, matching

filters = {"country": ["EU", "FI"], "procurement": ["pcp"]}
search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS)
everything = search.search(SearchQuery(filters=filters, page_size=500))
# Not "procurement": every demo resource of a procurement type names it in full.
texts = search.search(SearchQuery(text="strategy", filters=filters, page_size=500))
resources = list(Resource.objects.visible())
print(json.dumps({
    "total": everything.total,
    "ids": sorted(item.pk for item in everything.items),
    "expected_ids": sorted(r.pk for r in matching(resources, filters)),
    "counts": {f.name: {v.value: v.count for v in f.values if v.count} for f in everything.facets},
    "expected_counts": {
        spec.name: expected_counts(resources, filters, spec.name) for spec in FACETS
    },
    "text_total": texts.total,
    "text_within": set(i.pk for i in texts.items) <= set(i.pk for i in everything.items),
}, default=list))
"""


def test_database_facets_on_sqlite_match_the_rows(embedded_env):
    # The id sets travel to SQLite as one JSON parameter (search/id_sets.py).
    env, _ = embedded_env
    data = python_json(env, SQLITE_FACETS)
    assert data["total"] > 0
    assert data["ids"] == data["expected_ids"]
    assert data["counts"] == data["expected_counts"]
    assert 0 < data["text_total"] < data["total"]
    assert data["text_within"] is True


def test_load_demo_refuses_production_settings(embedded_env):
    env, _ = embedded_env
    production = dict(
        env,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 60,
        PUBLIC_ID_SECRET="y" * 40,
        ALLOWED_HOSTS="example.org",
    )
    result = manage(production, "load_demo", check=False)
    assert result.returncode != 0
    assert "load_demo is disabled" in result.stderr


# The suite's bad-input modules, run on PostgreSQL with the rest and again on SQLite.
HOSTILE_INPUT_TESTS = [
    "tests/test_hostile_input.py",
    "tests/community/test_huge_ids.py",
    "tests/cms/test_huge_ids.py",
]


def test_hostile_input_on_sqlite(tmp_path):
    """The bad-input tests again on the embedded default: SQLite with its FTS5
    search, media on disk, no Redis. The two databases fail on different
    input (a `"` is FTS5 syntax, NUL is refused by PostgreSQL, ids past 2**63
    overflow SQLite's driver), so each database gets every case."""
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *HOSTILE_INPUT_TESTS,
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.fullmatch(r"\d+ passed in .*", summary), summary  # nothing skipped or deselected


LINKS = r"""
import json, re
from django.test import Client
from cms.absolute_urls import absolute_url
from home.models import EventPage, NewsPage
client = Client(HTTP_HOST="127.0.0.1")
news = NewsPage.objects.live().filter(locale__language_code="en").first()
event = EventPage.objects.live().filter(locale__language_code="en").first()
links = {
    "rss": re.findall(r"<link>([^<]+)</link>", client.get("/news/feed/").content.decode()),
    "ical": re.findall(r"^URL:(\S+)", client.get("/events/feed.ics").content.decode(), re.M),
    "event_ical": re.findall(
        r"^URL:(\S+)", client.get(event.url + "event.ics").content.decode(), re.M
    ),
    "api_v2": [
        item["meta"]["html_url"]
        for item in client.get("/api/v2/pages/?fields=_,html_url").json()["items"]
    ],
    "api_v3": [client.get(f"/api/v3/pages/{news.pk}/").json()["meta"]["html_url"]],
    "api_v3_resources": [
        item["html_url"] for item in client.get("/api/v3/resources/?limit=5").json()["items"]
    ],
    # Emails and background tasks answer no request: the default Site's root.
    "email": [absolute_url("/forum/")],
}
print(json.dumps(links))
"""


@pytest.mark.parametrize("port", ["8123", "8124"])
def test_every_absolute_link_opens_at_the_served_port(embedded_env, port):
    """`make run` serves on HOST:PORT; load_demo (run on every start) points
    the demo Site there, so feeds, calendars, API links and emails open."""
    env, _ = embedded_env
    served = {**env, "HOST": "127.0.0.1", "PORT": port}
    manage(served, "load_demo")
    links = python_json(served, LINKS)
    for kind, urls in links.items():
        assert urls, kind
        for url in urls:
            assert url.startswith(f"http://127.0.0.1:{port}/"), (kind, url)
