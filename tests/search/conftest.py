"""The real engine's index for the search tests; the resources they search are
the Resource Centre's test corpus (tests/resources/conftest.py)."""

import pytest
from django.conf import settings

from resources.models import Resource
from tests.resources.conftest import corpus  # noqa: F401 (a fixture these tests use)


def engine_backend():
    """The "engine" backend: the node that `search_engine` chose for the test."""
    from wagtail.search.backends import get_search_backend

    assert "engine" in settings.WAGTAILSEARCH_BACKENDS, (
        "The engine tests need the engines' nodes: run them through `make test`, which "
        "starts them and exports SEARCH_URL and ELASTICSEARCH_URL."
    )
    return get_search_backend("engine")


@pytest.fixture
def engine_index(db, search_engine):
    """An empty Resource index on the real node, once per engine (`search_engine`);
    resources published during the test land in it (Wagtail indexes on publish),
    `refresh()` makes them searchable."""
    return empty_engine_index()


def empty_engine_index():
    """`engine_index` on the engine chosen already, for fixtures that choose it
    themselves (`use_search_engine`) beside a database variant."""
    from search import engine
    from search.engine_analysis import empty_index

    backend = engine_backend()
    # With the editors' synonyms of this test's database, as `update_index` makes it.
    index = empty_index(backend, Resource)
    engine.reset_circuit()

    class Handle:
        def refresh(self):
            index.refresh()

        def index_all(self):
            """Index every published resource (what `update_index` does), then refresh."""
            backend.add_bulk(Resource, list(Resource.get_indexed_objects()))
            index.refresh()

    return Handle()
