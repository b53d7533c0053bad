"""Wagtail's database search backend, with typed text cleaned where it enters.

Every search that reaches the database goes through here: both APIs' `search=`
(Wagtail's own filters, which call `get_search_backend()` with the raw
parameter), the admin's listings, the site's pages. The backend passes text
on as query syntax: SQLite FTS5 fails on an unbalanced `"` ("unterminated
string") and PostgreSQL on a NUL, so without this a visitor's typing is a 500.
Wagtail's parsed queries (`Phrase`, `PlainText`, ... from the admin's
`parse_query_string`) are built by code, not typed, and pass through unchanged.
"""

from functools import cache

from modelsearch.backends import database

from search.query import clean_query


class CleanedQueries:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_cleaned(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(_cleaned(query), model_or_queryset, *args, **kwargs)


def _cleaned(query):
    # A string cleaned to nothing is "" and finds nothing, as an empty search does.
    return clean_query(query) if isinstance(query, str) else query


@cache
def _cleaning(backend_class):
    return type(backend_class.__name__, (CleanedQueries, backend_class), {})


def SearchBackend(params):
    # The name Wagtail looks up in a backend module. modelsearch picks the
    # class for the database in use (PostgreSQL, SQLite FTS5, ...) when asked
    # for a backend: the same choice, with cleaning.
    backend = database.SearchBackend(params)
    return _cleaning(type(backend))(params)
