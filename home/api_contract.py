"""What API v3's OpenAPI document promises, made to match what it answers.

Schemathesis (tests/test_api_fuzzing.py) sends every operation generated
input and holds each answer to the document. Wagtail's and ninja's document
left out things every operation may answer, Wagtail's snippet actions failed
on a key of the wrong type and its lists on a huge offset; all are mended here,
in one place for all routers, Wagtail's and ours.
"""

import logging
import traceback

from django.db import DataError
from wagtail.api.v3.errors import problem_response

logger = logging.getLogger(__name__)

PROBLEM_SCHEMA = {"$ref": "#/components/schemas/ProblemDetail"}
# Security schemes under which a request without credentials goes on as anonymous.
ANONYMOUS_SCHEMES = {"AllowAnonymous", "SessionOrAnonymous"}
GENERIC_PROBLEMS = {
    "400": "A value is refused (e.g. a limit over the maximum, an unknown filter value)",
    "401": "The token is wrong, revoked or expired, or credentials are missing",
    "403": "The credentials do not allow this",
    "404": "An object named in the path or the query does not exist or is not visible",
    "422": "The parameters or the body do not match this document",
}


def problems_an_operation_may_answer(operation):
    """The error statuses any operation of this shape can answer: a wrong
    token (401) wherever credentials are read, a refusal (403) where anonymous
    callers are not let in, and wherever input is taken, a refused value
    (400), an object it names that is not there (404) and a validation error
    (422)."""
    security = operation.get("security") or []
    anonymous_allowed = any(ANONYMOUS_SCHEMES & set(requirement) for requirement in security)
    statuses = []
    if security:
        statuses.append("401")
        if not anonymous_allowed:
            statuses.append("403")
    if operation.get("parameters") or operation.get("requestBody"):
        statuses += ["400", "404", "422"]
    return statuses


def describe_answers_truly(document):
    """Error answers are RFC 9457 problem documents, sent as
    `application/problem+json`, not `application/json` as ninja writes; every
    operation lists the generic errors it can answer; and an operation open to
    anonymous callers says so with an empty security requirement, so clients
    (and schemathesis) know credentials are optional there."""
    for path_item in document["paths"].values():
        for operation in path_item.values():
            # ninja keys the statuses by number; JSON turns them into strings.
            responses = {
                str(status): answer for status, answer in operation.get("responses", {}).items()
            }
            operation["responses"] = responses
            for status in problems_an_operation_may_answer(operation):
                responses.setdefault(
                    status,
                    {
                        "description": GENERIC_PROBLEMS[status],
                        "content": {"application/json": {"schema": PROBLEM_SCHEMA}},
                    },
                )
            for status, response in responses.items():
                if status.startswith(("4", "5")) and "content" in response:
                    response["content"] = {
                        "application/problem+json": next(iter(response["content"].values()))
                    }
            security = operation.get("security") or []
            anonymous_allowed = any(ANONYMOUS_SCHEMES & set(need) for need in security)
            if anonymous_allowed and {} not in security:
                operation["security"] = [*security, {}]
    return document


def is_lookup_of_the_wrong_type(error):
    """A ValueError raised where Django converts a lookup's value for its
    field (an id that is not a number): the object cannot exist."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and frames[-1].name == "get_prep_value"


def install(api):
    """Apply the above to a NinjaAPI (Wagtail's API v3)."""
    build_document = api.get_openapi_schema

    def get_openapi_schema(**kwargs):
        return describe_answers_truly(build_document(**kwargs))

    api.get_openapi_schema = get_openapi_schema

    @api.exception_handler(ValueError)
    def wrong_type_of_key(request, error):
        # Wagtail's snippet actions look a key up before checking its type
        # (/snippets/<type>/<not-a-number>/actions/publish/ was a 500).
        if is_lookup_of_the_wrong_type(error):
            # Logged: a lookup our own code failed to check would land here too.
            logger.warning("API lookup of the wrong type: %s %s", request.path, error)
            return problem_response(status=404, detail="Not found")
        raise error

    @api.exception_handler(DataError)
    def value_out_of_range(request, error):
        # A number the database cannot hold, e.g. an offset past a bigint in
        # Wagtail's own lists (ours bound it in home/api_pagination.py).
        # Logged: a value our own code failed to check would land here too.
        logger.warning("API request refused by the database: %s %s", request.path, error)
        return problem_response(status=400, detail="A value is out of range.")
