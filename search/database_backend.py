"""Wagtail's database search backend, with typed text cleaned where it enters.

Every search that reaches the database goes through here: both APIs' `search=`
(Wagtail's own filters, which call `get_search_backend()` with the raw
parameter), the admin's listings, the site's pages. The backend passes text
on as query syntax: SQLite FTS5 fails on an unbalanced `"` ("unterminated
string") and PostgreSQL on a NUL, so without this a visitor's typing is a 500.
Wagtail's parsed queries (`Phrase`, `PlainText`, ... from the admin's
`parse_query_string`) are built by code, not typed, and pass through unchanged.
Typed text gets the editors' synonyms too (search/synonyms.py).
On SQLite, searches restricted to named fields work too (SearchedFieldsAsColumns).
"""

from functools import cache

from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults

from search import synonyms
from search.postgres_languages import with_languages
from search.query import clean_query


class CleanedQueries:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return self._cleaned(self._with_synonyms, query, model_or_queryset, *args, **kwargs)

    def _with_synonyms(self, query, model_or_queryset, *args, **kwargs):
        from search.models import current_groups  # models need the app registry

        # The editors' synonyms, as the engines apply them in their analysis
        # (search/synonyms.py). Not in autocomplete: it matches words as typed
        # so far, and neither does the engines' autocomplete field.
        if isinstance(query, str):
            operator = kwargs.get("operator") or self.query_compiler_class.DEFAULT_OPERATOR
            query = synonyms.expand(query, current_groups(), operator)
        return super().search(query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return self._cleaned(super().autocomplete, query, model_or_queryset, *args, **kwargs)

    def _cleaned(self, search, query, model_or_queryset, *args, **kwargs):
        if not isinstance(query, str):
            return search(query, model_or_queryset, *args, **kwargs)
        query = clean_query(query)
        if not query:
            # Text of punctuation alone finds nothing, as an empty search does.
            return NoResults(getattr(model_or_queryset, "model", model_or_queryset))
        return search(query, model_or_queryset, *args, **kwargs)


class NoResults(EmptySearchResults):
    """No results that know their model, as other results do: Wagtail's admin
    listings name their template variables after it (modelsearch's own empty
    results have none, and a snippet listing searched for `"` failed)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


class SearchedFieldsAsColumns:
    """For SQLite's query compilers: `search(..., fields=[...])` matches the
    FTS5 columns those fields are indexed into. modelsearch names the fields
    themselves as columns, but its FTS table has only `title` (fields named
    title) and `body` (every other field), or `autocomplete`, so a listing
    that searches named fields (the admin's resources: title, summary,
    publisher) failed with "no such column" for every query
    (wagtail/django-modelsearch#47)."""

    def check(self):
        super().check()  # the fields named are the model's, as on any backend
        if self.fields and self.FTS_TABLE_FIELDS == ["title", "body"]:
            self.fields = sorted({"title" if name == "title" else "body" for name in self.fields})
        elif self.fields:
            self.fields = self.FTS_TABLE_FIELDS


@cache
def _with_fixes(backend_class):
    attributes, mixins = {}, (CleanedQueries,)
    if backend_class.__module__ == "modelsearch.backends.database.postgres.postgres":
        # Each object's text in its own language (SQLite's FTS5 has no stemmer
        # but the English one: it matches words as written in every language).
        languages, config_mixin = with_languages(backend_class)
        attributes.update(languages)
        mixins += (config_mixin,)
    # Named, not imported: the SQLite module reads models that exist only on SQLite.
    if backend_class.__module__ == "modelsearch.backends.database.sqlite.sqlite":
        for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
            compiler = getattr(backend_class, name)
            attributes[name] = type(compiler.__name__, (SearchedFieldsAsColumns, compiler), {})
    return type(backend_class.__name__, (*mixins, backend_class), attributes)


def SearchBackend(params):
    # The name Wagtail looks up in a backend module. modelsearch picks the
    # class for the database in use (PostgreSQL, SQLite FTS5, ...) when asked
    # for a backend: the same choice, with the fixes above.
    backend = database.SearchBackend(params)
    return _with_fixes(type(backend))(params)
