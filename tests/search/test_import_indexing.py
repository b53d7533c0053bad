"""An import is indexed in the engine in bulk once it commits (resources/
indexing.py), in as many requests for 40 rows as for 10, and the engine then
holds what the database publishes; an import that fails holds nothing."""

import pytest
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseIndex

from resources.importing import Stage, import_resources
from resources.models import Resource
from tests.home.factories import TopicFactory
from tests.resources.test_import import to_csv

pytestmark = pytest.mark.django_db

HEADER = ["title", "summary", "resource_type", "topics"]


def rows(count, start=0):
    return [[f"Imported {n}", "S.", "report", "health"] for n in range(start, start + count)]


@pytest.fixture
def engine_writes(monkeypatch):
    """The engine index's write methods each import calls, by name (a spy:
    every call goes through to the node)."""
    calls = []
    for name in ("add_item", "add_items", "delete_item"):
        method = getattr(ElasticsearchBaseIndex, name)

        def spy(self, *args, method=method, name=name):
            calls.append(name)
            return method(self, *args)

        monkeypatch.setattr(ElasticsearchBaseIndex, name, spy)
    return calls


def in_engine(engine_index):
    from search.backends import search_backend

    engine_index.refresh()
    backend = search_backend("engine")
    name = backend.get_index_for_model(Resource).name
    return backend.es.count(index=name)["count"]


def test_an_import_is_indexed_in_bulk_after_its_commit(
    engine_index, engine_writes, django_capture_on_commit_callbacks
):
    TopicFactory(slug="health", name="Health")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_resources(to_csv(rows(10), header=HEADER), "csv").created == 10
    ten = list(engine_writes)
    engine_writes.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert import_resources(to_csv(rows(40, 10), header=HEADER), "csv").created == 40

    assert ten == engine_writes == ["add_items"]
    assert in_engine(engine_index) == Resource.objects.filter(live=True).count() == 50


def test_an_import_that_fails_mid_way_leaves_nothing_in_the_engine(
    engine_index, engine_writes, django_capture_on_commit_callbacks
):
    TopicFactory(slug="health", name="Health")

    def progress(iterable, stage, total):
        if stage == Stage.CHECKING:
            # Someone takes the last row's slug once the existing slugs were read.
            Resource.objects.create(
                title="Taken", slug="imported-39", summary="S.", resource_type="report"
            )
        return iterable

    with django_capture_on_commit_callbacks(execute=True):
        result = import_resources(to_csv(rows(40), header=HEADER), "csv", progress=progress)

    assert not result.written and [error.row for error in result.errors] == [41]
    assert list(Resource.objects.values_list("slug", flat=True)) == ["imported-39"]
    assert engine_writes == []
    assert in_engine(engine_index) == 0
