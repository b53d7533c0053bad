"""Trying to take a group's name or address tells nobody whether a hidden
group has it, the tries are counted, and a member creates only so many groups.

An outsider (signed in, in no private group) compares the answer for a
private group's address with the answers for things they can know anyway:
a public group's address, a route word, and the address of a deleted group."""

import json

import pytest
from django.test import Client
from wagtail.models import APIToken

from community.models import ForumGroup
from tests.cms.factories import UserFactory
from tests.community.factories import ForumGroupFactory

pytestmark = pytest.mark.django_db

GROUPS_API = "/api/v3/forum/groups/"


def token_client(user):
    _token, plaintext = APIToken.create_token(user=user, name="script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def api_create(client, **data):
    body = {"name": "Fresh group", "slug": "", "visibility": "public", **data}
    return client.post(GROUPS_API, json.dumps(body), content_type="application/json")


def page_create(client, **data):
    body = {"name": "Fresh group", "slug": "", "description": "", "visibility": "public", **data}
    return client.post("/forum/new/", body)


@pytest.fixture
def deleted_group_slug(db):
    ForumGroupFactory(name="Wound up", slug="wound-up").delete()
    return "wound-up"


def test_a_hidden_groups_address_is_refused_like_any_unavailable_one(forum, deleted_group_slug):
    outsider = forum["users"]["outsider"]
    client = token_client(outsider)
    answers = {}
    for slug in ("secret-consortium", "open-buyers", "new", deleted_group_slug):
        response = api_create(client, slug=slug, name=f"Try {slug}")
        answers[slug] = (response.status_code, response.json()["errors"])
    assert len({json.dumps(answer) for answer in answers.values()}) == 1, answers
    assert answers["new"][0] == 400
    assert "not available" in answers["new"][1][0]["msg"]
    assert ForumGroup.objects.filter(name__startswith="Try").count() == 0

    page = Client()
    page.force_login(outsider)
    messages = set()
    for slug in ("secret-consortium", "open-buyers", "new", deleted_group_slug):
        response = page_create(page, slug=slug, name=f"Page try {slug}")
        assert response.status_code == 400
        messages.add(tuple(response.context["form"].errors["slug"]))
    assert len(messages) == 1, messages


def test_a_private_groups_name_can_be_taken_by_anyone_without_a_word(forum):
    outsider = forum["users"]["outsider"]
    response = api_create(token_client(outsider), name="Secret consortium", slug="consortium")
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "Secret consortium"


def test_public_groups_names_stay_unique_whatever_the_case(forum):
    client = token_client(forum["users"]["outsider"])
    response = api_create(client, name="OPEN BUYERS", slug="other-buyers")
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"][-1] == "name"
    assert "public group already has this name" in response.json()["errors"][0]["msg"]
    assert not ForumGroup.objects.filter(slug="other-buyers").exists()


def test_an_owner_renames_their_private_group_to_any_name(client, forum):
    owner = UserFactory()
    mine = ForumGroupFactory(name="Mine", slug="mine", visibility="private")
    mine.memberships.create(user=owner, role="owner")
    client.force_login(owner)
    response = client.post(
        "/forum/mine/edit/",
        {"name": "Secret consortium", "slug": "mine", "description": "", "visibility": "private"},
    )
    assert response.status_code == 302, response.context["form"].errors
    mine.refresh_from_db()
    assert mine.name == "Secret consortium"


def test_an_address_a_group_left_is_never_given_to_another(client, forum):
    owner = forum["owner"]
    client.force_login(owner)
    response = client.post(
        "/forum/secret-consortium/edit/",
        {"name": "Secret consortium", "slug": "quiet-room", "description": "",
         "visibility": "private"},
    )  # fmt: skip
    assert response.status_code == 302
    other = token_client(forum["users"]["outsider"])
    assert api_create(other, slug="secret-consortium").status_code == 400
    # The group that left it may take it back.
    response = client.post(
        "/forum/quiet-room/edit/",
        {"name": "Secret consortium", "slug": "secret-consortium", "description": "",
         "visibility": "private"},
    )  # fmt: skip
    assert response.status_code == 302
    assert api_create(other, slug="quiet-room").status_code == 400


def test_a_private_group_made_from_its_name_gets_an_address_nobody_can_guess(forum):
    client = token_client(forum["users"]["outsider"])
    slugs = set()
    for _ in range(2):
        response = api_create(client, name="Hospital buyers", visibility="private")
        assert response.status_code == 201, response.content
        slugs.add(response.json()["slug"])
    assert len(slugs) == 2
    assert all(slug.startswith("hospital-buyers-") and len(slug) > 20 for slug in slugs)


def test_tries_of_names_and_addresses_are_limited_and_then_say_nothing(forum, settings):
    settings.FORUM_GROUP_ADDRESS_CHECKS_PER_HOUR = 3
    client = token_client(forum["users"]["outsider"])
    for slug in ("guess-1", "guess-2", "guess-3"):
        # A bad field is refused before any name is looked at: no try, no answer.
        assert api_create(client, slug=slug, visibility="nonsense").status_code == 422
        assert api_create(client, slug="secret-consortium").status_code == 400  # counts
    for slug in ("secret-consortium", "certainly-free"):
        response = api_create(client, slug=slug, name=f"Late {slug}")
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert "too many" in response.json()["detail"]
    assert not ForumGroup.objects.filter(name__startswith="Late").exists()

    page = Client()
    page.force_login(forum["users"]["outsider"])
    response = page_create(page, slug="certainly-free", name="Typed name")
    assert response.status_code == 429
    assert 'value="Typed name"' in response.content.decode()


def test_a_member_creates_a_few_groups_a_day(forum, settings):
    settings.FORUM_GROUPS_PER_DAY = 2
    member = forum["users"]["outsider"]
    client = token_client(member)
    assert api_create(client, name="One", slug="one").status_code == 201
    assert api_create(client, name="Two", slug="two").status_code == 201
    response = api_create(client, name="Three", slug="three")
    assert response.status_code == 429
    assert "2 groups today" in response.json()["detail"]
    page = Client()
    page.force_login(member)
    response = page_create(page, name="Four", slug="four")
    assert response.status_code == 429
    assert "2 groups today" in response.content.decode()
    assert not ForumGroup.objects.filter(slug__in=["three", "four"]).exists()
    moderator = token_client(forum["users"]["site_moderator"])
    for n in range(3):
        assert api_create(moderator, name=f"Mod {n}", slug=f"mod-{n}").status_code == 201
