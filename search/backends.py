"""Which search backends there are, each made once per process: the rule
the engine implementation of faceted search (search/engine.py),
the service that picks between them (search/service.py) and the Forum's
search all read, so none of them imports another for it."""

from django.conf import settings
from wagtail.search.backends import get_search_backend

_backends = {}


def search_backend(alias):
    """Wagtail's search backend for `alias`, made once per process (and per
    settings): each new one opens a new client, so every search would pay a
    new HTTP connection to the engine and the client's setup, about a third
    of an engine search's time through the API (bench/README.md)."""
    key = (alias, repr(settings.WAGTAILSEARCH_BACKENDS.get(alias)))
    if key not in _backends:
        _backends[key] = get_search_backend(alias)
    return _backends[key]


def engine_configured():
    return "engine" in settings.WAGTAILSEARCH_BACKENDS
