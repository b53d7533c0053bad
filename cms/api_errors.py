"""Refusals every API v3 router raises the same way, so the same mistake gets
the same answer everywhere: problem+json whose `errors` names the parameter
or the field (400, or the status of the rule that refused). cms/api_contract.py
turns them into answers."""

from django.core.exceptions import NON_FIELD_ERRORS


class BadValue(Exception):
    """A well-formed value that names nothing: an unknown locale, country,
    topic or field. (A malformed one, e.g. a word where a number belongs,
    is the schema's business: 422.)"""

    status = 400

    def __init__(self, parameter, message, kind="unknown_value", where=("query",)):
        """`where`: the path to what holds the parameter, the query string, or
        an object in a request body such as ("body", "data", "filters")."""
        super().__init__(message)
        self.errors = [{"type": kind, "loc": [*where, parameter], "msg": message}]


class UnknownParameters(BadValue):
    def __init__(self, names):
        Exception.__init__(self, f"Unknown parameter: {', '.join(names)}.")
        self.errors = [
            {"type": "unknown_parameter", "loc": ["query", name], "msg": "Unknown parameter."}
            for name in names
        ]


class InvalidForm(BadValue):
    """A body refused by the Django form the page uses for the same thing:
    each of its errors names its field in the body (a form-wide one names
    the body). 400, or `status` when the form's refusal has its own."""

    def __init__(self, form, status=400, where=("body", "data")):
        self.status = status
        self.errors = [
            {
                "type": error.code or "invalid",
                "loc": [*where] if field == NON_FIELD_ERRORS else [*where, field],
                "msg": message,
            }
            for field, errors in form.errors.as_data().items()
            for error in errors
            for message in error.messages
        ]
        Exception.__init__(self, " ".join(error["msg"] for error in self.errors))


class Refusal(BadValue):
    """A request a rule turns down (the same thing twice, a limit reached):
    `status` answers it, `kind` says which rule, `loc` what it is about."""

    def __init__(self, status, kind, loc, message):
        Exception.__init__(self, message)
        self.status = status
        self.errors = [{"type": kind, "loc": list(loc), "msg": message}]
