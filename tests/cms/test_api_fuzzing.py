"""Schemathesis against /api/v3/openapi.json: every operation gets generated
input, valid and invalid, and every answer must keep the document's promises:
no server error, a documented status, a body matching its schema, and auth
enforced where the document asks for it. An answer that fails its own schema
is a server error (cms/api_contract.py), so this fails on it too.

Every operation is fuzzed with a member's token; those that need more than
that (Wagtail's editing API) once more with a moderator's, who may publish,
so that their answers are built and checked. A small site (a news item with
an image in its body, a resource with a file and a thumbnail) gives the
lists something to answer with.

One test per operation, listed from the API object at collection time; each
runs Hypothesis itself (schemathesis' own pytest integration reads a private
attribute that pytest 9 no longer has)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance
from wagtail.models import APIToken

from cms.urls import api_v3
from tests.cms.factories import DocumentFactory, ImageFactory, UserFactory
from tests.home.factories import NewsPageFactory
from tests.resources.factories import ResourceFactory

# Examples per operation: enough to reach every parameter's edge cases, few
# enough that the whole API is fuzzed in a couple of minutes.
EXAMPLES = 25
SCHEMA_URL = "/api/v3/openapi.json"
DOCUMENT = api_v3.get_openapi_schema(path_prefix="/api/v3/")
OPERATIONS = [
    (role, method.upper(), path)
    for path, methods in DOCUMENT["paths"].items()
    for method, operation in methods.items()
    for role in ("member", "moderator")
    if role == "member" or operation.get("security")
]


def picture_block(image):
    """A body block as stored: a captioned picture."""
    picture = {"image": image.pk, "alt_text": "Buyers at a workshop", "decorative": False}
    return {"type": "image", "value": {"image": picture, "caption": "Buyers"}}


@pytest.fixture
def site_content(home_page, news_index):
    image = ImageFactory()
    NewsPageFactory(
        parent=news_index,
        listing_image=image,
        body=[picture_block(image)],
    )
    resource = ResourceFactory(document=DocumentFactory(), thumbnail=image)
    resource.save_revision().publish()


def token_for(role):
    from django.contrib.auth.models import Group

    user = UserFactory(username=f"fuzzing-{role}")
    if role == "moderator":
        user.groups.add(Group.objects.get(name="Moderators"))
    _token, plaintext = APIToken.create_token(user=user, name="fuzzing")
    return plaintext


@pytest.fixture
def member_token(db):
    return token_for("member")


@pytest.fixture
def api_schema(db):
    """The schema, served by the WSGI application in this process, inside the
    test's transaction."""
    from django.core.wsgi import get_wsgi_application

    # As Django's test client does: a request's end would otherwise close the
    # test's database connection, and its transaction with it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize(
    ("role", "method", "path"), OPERATIONS, ids=[" ".join(op) for op in OPERATIONS]
)
def test_every_operation_keeps_its_documented_contract(
    api_schema, site_content, role, method, path
):
    operation = api_schema[path][method]
    token = token_for(role)

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same examples on every run: a failure is repeatable
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"},
            # "Input the schema allows must succeed" cannot hold for rules a
            # schema cannot state: an unknown facet value or topic, a page past
            # the deepest allowed, a group name already taken. Those answer
            # 400/422 with a message, which the document lists.
            excluded_checks=[positive_data_acceptance],
        )

    check()


# What the fuzzing found, pinned down as plain regression tests.


@pytest.fixture
def api_client(member_token):
    from django.test import Client

    return Client(HTTP_AUTHORIZATION=f"Bearer {member_token}")


def test_an_offset_past_what_the_database_holds_is_refused_not_a_server_error(api_client):
    huge = "40280071398407763115638784"
    # Every list, ours and Wagtail's, checks the bound its document states.
    for url in ("/api/v3/forum/groups/", "/api/v3/images/"):
        refused = api_client.get(f"{url}?offset={huge}")
        assert refused.status_code == 400
        assert refused["Content-Type"] == "application/problem+json"
        assert refused.json()["errors"][0]["loc"] == ["query", "offset"]


def test_a_snippet_action_on_a_key_that_is_not_a_number_is_not_found(api_client):
    response = api_client.post("/api/v3/snippets/resources.Resource/muted/actions/publish/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_document_describes_problems_anonymous_reads_and_each_schema_once(api_client):
    document = api_client.get("/api/v3/openapi.json").json()
    search = document["paths"]["/api/v3/search/"]["get"]
    # Errors are problem documents, and the generic ones are listed.
    assert set(search["responses"]["422"]["content"]) == {"application/problem+json"}
    assert {"401", "404", "422"} <= set(search["responses"])
    # Reading is open to anonymous callers (generated clients call it without
    # a token, which it accepts); writing is not.
    assert "security" not in search and search["x-optional-security"]
    post = document["paths"]["/api/v3/forum/groups/"]["post"]
    assert post["security"] and "403" in post["responses"]
    # Site search's hits and the Forum's groups each keep their own schema.
    schemas = document["components"]["schemas"]
    assert "kind" in schemas["HitOut"]["properties"]
    assert "member_count" in schemas["GroupOut"]["properties"]
