"""Saved searches in API v3 (/api/v3/members/me/saved-searches/): a front end
saves, lists, reads, renames, reschedules and deletes a member's searches
and gives a feed a new address, under the page's rules, with a token."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saved_searches.models import SavedSearch
from tests.cms.conftest import token_for
from tests.cms.factories import UserFactory
from tests.resources.factories import ResourceFactory
from tests.saved_searches.conftest import saved_search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_search_only", "home_page"),
]

URL = "/api/v3/members/me/saved-searches/"
ROOT = "http://testserver"


@pytest.fixture
def api(client, member):
    """The member's front end: JSON calls with their personal access token."""
    return FrontEnd(client, token_for(member))


class FrontEnd:
    def __init__(self, client, token=None):
        self.client = client
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def get(self, url, **params):
        return self.client.get(url, params, **self.headers)

    def post(self, url, body=None):
        return self.send("post", url, body)

    def patch(self, url, body):
        return self.send("patch", url, body)

    def delete(self, url):
        return self.client.delete(url, **self.headers)

    def send(self, method, url, body):
        return getattr(self.client, method)(
            url, json.dumps(body or {}), content_type="application/json", **self.headers
        )


def problem(response, status):
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_the_life_of_a_saved_search(api, client, member, topics):
    created = api.post(
        URL,
        {
            "filters": {"q": "  Pilot ", "topic": ["health", "energy"], "country": ["fi"],
                        "year_from": 2019},
            "frequency": "daily",
        },
    )  # fmt: skip
    assert created.status_code == 201, created.content
    item = created.json()
    saved = SavedSearch.objects.get()
    query = "q=Pilot&topic=energy&topic=health&country=FI&year_from=2019"
    assert (saved.user, saved.query, saved.language, saved.frequency) == (
        member, query, "en", "daily",
    )  # fmt: skip
    assert item == {
        "id": saved.pk,
        # Named after what it asks for, as the page names it.
        "name": "Pilot · Topic: Energy, Health · Country: Finland · Publication year: from 2019",
        "frequency": "daily",
        "locale": "en",
        "filters": {
            "q": "Pilot",
            "type": [],
            "topic": ["energy", "health"],
            "country": ["FI"],
            "language": [],
            "procurement": [],
            "year": [],
            "year_from": 2019,
            "year_to": None,
        },
        "criteria": [
            "“Pilot”",
            "Topic: Energy, Health",
            "Country: Finland",
            "Publication year: from 2019",
        ],
        "created_at": item["created_at"],
        "last_sent_at": None,
        "html_url": f"{ROOT}/resources/?{query}",
        "search_api_url": f"{ROOT}/api/v3/resources/?{query}&locale=en",
        "feed_url": item["feed_url"],
    }
    assert item["feed_url"].startswith(f"{ROOT}/saved-searches/feed/")
    created_at = datetime.datetime.fromisoformat(item["created_at"])
    assert abs(created_at - saved.created_at) < datetime.timedelta(milliseconds=1)

    # Listed, and read alone, the same.
    listing = api.get(URL).json()
    assert listing == {"count": 1, "items": [item]}
    assert api.get(f"{URL}{saved.pk}/").json() == item
    # What a front end runs, and what a feed reader reads, without the token.
    assert client.get(item["search_api_url"]).status_code == 200
    assert client.get(item["feed_url"]).status_code == 200

    renamed = api.patch(f"{URL}{saved.pk}/", {"name": "Health pilots", "frequency": "never"})
    assert renamed.status_code == 200, renamed.content
    assert (renamed.json()["name"], renamed.json()["frequency"]) == ("Health pilots", "never")
    only_frequency = api.patch(f"{URL}{saved.pk}/", {"frequency": "weekly"}).json()
    assert (only_frequency["name"], only_frequency["frequency"]) == ("Health pilots", "weekly")
    saved.refresh_from_db()
    assert (saved.name, saved.frequency, saved.query) == ("Health pilots", "weekly", query)

    moved = api.post(f"{URL}{saved.pk}/feed/")
    assert moved.status_code == 200
    assert moved.json()["feed_url"] not in (item["feed_url"], "")
    assert client.get(item["feed_url"]).status_code == 404
    assert client.get(moved.json()["feed_url"]).status_code == 200

    deleted = api.delete(f"{URL}{saved.pk}/")
    assert deleted.status_code == 204
    assert not SavedSearch.objects.exists()
    problem(api.get(f"{URL}{saved.pk}/"), 404)
    assert api.get(URL).json() == {"count": 0, "items": []}
    assert client.get(moved.json()["feed_url"]).status_code == 404


def test_empty_filters_save_every_resource(api):
    item = api.post(URL, {"filters": {}}).json()
    assert (item["name"], item["frequency"]) == ("All resources", "weekly")
    assert item["html_url"] == f"{ROOT}/resources/"
    assert item["search_api_url"] == f"{ROOT}/api/v3/resources/?locale=en"


def test_the_page_and_the_api_save_one_search_once(api, client, member, topics):
    client.force_login(member)
    client.post(
        "/members/me/searches/save/",
        {"topic": ["health", "energy"], "country": "fi", "name": "Mine", "frequency": "weekly"},
    )
    again = problem(
        api.post(URL, {"filters": {"country": ["FI"], "topic": ["energy", "health", "health"]}}),
        409,
    )
    assert again["detail"] == "You already saved this search as “Mine”."
    assert again["errors"] == [
        {"type": "already_saved", "loc": ["body", "data", "filters"], "msg": again["detail"]}
    ]
    assert SavedSearch.objects.count() == 1


def test_one_past_the_limit_is_refused(api, member, topics, settings):
    settings.SAVED_SEARCHES_PER_MEMBER = 2
    for topic in ("health", "energy"):
        assert api.post(URL, {"filters": {"topic": [topic]}}).status_code == 201
    refused = problem(api.post(URL, {"filters": {"q": "pilot"}}), 409)
    assert "the most a member may keep" in refused["detail"]
    assert refused["errors"][0]["type"] == "limit_reached"
    assert refused["errors"][0]["loc"] == ["body", "data"]
    assert SavedSearch.objects.count() == 2


@pytest.mark.parametrize(
    "body, status, loc",
    [
        ({"filters": {"topic": ["no-such-topic"]}}, 400, ["body", "data", "filters", "topic"]),
        ({"filters": {"year": [1066]}}, 400, ["body", "data", "filters", "year"]),
        ({"filters": {"year_from": 2024, "year_to": 2020}}, 400,
         ["body", "data", "filters", "year_from"]),
        ({"filters": {"year_from": 0}}, 422, ["body", "data", "filters", "year_from"]),
        ({"filters": {"type": ["poster"]}}, 422, ["body", "data", "filters", "type", 0]),
        ({"filters": {"colour": ["red"]}}, 422, ["body", "data", "filters", "colour"]),
        ({"filters": {}, "owner": "bob"}, 422, ["body", "data", "owner"]),
        ({"name": "No filters"}, 422, ["body", "data", "filters"]),
        ({"filters": {}, "locale": "xx"}, 400, ["body", "data", "locale"]),
        ({"filters": {}, "locale": "\x00"}, 400, ["body", "data", "locale"]),
        ({"filters": {}, "frequency": "hourly"}, 422, ["body", "data", "frequency"]),
        ({"filters": {}, "name": "x" * 101}, 422, ["body", "data", "name"]),
        ({"filters": {}, "name": "Nul\x00"}, 400, ["body", "data", "name"]),
        ({"filters": {"q": "\u210c" * 200, "country": ["FI", "SE", "DE", "FR", "IT", "ES",
         "PT", "NL", "BE", "AT", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "DK", "IE", "EE",
         "LV", "LT", "SI", "HR", "CY", "MT", "LU", "EU"]}}, 400, ["body", "data", "filters"]),
    ],
)  # fmt: skip
def test_bad_input_names_its_field_and_saves_nothing(api, topics, body, status, loc):
    refused = problem(api.post(URL, body), status)
    assert loc in [error["loc"] for error in refused["errors"]], refused
    assert not SavedSearch.objects.exists()


def test_a_change_that_is_refused_changes_nothing(api, member):
    saved = saved_search(member, name="Health", frequency="daily")
    for body, status, field in [
        ({"name": "   "}, 400, "name"),
        ({"frequency": "hourly"}, 422, "frequency"),
        ({"name": "New", "query": "topic=energy"}, 422, "query"),
    ]:
        refused = problem(api.patch(f"{URL}{saved.pk}/", body), status)
        assert refused["errors"][0]["loc"] == ["body", "data", field]
    saved.refresh_from_db()
    assert (saved.name, saved.frequency, saved.query) == ("Health", "daily", "topic=health")


def test_another_members_searches_are_not_found_and_visitors_must_sign_in(api, client, member):
    others = saved_search(UserFactory(username="dora"), name="Dora's", frequency="daily")
    mine = saved_search(member, query="q=pilot", name="Mine")
    feed_key = others.feed_key
    assert [item["id"] for item in api.get(URL).json()["items"]] == [mine.pk]
    missing = 99999999999999
    for pk in (others.pk, missing):
        problem(api.get(f"{URL}{pk}/"), 404)
        problem(api.patch(f"{URL}{pk}/", {"name": "Taken"}), 404)
        problem(api.post(f"{URL}{pk}/feed/"), 404)
        problem(api.delete(f"{URL}{pk}/"), 404)
    others.refresh_from_db()
    assert (others.name, others.feed_key) == ("Dora's", feed_key)

    visitor = FrontEnd(client)
    for answer in (
        visitor.get(URL),
        visitor.post(URL, {"filters": {}}),
        visitor.get(f"{URL}{mine.pk}/"),
        visitor.patch(f"{URL}{mine.pk}/", {"name": "x"}),
        visitor.post(f"{URL}{mine.pk}/feed/"),
        visitor.delete(f"{URL}{mine.pk}/"),
    ):
        problem(answer, 401)
    problem(FrontEnd(client, "wrong-token").get(URL), 401)
    assert SavedSearch.objects.count() == 2


def test_a_signed_in_browser_reads_and_writes_with_its_csrf_token(member):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    assert browser.get(URL).json() == {"count": 0, "items": []}
    without = browser.post(URL, "{}", content_type="application/json")
    assert without.status_code == 403
    browser.get("/members/me/searches/")  # any page with a form sets the cookie
    token = browser.cookies["csrftoken"].value
    created = browser.post(
        URL, '{"filters": {}}', content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert created.status_code == 201, created.content


def test_listing_costs_the_same_queries_however_many_searches(api, member, topics):
    def list_queries():
        with CaptureQueriesContext(connection) as queries:
            answer = api.get(URL)
        assert answer.status_code == 200
        return len(queries), answer.json()["count"]

    saved_search(member, query="topic=health", name="One")
    api.get(URL)  # the taxonomy labels are read once, then cached
    one = list_queries()
    for index in range(6):
        saved_search(member, query=f"q=word{index}&topic=energy&year_from=2020", name=f"{index}")
    seven = list_queries()
    assert (one[1], seven[1]) == (1, 7)
    assert seven[0] == one[0]


def test_paging_is_the_one_every_list_has(api, member):
    for index in range(3):
        saved_search(member, query=f"q=word{index}", name=f"Search {index}")
    page = api.get(URL, limit=2, offset=1).json()
    assert page["count"] == 3
    assert [item["name"] for item in page["items"]] == ["Search 1", "Search 2"]
    assert problem(api.get(URL, limit=101), 400)["errors"][0]["loc"] == ["query", "limit"]
    assert problem(api.get(URL, page=2), 400)["errors"][0]["loc"] == ["query", "page"]


def test_a_search_is_saved_in_its_language(api, topics, fr_locale):
    english = ResourceFactory(title="Health guide", relations__topics=[topics["health"]])
    french = ResourceFactory(
        title="Guide santé", locale=fr_locale, relations__topics=[topics["health"]]
    )
    item = api.post(URL, {"filters": {"topic": ["health"]}, "locale": "fr"}).json()
    assert item["locale"] == "fr"
    assert item["html_url"] == f"{ROOT}/fr/resources/?topic=health"
    assert item["search_api_url"] == f"{ROOT}/api/v3/resources/?topic=health&locale=fr"
    found = api.get(item["search_api_url"]).json()
    assert [resource["id"] for resource in found["items"]] == [french.pk]
    # The same filters in the site's language are another search.
    default = api.post(URL, {"filters": {"topic": ["health"]}}).json()
    assert default["locale"] == "en"
    found = api.get(default["search_api_url"]).json()
    assert [resource["id"] for resource in found["items"]] == [english.pk]
    assert sorted(SavedSearch.objects.values_list("language", flat=True)) == ["en", "fr"]
