"""The real worker process (`manage.py db_worker`, as in production) imports a
file uploaded in the admin: the request only stored it in an ImportRun and
queued the task; the page follows the run's progress until it is done.

The worker is another process on the test database, so these tests commit
what they do."""

import datetime
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.search.models import IndexEntry

from resources.models import ImportRun, Resource
from tests.home.factories import TopicFactory
from tests.processes import clean_env, start_worker, stop, suite_database_url
from tests.resources.test_import import IMPORT_URL, client_for, grant, to_csv

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = ["title", "summary", "resource_type", "topics"]


def worker_env(**settings):
    url = suite_database_url()
    if url is None:
        pytest.skip("the worker process needs the test database on a server: run `make test`")
    return clean_env(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=url, **settings)


@pytest.fixture
def worker(tmp_path):
    log_path = tmp_path / "worker.log"
    process = start_worker(worker_env(), log_path)
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


# The worker reports four times within this; the test's own process (where
# the admin's pages run) is told the same.
STALL_SECONDS = 2


def test_a_run_whose_worker_is_killed_is_shown_failed_with_nothing_imported(
    editor, settings, tmp_path
):
    settings.IMPORT_STALL_SECONDS = STALL_SECONDS
    TopicFactory(slug="health", name="Health")
    client = client_for(grant(editor, "add_resource", "change_resource", "publish_resource"))
    log_path = tmp_path / "worker.log"
    process = start_worker(worker_env(IMPORT_STALL_SECONDS=str(STALL_SECONDS)), log_path)
    try:
        # Far more rows than it can do before it is killed.
        upload = SimpleUploadedFile("long.csv", to_csv(rows(10_000), header=HEADER))
        client.post(IMPORT_URL, {"file": upload})
        run = ImportRun.objects.get()
        run_url = reverse("resources_import_run", args=[run.pk])
        deadline = time.monotonic() + 60
        while run.status != "running":
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.05)
            run.refresh_from_db()

        # At work: longer than the stall without a row written, and still
        # running, its heartbeat moving.
        first_beat = run.heartbeat_at
        time.sleep(STALL_SECONDS * 1.5)
        assert b'data-status="running"' in client.get(run_url).content
        run.refresh_from_db()
        assert run.status == "running" and run.heartbeat_at > first_beat

        process.kill()  # as the kernel's OOM killer or a hard restart would
        process.wait(timeout=20)
        assert b'data-status="running"' in client.get(run_url).content  # not yet
        time.sleep(STALL_SECONDS * 1.5)
        page = client.get(run_url).content.decode()
    finally:
        if process.poll() is None:
            stop(process)
    run.refresh_from_db()
    assert run.status == "failed" and run.finished_at is not None and run.content == ""
    assert 'data-status="failed"' in page and 'http-equiv="refresh"' not in page
    assert "The import stopped when the background worker did" in page
    assert Resource.objects.count() == 0


def test_only_runs_the_worker_stopped_reporting_on_are_failed(editor, settings):
    """The rule itself, on runs as the database holds them: a running run is
    failed when its heartbeat (or, before it had one, its start) is older than
    the stall; fresh or waiting or finished runs are left alone."""
    settings.IMPORT_STALL_SECONDS = 60
    now = timezone.now()
    old = now - datetime.timedelta(seconds=61)

    def run(name, status, heartbeat_at=None, created_at=now, language="en"):
        made = ImportRun.objects.create(
            filename=name,
            file_format="csv",
            status=status,
            heartbeat_at=heartbeat_at,
            content="title\n",
            language=language,
        )
        ImportRun.objects.filter(pk=made.pk).update(created_at=created_at)
        return made.pk

    runs = {
        "beating": run("beating", "running", heartbeat_at=now),
        "stalled": run("stalled", "running", heartbeat_at=old, language="fr"),
        "from before heartbeats": run("before", "running", created_at=old),
        "just started": run("started", "running"),
        "waiting for the worker": run("waiting", "queued", created_at=old),
        "done": run("done", "done", heartbeat_at=old),
    }
    client = client_for(grant(editor, "add_resource", "change_resource", "publish_resource"))
    assert client.get(IMPORT_URL).status_code == 200

    status = dict(ImportRun.objects.values_list("pk", "status"))
    assert {name: status[pk] for name, pk in runs.items()} == {
        "beating": "running",
        "stalled": "failed",
        "from before heartbeats": "failed",
        "just started": "running",
        "waiting for the worker": "queued",
        "done": "done",
    }
    # In the language of the editor who started it, as the worker writes.
    assert ImportRun.objects.get(pk=runs["stalled"]).summary.startswith("L\u2019importation")
