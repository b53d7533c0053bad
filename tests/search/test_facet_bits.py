"""Facet counts from bits kept in memory (search/facet_bits.py): the same
counts as the SQL, never older than the rows whoever wrote them, and the SQL
whenever the bits cannot be trusted or are not worth building."""

import threading
from datetime import date

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from home.models import Topic
from resources.facets import FACETS
from resources.models import Resource
from search import data_version, facet_bits, id_sets
from search.faceted import DatabaseFacetedSearch, SearchQuery
from search.id_sets import Ids
from tests.home.factories import TopicFactory
from tests.resources.factories import bulk_resources

pytestmark = pytest.mark.django_db

WATCHED = data_version.watched_tables(Resource, FACETS)


def database_search():
    return DatabaseFacetedSearch(Resource.objects.visible(), FACETS, language="en")


def counts_both_ways(query):
    """(counts from the bits, counts in SQL) for `query`."""
    search = database_search()
    candidates, _chosen, selections, matching = search.id_sets(query)
    assert facet_bits.current_bits(search) is not None, "the bits should be in use"
    in_memory = search.facet_counts(candidates, selections, matching)
    in_sql = search.counts_in_sql(candidates, selections, matching)
    return in_memory, in_sql


def link_topic(resource, topic):
    # Written at once: the relation's own `add` waits for the resource's save.
    Resource.topics.through.objects.create(resource=resource, topic=topic)


def topic_counts():
    search = database_search()
    return search.facet_counts(None, {}, None)["topic"]


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery(),
        SearchQuery(text="innovation"),
        SearchQuery(filters={"topic": ["health"]}),
        SearchQuery(text="procure", filters={"topic": ["health", "ict"], "country": ["FI"]}),
        SearchQuery(filters={"type": ["report"]}, ranges={"year": (2020, 2022)}),
        SearchQuery(text="nothing-says-this"),
    ],
    ids=["everything", "words", "one-filter", "words-and-filters", "type-and-years", "no-match"],
)
def test_the_bits_count_what_the_sql_counts(corpus, query):
    in_memory, in_sql = counts_both_ways(query)
    assert in_memory == in_sql
    if query.text != "nothing-says-this":
        assert any(in_memory.values())


def test_kept_bits_count_with_a_single_short_statement(corpus):
    search = database_search()
    some = Ids(resource.pk for resource in corpus["resources"][::2])
    first = search.facet_counts(some, {}, some)

    with CaptureQueriesContext(connection) as queries:
        again = database_search().facet_counts(some, {}, some)

    assert again == first == search.counts_in_sql(some, {}, some)
    # The new search's version read; no counting statement, no rebuild.
    assert len(queries) == 1


def test_a_write_is_counted_by_the_next_search(corpus):
    before = topic_counts()
    energy = Topic.objects.get(slug="energy")
    resource = Resource.objects.visible().exclude(topics=energy).first()
    link_topic(resource, energy)
    assert topic_counts() == {**before, "energy": before["energy"] + 1}

    # A value renamed in its own table (the link rows do not change).
    Topic.objects.filter(pk=energy.pk).update(slug="power")
    renamed = topic_counts()
    assert "energy" not in renamed and renamed["power"] == before["energy"] + 1

    # A column facet, changed on the resource's row.
    year_before = database_search().facet_counts(None, {}, None)["year"]
    Resource.objects.filter(pk=resource.pk).update(publication_year=1999)
    years = database_search().facet_counts(None, {}, None)["year"]
    assert years["1999"] == 1
    assert years[str(resource.publication_year)] == year_before[str(resource.publication_year)] - 1


def test_without_their_triggers_the_bits_are_not_trusted(corpus):
    topic_counts()  # bits built and kept
    link_table = Resource.topics.through._meta.db_table
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute(f"DROP TRIGGER {data_version.trigger_name(Resource)} ON {link_table}")
    before = topic_counts()
    Resource.topics.through.objects.filter(topic__slug="health").delete()

    assert facet_bits.current_bits(database_search()) is None
    assert "health" not in topic_counts()
    assert before["health"] > 0


def test_bits_are_rebuilt_at_most_as_often_as_set(corpus, settings):
    settings.FACET_BITS_REBUILD_SECONDS = 3600
    before = topic_counts()  # built (or kept from the last test's version)
    Resource.topics.through.objects.filter(topic__slug="health").delete()
    search = database_search()
    if facet_bits.current_bits(search) is None:  # waiting: the SQL counts meanwhile
        assert "health" not in topic_counts()
    settings.FACET_BITS_REBUILD_SECONDS = 0
    assert facet_bits.current_bits(search) is not None
    assert "health" not in topic_counts() and before["health"] > 0


# The tests below write from other connections, which see only what is committed.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def committed_resource():
    """A published resource with a topic, committed."""
    health = TopicFactory(slug="health", name="Health")
    spec = {"title": "Committed", "summary": "", "publication_date": date(2024, 1, 1)}
    return bulk_resources([(spec, {"topics": [health]}, [])])[0]


def in_another_connection(work):
    """Runs `work()` on a connection of its own (another thread's), as another
    process would, and returns what it returned or raises what it raised."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@committing
def test_a_commit_elsewhere_moves_the_version_and_a_rollback_does_not(committed_resource):
    assert topic_counts() == {"health": 1}
    energy = TopicFactory(slug="energy", name="Energy")
    version = data_version.read_version(connection, Resource, WATCHED)

    def rolled_back():
        with transaction.atomic():
            link_topic(committed_resource, energy)
            transaction.set_rollback(True)

    in_another_connection(rolled_back)
    assert data_version.read_version(connection, Resource, WATCHED) == version
    assert topic_counts() == {"health": 1}

    in_another_connection(lambda: link_topic(committed_resource, energy))
    assert data_version.read_version(connection, Resource, WATCHED) != version
    assert topic_counts() == {"health": 1, "energy": 1}


@committing
def test_writers_do_not_wait_for_each_other(committed_resource):
    """A long import holds its transaction open; an editor's save meanwhile
    must not wait for it on the version."""
    first_wrote, second_done = threading.Event(), threading.Event()

    def long_import():
        with transaction.atomic():
            Resource.objects.filter(pk=committed_resource.pk).update(title="Imported")
            first_wrote.set()
            assert second_done.wait(timeout=30)

    def editors_save():
        assert first_wrote.wait(timeout=30)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")  # an error if it waits
            TopicFactory(slug="ict", name="ICT")
        second_done.set()

    importer = threading.Thread(target=in_another_connection, args=(long_import,))
    importer.start()
    try:
        in_another_connection(editors_save)
    finally:
        second_done.set()
        importer.join(timeout=60)
    assert Topic.objects.filter(slug="ict").exists()
    assert Resource.objects.get(pk=committed_resource.pk).title == "Imported"


def test_ids_too_high_for_bits_are_counted_in_sql(corpus, monkeypatch):
    search = database_search()
    assert facet_bits.current_bits(search) is not None  # built within the limit
    some = Ids(resource.pk for resource in corpus["resources"][::3])
    # From here on, ids this high are past what a set of bits may reach.
    monkeypatch.setattr(id_sets, "BITMAP_BYTES", max(some) // 8)
    assert some.bits is None
    assert search.facet_counts(some, {}, some) == search.counts_in_sql(some, {}, some)
