"""The real worker process (`manage.py db_worker`, as in production) imports a
file uploaded in the admin: the request only stored it in an ImportRun and
queued the task; the page follows the run's progress until it is done.

The worker is another process on the test database, so these tests commit
what they do."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.search.models import IndexEntry

from resources.models import ImportRun, Resource
from tests.home.factories import TopicFactory
from tests.processes import clean_env, start_worker, stop, suite_database_url
from tests.resources.test_import import IMPORT_URL, client_for, grant, to_csv

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = ["title", "summary", "resource_type", "topics"]


@pytest.fixture
def worker(tmp_path):
    url = suite_database_url()
    if url is None:
        pytest.skip("the worker process needs the test database on a server: run `make test`")
    env = clean_env(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=url)
    log_path = tmp_path / "worker.log"
    process = start_worker(env, log_path)
    yield process, log_path
    stop(process)


def rows(count):
    return [[f"Resource {n}", f"Summary {n}.", "report", "health"] for n in range(count)]


def follow(client, run_url, worker, timeout=120):
    """The run's page, read as an editor's browser would until it is finished:
    the (status, rows checked, rows done) each reading showed."""
    process, log_path = worker
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        # The run first: the page read after it is at least as far.
        run = ImportRun.objects.get()
        response = client.get(run_url)
        assert response.status_code == 200
        seen.append((run.status, run.rows_checked, run.rows_done))
        if run.finished:
            return run, response, seen
        # The page may already be further than the run read before it (finished
        # in between): a page that shows the import under way refreshes itself.
        if any(f'data-status="{s}"'.encode() in response.content for s in ("queued", "running")):
            assert b'http-equiv="refresh"' in response.content
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError("the worker did not finish the import:\n" + log_path.read_text())
        time.sleep(0.1)


def test_the_worker_imports_an_uploaded_file_and_the_page_follows_it(editor, worker):
    TopicFactory(slug="health", name="Health")
    client = client_for(grant(editor, "add_resource", "change_resource", "publish_resource"))
    # Enough rows to be seen part-way: the worker writes them in batches.
    upload = SimpleUploadedFile("many.csv", to_csv(rows(500), header=HEADER))

    response = client.post(IMPORT_URL, {"file": upload})

    run = ImportRun.objects.get()
    assert response.status_code == 302 and run.rows_total == 500
    run_url = reverse("resources_import_run", args=[run.pk])
    run, response, seen = follow(client, run_url, worker)
    assert (run.status, run.rows_checked, run.rows_done, run.created) == ("done", 500, 500, 500)
    assert "500 created" in response.content.decode()
    # Progress only goes forward, and was seen part-way.
    assert seen == sorted(seen, key=lambda reading: reading[1:]), seen
    assert any(0 < done < 500 for _status, _checked, done in seen), seen
    assert Resource.objects.filter(live=True).count() == 500
    assert Resource.objects.get(slug="resource-7").latest_revision.user == editor


def test_a_failing_row_in_the_worker_leaves_nothing_saved_or_indexed(editor, worker):
    TopicFactory(slug="health", name="Health")
    client = client_for(grant(editor, "add_resource", "change_resource", "publish_resource"))
    bad = [*rows(60), ["The last one", "Summary.", "report", "helth"]]

    client.post(IMPORT_URL, {"file": SimpleUploadedFile("bad.csv", to_csv(bad, header=HEADER))})

    run_url = reverse("resources_import_run", args=[ImportRun.objects.get().pk])
    run, response, _seen = follow(client, run_url, worker)
    assert (run.status, run.rows_done, run.created) == ("failed", 0, 0)
    assert run.problems == [
        {
            "row": 62,
            "field": "topics",
            "value": "helth",
            "reason": "unknown topic 'helth' (did you mean 'health'?); use one of: health",
        }
    ]
    assert "nothing was imported" in response.content.decode()
    assert Resource.objects.count() == 0
    assert not IndexEntry.objects.filter(content_type__model="resource").exists()
