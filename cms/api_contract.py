"""API v3 keeps one contract, for Wagtail's routers and ours alike, and its
OpenAPI document says what it does. Installed once on the NinjaAPI
(cms/api.py); what happens before any router (tokens, transactions, JSON
for unknown paths) is in cms/api_boundary.py.

The document: errors are RFC 9457 problem documents (`application/problem+json`),
every operation lists the generic errors it can answer, reads open to
anonymous callers carry no security requirement (so generated clients call
them without a token; the token they accept is named in
`x-optional-security`), every read documents the 304 its ETag allows, and
request bodies carry no object defaults (which generators cannot type).
It must pass openapi-spec-validator and generate clients with no warning
(tests/cms/test_document.py).

The answers: an unknown query parameter is 400 naming it (as API v2 does);
a value that names nothing is 400 naming the parameter (cms/api_errors.py);
a failure while building an answer is a server error (500, logged), never
the client's fault; a key of the wrong type or a number the database cannot
hold says so instead of failing.
"""

import inspect
import logging
import traceback
from functools import wraps

from django.db import DataError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import problem_response

from .api_errors import BadValue, UnknownParameters
from .api_pagination import MAX_OFFSET, max_limit

logger = logging.getLogger(__name__)

PROBLEM_SCHEMA = {"$ref": "#/components/schemas/ProblemDetail"}
# Security schemes under which a request without credentials goes on as anonymous.
ANONYMOUS_SCHEMES = {"AllowAnonymous", "SessionOrAnonymous"}
# Says only "anonymous" (an http scheme with no scheme name is invalid OpenAPI).
NOT_A_SCHEME = {"AllowAnonymous"}
GENERIC_PROBLEMS = {
    "400": "A value is refused (an unknown parameter, a value that names nothing, a limit "
    "over the maximum)",
    "401": "The token is wrong, revoked or malformed, or credentials are missing",
    "403": "The credentials do not allow this",
    "404": "An object named in the path or the query does not exist or is not visible",
    "422": "The parameters or the body do not match this document",
}
PAGING_BOUNDS = {"limit": max_limit, "offset": lambda: MAX_OFFSET}
NOT_MODIFIED = {
    "description": "Not modified: the ETag sent in If-None-Match still matches",
}
ETAG_HEADER = {
    "ETag": {"description": "Send it back in If-None-Match", "schema": {"type": "string"}}
}


def problems_an_operation_may_answer(operation, anonymous_allowed):
    """A wrong token (401) anywhere; a refusal (403) where anonymous callers
    are not let in; and wherever input is taken, a refused value (400), an
    object it names that is not there (404) and a validation error (422)."""
    statuses = ["401"]
    if not anonymous_allowed:
        statuses.append("403")
    if operation.get("parameters") or operation.get("requestBody"):
        statuses += ["400", "404", "422"]
    return statuses


def describe_operation(method, operation):
    responses = {str(status): answer for status, answer in operation.get("responses", {}).items()}
    operation["responses"] = responses
    security = operation.pop("security", None) or []
    anonymous_allowed = any(ANONYMOUS_SCHEMES & set(need) for need in security)
    for status in problems_an_operation_may_answer(operation, anonymous_allowed):
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
    if method == "get":
        responses.setdefault("304", NOT_MODIFIED)
        if "200" in responses:
            responses["200"].setdefault("headers", {}).update(ETAG_HEADER)
    schemes = [
        {name: scopes for name, scopes in need.items() if name not in NOT_A_SCHEME}
        for need in security
    ]
    schemes = [need for need in schemes if need]
    if anonymous_allowed:
        operation["x-optional-security"] = schemes
    elif schemes:
        operation["security"] = schemes
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" and parameter["name"] in PAGING_BOUNDS:
            parameter["schema"]["maximum"] = PAGING_BOUNDS[parameter["name"]]()
    body = operation.get("requestBody")
    if body:
        for content in body["content"].values():
            content["schema"].pop("default", None)


def describe_answers_truly(document):
    for path_item in document["paths"].values():
        for method, operation in path_item.items():
            describe_operation(method, operation)
    schemes = document.get("components", {}).get("securitySchemes", {})
    for name in NOT_A_SCHEME:
        schemes.pop(name, None)
    return document


def leave_out_defaults(schema):
    """`json_schema_extra` for a request body's model: the document states no
    default for its fields, which a generated client then lets callers leave
    out (openapi-typescript makes a field with a default required). Their
    descriptions say what leaving one out means."""
    for field in schema.get("properties", {}).values():
        field.pop("default", None)


def declared_query_parameters(operation):
    names = set()
    for model in operation.models:
        if model.__ninja_param_source__ == "query":
            flattened = getattr(model, "__ninja_flatten_map__", None)
            names.update(flattened or (f.alias or n for n, f in model.model_fields.items()))
    return names


def checks_the_query(run):
    """Wraps an operation: before anything runs, a query parameter it does
    not declare is refused (lists filtering on their model's fields accept
    those: `field_filters`), and so is a page beyond the bounds every list
    shares."""
    operation = inspect.unwrap(run).__self__  # under other decorators, Operation.run
    declared = declared_query_parameters(operation)

    @wraps(run)
    def checked(request, *args, **kwargs):
        try:
            extra = set(request.GET) - declared
            if extra:
                extra -= field_filters(operation, request, kwargs)
            if extra:
                raise UnknownParameters(sorted(extra))
            if "limit" in declared:
                check_bound(request, "limit", max_limit())
                check_bound(request, "offset", MAX_OFFSET)
        except BadValue as refused:
            return operation.api.on_exception(request, refused)
        return run(request, *args, **kwargs)

    return checked


def check_bound(request, name, maximum):
    value = request.GET.get(name, "")
    if value.isdigit() and int(value) > maximum:
        raise BadValue(name, f"{name} may not be more than {maximum}.", kind="out_of_range")


def field_filters(operation, request, path_params):
    """The query names a list filtering on its model's api_fields accepts."""
    from wagtail.api.validators import APIFieldValidator

    model_for = FIELD_FILTERED_LISTS.get(operation.operation_id)
    if model_for is None:
        return set()
    model, base_fields = model_for(path_params)
    if model is None:
        return set()
    candidates = set(request.GET) - declared_query_parameters(operation)
    return set(
        APIFieldValidator(
            model=model,
            fields=candidates,
            base_fields=base_fields,
            db_fields_only=True,
            skip_invalid=True,
        ).fields
    )


def images_model(path_params):
    from wagtail.images import get_image_model
    from wagtail.images.api.v3.router import BASE_IMAGE_READ_FIELDS

    return get_image_model(), BASE_IMAGE_READ_FIELDS


def documents_model(path_params):
    from wagtail.documents import get_document_model
    from wagtail.documents.api.v3.router import BASE_DOCUMENT_READ_FIELDS

    return get_document_model(), BASE_DOCUMENT_READ_FIELDS


def snippets_model(path_params):
    from django.apps import apps

    try:
        return apps.get_model(path_params.get("type", "")), ["id"]
    except (LookupError, ValueError):
        return None, []


FIELD_FILTERED_LISTS = {
    "images_list": images_model,
    "documents_list": documents_model,
    "snippets_list": snippets_model,
}


# Pydantic errors that are refusals of the client's input: Wagtail builds its
# deliberate ones as "Validation error" (as_validation_error) and checks
# ordering, field and site parameters with these validators.
CLIENT_INPUT_CHECKS = {"Validation error", "APIFieldValidator", "OrderingValidator",
                       "SiteFilterValidator"}  # fmt: skip


# Wagtail's checks that a value names something (a field to order by, a site),
# and the parameter each checks: its error says neither which nor where.
NAMING_CHECKS = {"OrderingValidator": "order", "SiteFilterValidator": "site"}


def is_failure_to_build_an_answer(error):
    """A pydantic error that is not the client's: the request's own
    parameters fail as ninja's ValidationError, and Wagtail's checks of its
    input are listed above. Anything else, such as ninja checking an answer
    against its schema (the model whose one field is `response`), is a
    failure on our side."""
    return error.title not in CLIENT_INPUT_CHECKS


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
    api.add_decorator(checks_the_query, mode="view")

    @api.exception_handler(PydanticValidationError)
    def answer_validation_error(request, error):
        if is_failure_to_build_an_answer(error):
            logger.error(
                "API answer does not match its schema: %s %s",
                request.method,
                request.path,
                exc_info=error,
            )
            return problem_response(status=500, detail="The server failed to build its answer.")
        if error.title in NAMING_CHECKS:  # a value that names nothing: 400, by name
            (first, *_) = error.errors()
            message = str(first.get("ctx", {}).get("error") or first["msg"])
            return bad_value(request, BadValue(NAMING_CHECKS[error.title], message))
        # As Wagtail answers it: 422, without the input echoed back.
        errors = [{k: v for k, v in e.items() if k != "input"} for e in error.errors()]
        return problem_response(status=422, detail="Validation failed", errors=errors)

    @api.exception_handler(BadValue)
    def bad_value(request, error):
        return problem_response(status=error.status, detail=str(error), errors=error.errors)

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
        # Wagtail's own lists (ours bound it in cms/api_pagination.py).
        # Logged: a value our own code failed to check would land here too.
        logger.warning("API request refused by the database: %s %s", request.path, error)
        return problem_response(status=400, detail="A value is out of range.")
