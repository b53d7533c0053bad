"""Publishing, editing, unpublishing and deleting keep the real engine's index
equal to what the public may see."""

import pytest
from django.core.management import call_command

from resources.facets import FACETS
from resources.models import Resource
from search.engine import EngineFacetedSearch
from search.faceted import SearchQuery
from tests.home.factories import TopicFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def engine_titles(engine_index, text=""):
    engine_index.refresh()
    page = EngineFacetedSearch(Resource.objects.visible(), FACETS).search(
        SearchQuery(text=text, page_size=100)
    )
    return {item.title for item in page.items}


def test_publish_edit_unpublish_and_delete(engine_index, committed):
    topic = TopicFactory(slug="water", name="Water")
    resource = ResourceFactory(
        title="Smart water meters", live=False, relations__topics=[topic], relations__publish=False
    )
    assert engine_titles(engine_index) == set(), "a draft is never indexed"

    with committed():
        resource.save_revision().publish()
    assert engine_titles(engine_index, "water meters") == {"Smart water meters"}
    # The many-to-many relations are in the index too (they are saved after the row).
    engine_index.refresh()
    by_topic = EngineFacetedSearch(Resource.objects.visible(), FACETS).search(
        SearchQuery(filters={"topic": ["water"]})
    )
    assert by_topic.total == 1

    resource.refresh_from_db()  # publishing went through a copy made from the revision
    resource.title = "Smart water meters, second edition"
    with committed():
        resource.save_revision().publish()
    resource.refresh_from_db()
    assert engine_titles(engine_index, "edition") == {"Smart water meters, second edition"}

    with committed():
        resource.unpublish()
    assert engine_titles(engine_index) == set()

    with committed():
        resource.save_revision().publish()
    resource.refresh_from_db()
    assert engine_titles(engine_index) == {"Smart water meters, second edition"}
    with committed():
        resource.delete()
    assert engine_titles(engine_index) == set()


def test_saving_a_draft_of_a_live_resource_does_not_change_what_is_indexed(engine_index, committed):
    with committed():
        resource = ResourceFactory(title="Published title", relations__publish=True)
    resource.title = "Draft title nobody should see"
    resource.save_revision()  # a draft: the live row keeps its published title
    assert engine_titles(engine_index) == {"Published title"}


def test_update_index_rebuilds_the_engine_index_with_only_live_resources(engine_index):
    import io

    ResourceFactory(title="Live one", relations__publish=True)
    ResourceFactory(title="Draft one", live=False)
    output = io.StringIO()
    call_command("update_index", backend_name="engine", stdout=output)
    assert engine_titles(engine_index) == {"Live one"}
    # A progress bar per model, counting the objects it indexes.
    progress = output.getvalue()
    assert "resources.Resource" in progress and "1/1" in progress and "100%" in progress
    assert "merged" in progress and "into one segment" in progress


def segment_count(backend, name):
    shards = backend.es.indices.segments(index=name)["indices"]
    return sum(
        len(copy["segments"])
        for index in shards.values()
        for copies in index["shards"].values()
        for copy in copies
    )


def test_merge_segments_leaves_the_rebuilt_index_in_one_segment(engine_index):
    from search.index_maintenance import merge_segments
    from tests.search.conftest import engine_backend

    backend = engine_backend()
    name = backend.get_index_for_model(Resource).name
    # Each refresh writes what was indexed since the last one as a new segment.
    for title in ("First", "Second", "Third"):
        backend.add(ResourceFactory(title=title, relations__publish=True))
        engine_index.refresh()
    assert segment_count(backend, name) > 1

    assert name in merge_segments(backend)
    assert segment_count(backend, name) == 1
    assert engine_titles(engine_index) == {"First", "Second", "Third"}


def test_scheduled_publishing_puts_the_resource_online_and_in_the_index(engine_index, committed):
    import datetime

    from django.utils import timezone

    resource = ResourceFactory(title="Scheduled guide", live=False)
    resource.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = resource.save_revision()
    revision.publish()  # with a future go-live time this schedules instead of publishing
    resource.refresh_from_db()
    assert not resource.live
    assert engine_titles(engine_index) == set()

    # Time passes: move the go-live time (kept on the revision and in its content) into the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    with committed():
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    resource.refresh_from_db()
    assert resource.live
    assert engine_titles(engine_index) == {"Scheduled guide"}


def test_a_rolled_back_publish_leaves_nothing_in_the_engine(engine_index, committed):
    from django.db import transaction

    resource = ResourceFactory(title="Imported then rolled back", live=False)
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        resource.save_revision().publish()
        raise RuntimeError("a later row of the import failed")
    assert engine_titles(engine_index) == set()
