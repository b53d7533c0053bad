"""A member saves a Resource Centre search from the page (no JavaScript
needed) and manages saved searches on their account page."""

import pytest
from bs4 import BeautifulSoup

from saved_searches.models import SavedSearch
from tests.cms.factories import UserFactory
from tests.saved_searches.conftest import saved_search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]

SAVE_URL = "/members/me/searches/save/"
LIST_URL = "/members/me/searches/"


def messages_on(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(" ", strip=True) for item in page.select(".messages li")]


def test_the_resource_centre_offers_members_a_save_form_carrying_the_search(client, member, topics):
    anonymous = BeautifulSoup(client.get("/resources/?topic=health").content, "html.parser")
    sign_in = anonymous.select_one(".save-search a")
    assert sign_in["href"] == "/accounts/login/?next=/resources/%3Ftopic%3Dhealth"
    assert anonymous.select_one("#save-search") is None

    client.force_login(member)
    page = BeautifulSoup(client.get("/resources/?q=pilot&topic=health").content, "html.parser")
    form = page.select_one("form#save-search")
    assert form["action"] == SAVE_URL and form["method"] == "post"
    # The fields sit among the results but belong to that form (forms do not nest).
    fields = {
        (field["name"], field.get("value"))
        for field in page.select('[form="save-search"]')
        if field.get("name")
    }
    assert {("q", "pilot"), ("topic", "health"), ("name", None)} <= fields


def test_a_year_range_is_saved_with_the_search(client, member, topics):
    """The form carried the words and the facets' values but not the range,
    which the saved search then lost."""
    client.force_login(member)
    page = BeautifulSoup(
        client.get("/resources/?topic=health&year_to=2023&year_from=2019").content, "html.parser"
    )
    fields = [
        (field["name"], field.get("value"))
        for field in page.select('[form="save-search"][type="hidden"]')
    ]
    assert fields == [("topic", "health"), ("year_from", "2019"), ("year_to", "2023")]
    client.post(SAVE_URL, {**dict(fields), "name": "", "frequency": "weekly"})
    saved = SavedSearch.objects.get()
    assert saved.query == "topic=health&year_from=2019&year_to=2023"
    assert saved.name == "Topic: Health · Publication year: 2019 to 2023"


def test_a_saved_search_is_normalised_and_named_after_what_it_asks(client, member, topics):
    client.force_login(member)
    response = client.post(
        SAVE_URL,
        {
            "q": "  pilot ",
            "topic": ["health", "energy"],
            "country": "fi",
            "page": "3",
            "sort": "title",
            "name": "",
            "frequency": "daily",
        },
    )
    saved = SavedSearch.objects.get()
    assert saved.query == "q=pilot&topic=energy&topic=health&country=FI"
    assert (saved.user, saved.language, saved.frequency) == (member, "en", "daily")
    assert saved.name == "pilot · Topic: Energy, Health · Country: Finland"
    assert response.status_code == 302
    assert response["Location"] == "/resources/?" + saved.query
    assert messages_on(client.get(response["Location"]))[0].startswith("Search saved as")


def test_the_same_search_twice_and_one_past_the_limit_are_refused_clearly(
    client, member, topics, settings
):
    settings.SAVED_SEARCHES_PER_MEMBER = 2
    client.force_login(member)
    client.post(SAVE_URL, {"topic": "health", "name": "Health", "frequency": "weekly"}, follow=True)
    again = client.post(
        SAVE_URL, {"topic": "health", "name": "Again", "frequency": "daily"}, follow=True
    )
    assert messages_on(again) == ["You already saved this search as “Health”."]
    client.post(SAVE_URL, {"topic": "energy", "name": "Energy", "frequency": "weekly"}, follow=True)
    third = client.post(
        SAVE_URL, {"q": "pilot", "name": "Pilots", "frequency": "weekly"}, follow=True
    )
    assert "the most a member may keep" in messages_on(third)[0]
    # The search the member was on is still there to go on with.
    assert third.redirect_chain[-1][0] == "/resources/?q=pilot"
    assert list(SavedSearch.objects.values_list("name", flat=True)) == ["Energy", "Health"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"topic": "no-such-topic", "frequency": "daily"}, "Unknown value “no-such-topic”"),
        ({"topic": "health", "frequency": "hourly"}, "Select a valid choice"),
        ({"topic": "health", "frequency": "daily", "name": "x" * 101}, "at most 100"),
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(client, member, topics, data, message):
    client.force_login(member)
    response = client.post(SAVE_URL, data, follow=True)
    assert response.status_code == 200
    assert message in " ".join(messages_on(response))
    assert not SavedSearch.objects.exists()


def test_a_search_too_long_to_store_is_refused(client, member, topics):
    from home.models import Country

    client.force_login(member)
    # 200 letters of three bytes each, nine characters once encoded, and every country.
    data = {"q": "\u210c" * 200, "country": list(Country.objects.values_list("code", flat=True))}
    response = client.post(SAVE_URL, {**data, "frequency": "daily"}, follow=True)
    assert response.status_code == 200
    assert messages_on(response) == ["This search is too long to save: use fewer words or filters."]
    assert not SavedSearch.objects.exists()


def test_a_visitor_cannot_save(client, topics):
    response = client.post(SAVE_URL, {"topic": "health", "frequency": "daily"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not SavedSearch.objects.exists()


def test_the_account_page_lists_renames_reschedules_and_deletes(client, member, topics):
    other = saved_search(UserFactory(username="dora"), query="topic=energy", name="Dora's")
    mine = saved_search(member, query="q=pilot&topic=health", name="Pilots", frequency="daily")
    client.force_login(member)

    page = BeautifulSoup(client.get(LIST_URL).content, "html.parser")
    items = page.select(".saved-search")
    assert [item.select_one("h2").get_text(strip=True) for item in items] == ["Pilots"]
    assert items[0].select_one("h2 a")["href"] == "/resources/?q=pilot&topic=health"
    assert "“pilot” · Topic: Health" in items[0].get_text()

    prefix = f"s{mine.pk}"
    client.post(
        f"{LIST_URL}{mine.pk}/", {f"{prefix}-name": "Health pilots", f"{prefix}-frequency": "never"}
    )
    mine.refresh_from_db()
    assert (mine.name, mine.frequency) == ("Health pilots", "never")
    refused = client.post(
        f"{LIST_URL}{mine.pk}/", {f"{prefix}-name": "", f"{prefix}-frequency": "daily"}, follow=True
    )
    assert "This field is required." in messages_on(refused)
    mine.refresh_from_db()
    assert mine.name == "Health pilots"

    # Another member's saved search is not there to change or delete.
    assert client.post(f"{LIST_URL}{other.pk}/delete/").status_code == 404
    assert client.post(f"{LIST_URL}{99999999999999999999}/delete/").status_code == 404
    client.post(f"{LIST_URL}{mine.pk}/delete/")
    assert list(SavedSearch.objects.all()) == [other]


def test_the_profile_page_links_to_saved_searches(client, member):
    client.force_login(member)
    page = BeautifulSoup(client.get("/members/me/").content, "html.parser")
    assert page.select_one(f'a[href="{LIST_URL}"]') is not None
