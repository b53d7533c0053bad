"""How an import writes: new resources in bulk (resources/importing/creating.py)
leave the same rows as Wagtail's own create and publish actions, in a number
of statements that does not grow with the rows; a row that fails to save
mid-way leaves nothing."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.actions.create import CreateAction
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.signals import published

from home.models import Topic
from resources.importing import Stage, import_resources
from resources.models import Resource
from tests.home.factories import TopicFactory
from tests.resources.test_import import grant, to_csv

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]

HEADER = ["title", "summary", "body", "resource_type", "topics", "tags", "live"]


@pytest.fixture
def importer(editor):
    TopicFactory(slug="health", name="Health")
    return grant(editor, "add_resource", "change_resource", "publish_resource")


def row(title, live="true"):
    return [title, "S.", "<p>Body.</p>", "report", "health", "one;two", live]


def by_wagtail(title, slug, body, user, publish):
    """The resource an editor makes in the admin: Wagtail's create action."""
    resource = Resource(title=title, slug=slug, summary="S.", resource_type="report", body=body)
    resource.topics.set(list(Topic.objects.filter(slug="health")))
    resource.tags.set(["one", "two"])
    return CreateAction(resource, user=user, publish=publish).execute()


def written(resource):
    """What the database holds for a resource, without ids, names and times."""
    resource = Resource.objects.get(pk=resource.pk)
    revision = resource.latest_revision
    content = {
        key: value
        for key, value in revision.content.items()
        if key not in {"pk", "id", "title", "slug", "translation_key", "created_at", "updated_at"}
    }
    content["tagged_items"] = sorted(item["tag"] for item in content["tagged_items"])
    return {
        "state": (
            resource.live,
            resource.has_unpublished_changes,
            resource.expired,
            resource.first_published_at is not None,
            resource.last_published_at is not None,
            resource.live_revision_id == (revision.pk if resource.live else None),
            resource.publication_year,
        ),
        "revisions": resource.revisions.count(),
        "revision": (revision.user_id, revision.object_str == resource.title, content),
        "log": [
            (
                entry.action,
                entry.user_id,
                entry.revision_id == revision.pk,
                entry.data,
                entry.content_changed,
                entry.deleted,
                entry.label,
            )
            for entry in ModelLogEntry.objects.for_instance(resource).order_by("id")
        ],
        "references": sorted(
            (to_type, to_id, model_path, re.sub(r"\.\d+\.", ".<id>.", content_path))
            for to_type, to_id, model_path, content_path in ReferenceIndex.objects.filter(
                object_id=str(resource.pk)
            ).values_list("to_content_type_id", "to_object_id", "model_path", "content_path")
        ),
        "topics": list(resource.topics.values_list("slug", flat=True)),
        "tags": sorted(resource.tags.names()),
    }


@pytest.mark.parametrize("live", [True, False])
def test_an_imported_resource_is_written_as_wagtails_actions_write_it(importer, live):
    sent = []
    published.connect(receiver := lambda **kwargs: sent.append(kwargs["instance"].slug))
    try:
        result = import_resources(
            to_csv([row("Same", live=str(live).lower())], header=HEADER), "csv", user=importer
        )
        assert result.ok, result.errors
        imported = Resource.objects.get(slug="same")
        made = by_wagtail("Same", "same-1", imported.body, importer, publish=live)
    finally:
        published.disconnect(receiver)

    assert written(imported) == written(made)
    assert sent == (["same", "same-1"] if live else [])


def statements_to_import(importer, rows):
    data = to_csv([row(f"Resource {n}") for n in range(rows)], header=HEADER)
    with CaptureQueriesContext(connection) as queries:
        result = import_resources(data, "csv", user=importer)
    assert result.ok and result.created == rows, result.errors
    return len(queries)


def test_the_statements_do_not_grow_with_the_rows(importer, django_capture_on_commit_callbacks):
    """Before the bulk writing, each row took about 115 statements (Wagtail's
    actions, the reference index three times, indexing one by one)."""
    with django_capture_on_commit_callbacks(execute=True):
        statements_to_import(importer, 2)  # the first import warms the caches
    Resource.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        ten = statements_to_import(importer, 10)
    Resource.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        forty = statements_to_import(importer, 40)
    # What remains per row: the webhook event's default Site; 40 rows are
    # written in two batches (writing.batch_size), 10 in one.
    assert forty - ten <= 30 * 2, (ten, forty)


def test_a_row_that_fails_to_save_mid_way_leaves_nothing(
    importer, django_capture_on_commit_callbacks
):
    rows = [row(f"Resource {n}") for n in range(40)]

    def progress(iterable, stage, total):
        if stage == Stage.CHECKING:
            # Someone takes row 31's slug once the existing slugs were read.
            Resource.objects.create(
                title="Taken", slug="resource-29", summary="S.", resource_type="report"
            )
        return iterable

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = import_resources(
            to_csv(rows, header=HEADER), "csv", user=importer, progress=progress
        )

    assert not result.written and result.created == 0
    assert [error.row for error in result.errors] == [31]
    assert "Slug already exists" in result.errors[0].reason
    assert list(Resource.objects.values_list("slug", flat=True)) == ["resource-29"]
    assert not ModelLogEntry.objects.exists()
    assert callbacks == []  # nothing to index, no page to retire, no webhook
