"""The reference TypeScript front end (examples/typescript-frontend/) against a
live demo server: its committed types are what openapi-typescript makes of the
server's /api/v3/openapi.json today, it type-checks with `tsc --strict`, and
what the built consumer prints agrees with the server's database.

The npm packages come from `make test` (`npm ci` from the lockfile, into
node_modules); nothing is downloaded here."""

import difflib
import json
import os
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.processes import ROOT, demo_site, python_json, runserver

FRONTEND = ROOT / "examples" / "typescript-frontend"
NPM_BIN = FRONTEND / "node_modules" / ".bin"
SPECS = {"fill-480x270": (480, 270), "width-960": (960, None)}  # what src/news.ts asks for

# A country with events both inside and outside the range, so the filter shows,
# and a personal access token for alice, a member of every private group.
SETUP = """
import datetime, json
from wagtail.models import APIToken
from django.contrib.auth import get_user_model
from home.models import EventPage

events = {}
for event in (
    EventPage.objects.live().public().filter(locale__language_code="en")
    .exclude(country=None).select_related("country").order_by("starts_at", "pk")
):
    events.setdefault(event.country.code, []).append(event)
for code, found in sorted(events.items()):
    start = found[0].ends_at.astimezone(datetime.UTC).date() + datetime.timedelta(days=1)
    end = found[-1].starts_at.astimezone(datetime.UTC).date()
    if len(found) >= 2 and start <= end:
        break
_, token = APIToken.create_token(
    user=get_user_model().objects.get(username="alice"), name="TypeScript consumer"
)
# What the admin's "Front end" preview does with an edit not yet saved.
from cms.headless_preview import make_preview_token
from home.models import NewsPage
previewed = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
live_title, previewed.title = previewed.title, "Draft: " + previewed.title
print(json.dumps({"country": code, "from": start.isoformat(), "to": end.isoformat(),
                  "token": token, "preview_token": make_preview_token(previewed),
                  "previewed": {"id": previewed.id, "title": previewed.title,
                                "live_title": live_title,
                                "revision": previewed.latest_revision_id}}))
"""

# What the consumer should have found, read from the server's database.
EXPECTED = """
import datetime, json, os
from collections import Counter
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Locale
from community.models import ForumComment, ForumGroup, Visibility
from home.models import EventPage, NewsIndexPage, NewsPage
from resources.models import Resource

agenda = json.loads(os.environ["AGENDA"])
english = Locale.objects.get(language_code="en")


def body(page):
    return [block.block_type for block in page.body]


news = NewsPage.objects.live().public().filter(locale=english).order_by("-date")

def day_start(text):
    day = datetime.date.fromisoformat(text)
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)

start, end = day_start(agenda["from"]), day_start(agenda["to"]) + datetime.timedelta(days=1)
in_country = EventPage.objects.live().public().filter(
    locale=english, country__code=agenda["country"]
).order_by("starts_at", "pk")
in_range = [e for e in in_country if (e.ends_at > start or e.starts_at >= start) and e.starts_at < end]

resources = Resource.objects.visible().filter(locale=english)
in_eu = resources.filter(countries__code="EU")
selected = in_eu.filter(topics__slug="health").distinct()

french_index = NewsIndexPage.objects.live().get(locale__language_code="fr")
french = NewsPage.objects.child_of(french_index).live().public().order_by("-date")
newest = french.first()

alice = get_user_model().objects.get(username="alice")
private = ForumGroup.objects.visible_to(alice).filter(visibility=Visibility.PRIVATE)
from saved_searches.models import SavedSearch

print(json.dumps({
    "news": {
        "count": news.count(),
        "items": [
            {"id": p.id, "title": p.title, "date": p.date.isoformat(), "blocks": body(p),
             "image": p.listing_image_id is not None}
            for p in news[:5]
        ],
    },
    "events": {
        "ids": [e.id for e in in_range],
        "outside": in_country.count() - len(in_range),
    },
    "resources": {
        "count": selected.count(),
        "ids": list(selected.values_list("id", flat=True)),
        "type": Counter(selected.values_list("resource_type", flat=True)),
        "topic": Counter(t for t in in_eu.values_list("topics__slug", flat=True) if t),
        "procurement": Counter(
            p for p in selected.values_list("procurement_types__slug", flat=True) if p
        ),
    },
    "french": {
        "index": french_index.id,
        "count": french.count(),
        "items": [[p.id, p.title] for p in french[:5]],
        "newest": {
            "id": newest.id, "title": newest.title, "blocks": body(newest),
            "english": newest.get_translation(english).title,
        },
    },
    "saved_searches": SavedSearch.objects.filter(user=alice).count(),
    "forum": {
        "groups": sorted(ForumGroup.objects.visible_to(alice).values_list("slug", flat=True)),
        "public": sorted(ForumGroup.objects.visible_to(AnonymousUser()).values_list("slug", flat=True)),
        "private": {
            group.slug: {
                str(discussion.public_id): [
                    c.public_id for c in ForumComment.objects.on(discussion, seen_by=alice)
                ]
                for discussion in group.discussions.all()
            }
            for group in private
        },
    },
}))
"""


def run(command, timeout=300, **env):
    inherited = {key: value for key, value in os.environ.items() if key != "PREVIEW_TOKEN"}
    result = subprocess.run(
        command,
        cwd=FRONTEND,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def fetch(url):
    """(status, content type) of a GET without credentials."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    assert (NPM_BIN / "tsc").exists(), (
        "The example's npm packages are missing: "
        "`make examples/typescript-frontend/node_modules/.installed` (make test does it)"
    )
    tmp_path = tmp_path_factory.mktemp("typescript")
    with demo_site(
        tmp_path, "ts_consumer", runserver, DJANGO_SETTINGS_MODULE="cms.settings.dev"
    ) as (url, env, _log):
        yield url, env, tmp_path


@pytest.fixture(scope="module")
def consumer(site):
    """(what the built consumer printed, what the database says it should have)."""
    url, env, _tmp = site
    setup = python_json(env, SETUP)
    agenda = {key: setup[key] for key in ("country", "from", "to")}
    run(["npm", "run", "--silent", "build"])
    output = run(
        ["node", "dist/main.js"],
        timeout=120,
        API_BASE=url,
        API_TOKEN=setup["token"],
        EVENTS_FROM=agenda["from"],
        EVENTS_TO=agenda["to"],
        EVENTS_COUNTRY=agenda["country"],
        PREVIEW_TOKEN=setup["preview_token"],
    )
    expected = python_json({**env, "AGENDA": json.dumps(agenda)}, EXPECTED)
    expected["previewed"] = setup["previewed"]
    return json.loads(output), expected, agenda


def test_the_committed_types_are_those_of_the_live_document(site):
    url, _env, tmp_path = site
    generated = tmp_path / "api.d.ts"
    run([NPM_BIN / "openapi-typescript", f"{url}/api/v3/openapi.json", "--output", generated])
    committed = (FRONTEND / "src" / "api.d.ts").read_text()
    diff = "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True),
            generated.read_text().splitlines(keepends=True),
            "src/api.d.ts (committed)",
            "from /api/v3/openapi.json",
            n=1,
        )
    )
    assert not diff, (
        "src/api.d.ts is stale: with `make run` serving, run "
        "`npm run types` in examples/typescript-frontend and commit it.\n" + diff[:4000]
    )


def test_the_example_type_checks_strictly():
    assert json.loads((FRONTEND / "tsconfig.json").read_text())["compilerOptions"]["strict"]
    run(["npm", "run", "--silent", "check"])


def test_latest_news_with_bodies_and_image_renditions(consumer, site):
    output, expected, _agenda = consumer
    url = site[0]
    news = output["news"]
    assert news["count"] == expected["news"]["count"]
    assert [(n["id"], n["title"], n["date"]) for n in news["items"]] == [
        (n["id"], n["title"], n["date"]) for n in expected["news"]["items"]
    ]
    assert [n["body"]["blocks"] for n in news["items"]] == [
        n["blocks"] for n in expected["news"]["items"]
    ]
    assert all(n["body"]["blocks"] for n in news["items"])
    with_images = [n for n in news["items"] if n["image"]]
    assert [n["id"] for n in with_images] == [
        n["id"] for n in expected["news"]["items"] if n["image"]
    ]
    assert with_images, "the demo's news have listing images"
    for item in with_images:
        renditions = item["image"]["renditions"]
        assert [r["spec"] for r in renditions] == list(SPECS)
        for rendition in renditions:
            width, height = SPECS[rendition["spec"]]
            assert rendition["width"] == width
            assert height is None or rendition["height"] == height
            assert rendition["url"].startswith(url + "/")
            status, content_type = fetch(rendition["url"])
            assert (status, content_type.split("/")[0]) == (200, "image"), rendition["url"]


def test_events_in_a_date_range_and_country(consumer):
    output, expected, agenda = consumer
    events = output["events"]
    assert (events["from"], events["to"], events["country"]) == (
        agenda["from"],
        agenda["to"],
        agenda["country"],
    )
    assert [e["id"] for e in events["items"]] == expected["events"]["ids"]
    assert events["count"] == len(expected["events"]["ids"]) > 0
    assert expected["events"]["outside"] > 0, "the range leaves some of the country's events out"
    for event in events["items"]:
        assert event["country"] == agenda["country"]
        assert event["start_date"] <= agenda["to"] and event["end_date"] >= agenda["from"]
        assert event["image"] is None or event["image"]["renditions"][0]["spec"] == "fill-480x270"


def test_a_faceted_resource_search(consumer):
    output, expected, _agenda = consumer
    resources, want = output["resources"], expected["resources"]
    assert resources["count"] == want["count"] > 0
    assert len(resources["items"]) == min(10, want["count"])
    assert {r["id"] for r in resources["items"]} <= set(want["ids"])
    facets = {
        facet["name"]: {v["value"]: v["count"] for v in facet["values"] if v["count"]}
        for facet in resources["facets"]
    }
    # Counts apply every other facet's selection, not the facet's own.
    assert facets["type"] == want["type"]
    assert facets["topic"] == want["topic"]
    assert facets["topic"]["health"] == want["count"] < sum(want["topic"].values())
    refined = resources["refined"]
    assert refined["count"] == refined["expected"] == want["procurement"][refined["procurement"]]


def test_french_content_by_locale_and_path(consumer):
    output, expected, _agenda = consumer
    french, want = output["french"], expected["french"]
    assert french["index"]["id"] == want["index"]
    assert french["index"]["locale"] == "fr"
    assert french["count"] == want["count"]
    assert [[i["id"], i["title"]] for i in french["items"]] == want["items"]
    newest = french["newest"]
    assert newest["path"].startswith("/fr/news/")
    assert (newest["id"], newest["title"], newest["locale"]) == (
        want["newest"]["id"],
        want["newest"]["title"],
        "fr",
    )
    assert newest["title"] != want["newest"]["english"]
    assert newest["body"]["blocks"] == want["newest"]["blocks"]


def test_forum_reads_with_a_personal_access_token(consumer, site):
    output, expected, _agenda = consumer
    url = site[0]
    forum, want = output["forum"], expected["forum"]
    assert forum["user"] == "alice"
    assert sorted(g["slug"] for g in forum["groups"]) == want["groups"]
    private = {group["slug"]: group for group in forum["private"]}
    assert set(private) == set(want["private"]) == set(want["groups"]) - set(want["public"])
    assert private, "alice is in a private group"
    for slug, group in private.items():
        got = {str(d["id"]): [c["id"] for c in d["comments"]] for d in group["discussions"]}
        assert got == want["private"][slug]
        assert group["discussions"], slug
        # Only alice's token shows them: anonymous callers get 404.
        assert fetch(f"{url}/api/v3/forum/groups/{slug}/discussions/")[0] == 404
        for discussion in group["discussions"]:
            comments = f"{url}/api/v3/forum/groups/{slug}/discussions/{discussion['id']}/comments/"
            assert fetch(comments)[0] == 404
    attachments = [
        link
        for group in private.values()
        for discussion in group["discussions"]
        for comment in discussion["comments"]
        for link in comment["attachments"]
    ]
    assert attachments, "the demo's private discussions have files"
    for link in attachments:  # signed: they open without the token, for a while
        assert fetch(link)[0] == 200, link
        assert fetch(link.split("?")[0])[0] == 404, link


def test_a_saved_search_is_saved_run_rescheduled_and_deleted(consumer, site):
    output, expected, _agenda = consumer
    url = site[0]
    saved = output["savedSearch"]
    assert saved["created"] and saved["listed"]
    assert (saved["filters"]["topic"], saved["filters"]["country"]) == (["health"], ["EU"])
    assert saved["url"] == f"{url}/resources/?topic=health&country=EU"
    # Its API URL runs the resources example's search.
    assert saved["count"] == expected["resources"]["count"] == output["resources"]["count"]
    assert saved["feed"]["status"] == 200
    assert saved["feed"]["type"].startswith("application/atom+xml")
    assert saved["frequency"] == "daily"
    # The example deletes what it saved: alice's account is as it was.
    assert expected["saved_searches"] == 0


def test_a_draft_is_read_with_a_preview_token_alone(consumer):
    output, expected, _agenda = consumer
    previewed = expected["previewed"]
    assert output["preview"] == {
        "id": previewed["id"],
        "type": "home.NewsPage",
        "title": previewed["title"],
        "live": True,
        "revisionId": previewed["revision"],
    }
    # The public still reads the live page (the consumer read the news anonymously).
    by_id = {item["id"]: item["title"] for item in output["news"]["items"]}
    assert by_id[previewed["id"]] == previewed["live_title"]
