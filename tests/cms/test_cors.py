"""Front ends on other origins: a browser lets their scripts read /api/ answers,
and nothing else, only when the origin is listed in CORS_ALLOWED_ORIGINS."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example.org"
allowed = override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])


def cors_headers(response):
    return {name.lower() for name in response.headers if name.lower().startswith("access-control-")}


def preflight(client, path, origin=FRONT_END, headers="authorization"):
    """What a browser sends before a request a simple form could not make."""
    return client.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


def header_list(response, name):
    return {item.strip().lower() for item in response.get(name, "").split(",")}


@allowed
def test_a_listed_origin_may_send_a_token_and_revalidate(client):
    response = preflight(client, "/api/v3/pages/", headers="authorization,if-none-match")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    allowed_headers = header_list(response, "Access-Control-Allow-Headers")
    assert {"authorization", "content-type", "if-none-match"} <= allowed_headers
    assert "GET" in response["Access-Control-Allow-Methods"]


@allowed
def test_an_origin_not_listed_gets_no_cors_headers(client, news_item):
    other = "https://elsewhere.example.org"
    assert cors_headers(preflight(client, "/api/v3/pages/", origin=other)) == set()
    answer = client.get("/api/v3/pages/", HTTP_ORIGIN=other)
    assert answer.status_code == 200
    assert cors_headers(answer) == set()


@allowed
def test_the_sites_pages_are_not_shared_with_other_origins(client, news_item):
    page = client.get("/news/", HTTP_ORIGIN=FRONT_END)
    assert page.status_code == 200
    assert cors_headers(page) == set()
    assert cors_headers(preflight(client, "/news/")) == set()


@allowed
def test_no_credentials_unless_configured(client):
    answer = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END)
    assert answer["Access-Control-Allow-Origin"] == FRONT_END
    assert "Access-Control-Allow-Credentials" not in answer
    with override_settings(CORS_ALLOW_CREDENTIALS=True):
        answer = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END)
    assert answer["Access-Control-Allow-Credentials"] == "true"


@allowed
@pytest.mark.parametrize(
    ("path", "token", "status"),
    [
        ("/api/v3/pages/", "Bearer not-a-token-anyone-was-given", 401),
        ("/api/v2/pages/", "Bearer not-a-token-anyone-was-given", 401),
        ("/api/v3/no-such-endpoint/", None, 404),
    ],
)
def test_error_answers_are_readable_by_a_listed_origin(client, path, token, status):
    """The API's own errors (cms/api_boundary.py) answer before any view; a
    front end must still be able to read them, or it sees a network error
    instead of "sign in again"."""
    headers = {"HTTP_AUTHORIZATION": token} if token else {}
    answer = client.get(path, HTTP_ORIGIN=FRONT_END, **headers)
    assert answer.status_code == status
    assert answer["Access-Control-Allow-Origin"] == FRONT_END
    assert "json" in answer["Content-Type"]


@allowed
def test_a_front_end_can_read_the_etag_and_revalidate(client, news_item):
    answer = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END)
    assert answer["ETag"]
    assert "etag" in header_list(answer, "Access-Control-Expose-Headers")
    again = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END, HTTP_IF_NONE_MATCH=answer["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == FRONT_END
