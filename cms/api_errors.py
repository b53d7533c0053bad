"""Refusals every API v3 router raises the same way, so the same mistake gets
the same answer everywhere: 400 problem+json whose `errors` names the
parameter. cms/api_contract.py turns them into answers."""


class BadValue(Exception):
    """A well-formed value that names nothing: an unknown locale, country,
    topic or field. (A malformed one, e.g. a word where a number belongs,
    is the schema's business: 422.)"""

    status = 400

    def __init__(self, parameter, message, kind="unknown_value", where="query"):
        super().__init__(message)
        self.errors = [{"type": kind, "loc": [where, parameter], "msg": message}]


class UnknownParameters(BadValue):
    def __init__(self, names):
        Exception.__init__(self, f"Unknown parameter: {', '.join(names)}.")
        self.errors = [
            {"type": "unknown_parameter", "loc": ["query", name], "msg": "Unknown parameter."}
            for name in names
        ]
