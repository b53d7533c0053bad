"""Errors keep one contract under /api/v3/: problem+json everywhere, the
parameter named in `errors`, the same status for the same mistake, the
server's failures called server errors, and an error that changes nothing."""

import pytest

from resources.api_serializers import DocumentURLField
from resources.models import Resource
from tests.cms.factories import DocumentFactory, ImageFactory
from tests.home.factories import EventPageFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def problem(response, status):
    assert response.status_code == status, response.content[:400]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    return body


def named_parameters(body):
    return [error["loc"][-1] for error in body.get("errors") or []]


@pytest.fixture
def resource_with_file(home_page):
    resource = ResourceFactory(title="Market consultation guide", document=DocumentFactory())
    resource.save_revision().publish()
    return resource


def test_a_snippet_is_read_with_an_editors_token(client, bearer, moderator, resource_with_file):
    """Issue 12, wrong today 3: this answered 422 "Validation failed" (a
    KeyError inside the answer's file_url)."""
    response = client.get(
        f"/api/v3/snippets/resources.Resource/{resource_with_file.pk}/", **bearer(moderator)
    )
    assert response.status_code == 200, response.content[:400]
    body = response.json()
    assert body["title"] == "Market consultation guide"
    assert body["html_url"] == f"http://testserver/resources/{resource_with_file.slug}/"


def test_a_failure_to_build_an_answer_is_a_server_error_and_undoes_the_write(
    client, bearer, moderator, resource_with_file, monkeypatch, caplog
):
    """Unpublishing answered 422 and yet unpublished. A failure while building
    the answer is ours (500, logged), and the write is rolled back."""

    def broken(self, document):
        raise KeyError("request")

    monkeypatch.setattr(DocumentURLField, "to_representation", broken)
    response = client.post(
        f"/api/v3/snippets/resources.Resource/{resource_with_file.pk}/actions/unpublish/",
        **bearer(moderator),
    )
    problem(response, 500)
    assert "failed to build its answer" in response.json()["detail"]
    assert "does not match its schema" in caplog.text
    assert Resource.objects.get(pk=resource_with_file.pk).live


def test_unknown_paths_and_methods_answer_problem_json(client):
    assert problem(client.get("/api/v3/no-such-thing/"), 404)["detail"]
    response = client.delete("/api/v3/events/")
    problem(response, 405)
    assert "GET" in response["Allow"]
    v2 = client.get("/api/v2/no-such-thing/")
    assert v2.status_code == 404 and "message" in v2.json()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?colour=red",
        "/api/v3/pages/1/?colour=red",
        "/api/v3/events/?colour=red",
        "/api/v3/resources/?colour=red",
        "/api/v3/images/?colour=red",
        "/api/v3/search/?q=pcp&colour=red",
        "/api/v3/forum/groups/?colour=red",
    ],
)
def test_unknown_query_parameters_are_refused_by_name(client, home_page, url):
    body = problem(client.get(url), 400)
    assert named_parameters(body) == ["colour"]


def test_field_filters_of_wagtails_lists_are_still_parameters(client):
    ImageFactory(title="Workshop")
    assert client.get("/api/v3/images/?title=Workshop").json()["count"] == 1


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v3/pages/?locale=xx", "locale"),
        ("/api/v3/events/?locale=xx", "locale"),
        ("/api/v3/resources/?locale=xx", "locale"),
        ("/api/v3/events/?country=XX", "country"),
        ("/api/v3/resources/?country=xx", "country"),
        ("/api/v3/resources/?topic=nope", "topic"),
        ("/api/v3/pages/?type=home.NewsPage&fields=nope", "fields"),
        ("/api/v3/events/?limit=101", "limit"),
        ("/api/v3/images/?limit=101", "limit"),
        ("/api/v3/forum/groups/?offset=99999999999", "offset"),
        ("/api/v3/pages/?order=nope", "order"),
        ("/api/v3/images/?order=-nope", "order"),
        ("/api/v3/documents/?order=nope", "order"),
    ],
)
def test_a_value_that_names_nothing_is_400_naming_the_parameter(client, home_page, url, parameter):
    body = problem(client.get(url), 400)
    assert named_parameters(body) == [parameter]


def test_country_codes_work_in_any_case_everywhere(client, event_index, database_search_only):
    from home.models import Country

    EventPageFactory(parent=event_index)
    ResourceFactory(relations__countries=[Country.objects.get(code="FI")])
    events = client.get("/api/v3/events/?country=be")
    resources = client.get("/api/v3/resources/?country=fi")
    assert events.status_code == resources.status_code == 200
    assert events.json()["count"] == resources.json()["count"] == 1


@pytest.mark.parametrize("action", ["copy", "publish", "unpublish", "convert_alias"])
def test_the_root_of_the_page_tree_is_not_a_page_to_act_on(client, bearer, moderator, action):
    """Found by fuzzing with a moderator's token: copying the tree's root was
    a 500 inside Wagtail."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    pages = Page.objects.count()
    response = client.post(
        f"/api/v3/pages/{root.pk}/actions/{action}/",
        "{}",
        content_type="application/json",
        **bearer(moderator),
    )
    problem(response, 404)
    assert Page.objects.count() == pages
