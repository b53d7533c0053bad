"""The OpenAPI document is a contract generated clients can rely on: valid,
typed throughout, every read callable without a token, and
openapi-python-client generates every operation from it with no warning."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

TYPE_KEYS = {"type", "$ref", "anyOf", "oneOf", "allOf", "const", "enum", "not"}


@pytest.fixture
def document(client):
    return client.get("/api/v3/openapi.json").json()


def untyped(schema, path):
    """Paths of schemas in `schema` that say nothing of their type (`{}`: Any)."""
    if not isinstance(schema, dict):
        return []
    if not TYPE_KEYS & set(schema):
        return [path]
    found = []
    for key in ("anyOf", "oneOf", "allOf"):
        for index, member in enumerate(schema.get(key, [])):
            found += untyped(member, f"{path}/{key}[{index}]")
    for name, member in schema.get("properties", {}).items():
        found += untyped(member, f"{path}.{name}")
    if "items" in schema:
        found += untyped(schema["items"], f"{path}[]")
    return found


def test_the_document_is_valid_openapi(document):
    """Issue 12, wrong today 4: securitySchemes.AllowAnonymous had `type: http`
    and no `scheme`."""
    validate(document)


def test_every_answer_is_typed(document):
    found = []
    for name, schema in document["components"]["schemas"].items():
        found += untyped(schema, name)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                for content in answer.get("content", {}).values():
                    found += untyped(content["schema"], f"{method} {path} {status}")
    assert found == []


def test_reads_need_no_token_and_say_which_they_accept(document):
    for path, operations in document["paths"].items():
        read = operations.get("get")
        if read is None or path.startswith(("/api/v3/snippets/", "/api/v3/sites/")):
            continue
        if path.endswith(("/revisions/", "/revisions/{revision_id}/", "/join-requests/")):
            continue
        if path.startswith(("/api/v3/redirects/", "/api/v3/locales/", "/api/v3/schema/")):
            continue
        # Who the caller is, and a member's own saved searches: nothing for anonymous callers.
        if path == "/api/v3/whoami/" or path.startswith("/api/v3/members/me/"):
            continue
        assert "security" not in read, path
        assert {"BearerTokenAuth": []} in read["x-optional-security"], path


def test_reads_document_their_etag_and_304(document):
    listing = document["paths"]["/api/v3/pages/"]["get"]["responses"]
    assert "304" in listing and "ETag" in listing["200"]["headers"]


def test_limits_are_in_the_document(document):
    for path in ("/api/v3/pages/", "/api/v3/events/", "/api/v3/resources/", "/api/v3/images/"):
        parameters = document["paths"][path]["get"]["parameters"]
        limit = next(p for p in parameters if p["name"] == "limit")
        assert limit["schema"]["maximum"] == 100, path


def test_a_python_client_is_generated_for_every_operation_with_no_warning(document, tmp_path):
    source = tmp_path / "openapi.json"
    source.write_text(json.dumps(document))
    bin_dir = Path(sys.executable).parent
    result = subprocess.run(
        [bin_dir / "openapi-python-client", "generate", "--path", source, "--output-path",
         tmp_path / "client"],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
        timeout=300,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output and "WARNING" not in output, output
    package = next((tmp_path / "client").glob("*_client"))
    generated = {module.stem for module in package.glob("api/*/*.py")} - {"__init__"}
    operations = {
        operation["operationId"]
        for operations in document["paths"].values()
        for operation in operations.values()
    }
    assert operations <= generated
    # Anonymous reads take a plain client (no token); writes need one.
    pages_list = (package / "api/pages/pages_list.py").read_text()
    assert re.search(r"client: AuthenticatedClient \| Client", pages_list)
    group_create = next(package.glob("api/forum/*groups*create*.py"), None) or next(
        module for module in package.glob("api/forum/*.py") if "post" in module.read_text()
    )
    assert "client: AuthenticatedClient," in group_create.read_text()
