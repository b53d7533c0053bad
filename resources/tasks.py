"""Admin imports, done by the background worker (`manage.py db_worker
--backend background`), so that a file of any size imports without holding a
request: the admin stored the file in an ImportRun and shows its progress.

The import itself is the one the command runs (resources/importing/): every
row checked first, then all written in one transaction or none.
"""

import datetime
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .importing import import_resources
from .importing.results import Stage
from .models import ImportRun

logger = logging.getLogger(__name__)

Status = ImportRun.Status
# The run's counter each stage advances.
COUNTERS = {Stage.CHECKING: "rows_checked", Stage.WRITING: "rows_done"}


def queue_import(user, filename, file_format, text, rows, language):
    """Store a file read whole (importing.read_whole_file) as a run, and queue
    it for the worker: the one way an admin import starts."""
    run = ImportRun.objects.create(
        user=user,
        filename=filename[:255],
        file_format=file_format,
        language=language or "en",
        content=text,
        rows_total=rows,
    )
    run_import.enqueue(run.pk)
    return run


@task(backend="background")
def run_import(run_id):
    run = ImportRun.objects.select_related("user").filter(pk=run_id, status=Status.QUEUED).first()
    if run is None:
        return  # settled by an earlier run of this task
    ImportRun.objects.filter(pk=run.pk).update(status=Status.RUNNING, heartbeat_at=timezone.now())
    if run.user is None or not run.user.is_active:
        # Without its user an import would be unlimited, as the command is.
        finish(run, Status.FAILED, _("The account that started this import is gone."))
        return
    progress = ProgressRecorder(run.pk)
    try:
        with translation.override(run.language):
            result = import_resources(
                run.content, run.file_format, user=run.user, progress=progress
            )
    except Exception:
        # Anything unforeseen: the transaction rolled back, and the editor sees
        # a failure rather than "running" for ever; the worker logs the traceback.
        progress.close()
        finish(
            run,
            Status.FAILED,
            _("The import stopped on an unexpected error; nothing was imported."),
        )
        raise
    progress.close()
    run.problems = [
        {"row": e.row, "field": e.field, "value": e.value, "reason": e.reason}
        for e in result.errors
    ]
    run.created, run.updated = result.created, result.updated
    run.published, run.drafts = result.published, result.drafts
    # The last counts again, from this connection: the page reads the run as
    # finish() leaves it, whatever became of the progress thread's writes.
    run.rows_checked = progress.counts.get("rows_checked", 0)
    run.rows_done = progress.counts.get("rows_done", 0) if result.written else 0
    with translation.override(run.language):
        summary = result.summary
    finish(run, Status.DONE if result.written else Status.FAILED, summary)


def finish(run, status, summary):
    run.status = status
    run.summary = summary
    run.finished_at = timezone.now()
    run.content = ""  # the resources (or the editor's own file) keep it
    run.save(
        update_fields=[
            "status",
            "summary",
            "finished_at",
            "content",
            "problems",
            "created",
            "updated",
            "published",
            "drafts",
            "rows_checked",
            "rows_done",
        ]
    )


def heartbeats_kept():
    """Whether the worker can report while it imports. SQLite lets one
    connection write at a time: a beat would wait behind the import's own
    transaction, and a long import would look stalled."""
    return connection.vendor != "sqlite"


def settle_stalled_runs():
    """Runs the worker stopped reporting on (it was killed or restarted in the
    middle) are failed, as they are: the import writes in one transaction, so
    nothing of theirs was kept. Called wherever editors read runs; without it
    such a run would show "Running" for ever. A worker that reports again after
    all still has the last word (finish())."""
    if not heartbeats_kept():
        return
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.IMPORT_STALL_SECONDS)
    # Runs from before the heartbeat have none: their start tells.
    stalled = ImportRun.objects.filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at=None, created_at__lt=cutoff),
        status=Status.RUNNING,
    )
    for run in stalled:
        with translation.override(run.language):
            summary = _(
                "The import stopped when the background worker did; nothing was imported. "
                "Import the file again."
            )
        # Only if it is still stalled: the worker may have reported meanwhile.
        stalled.filter(pk=run.pk).update(
            status=Status.FAILED, summary=summary, finished_at=timezone.now(), content=""
        )


class ProgressRecorder:
    """The import's `progress`: counts the rows of each stage into the run, at
    most every `interval` seconds, and says the worker is still at the run
    (its heartbeat) four times per IMPORT_STALL_SECONDS, whether rows move
    or not. Both are written from a thread of their own, hence on a
    connection of their own: the writing stage is one transaction, and what
    it writes no one else sees until it ends."""

    def __init__(self, run_id, interval=0.5):
        self.run_id = run_id
        self.interval = interval
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-progress")
        self.counts = {}
        self.stopped = threading.Event()
        self.heart = threading.Thread(target=self.beat, name="import-heartbeat", daemon=True)
        if heartbeats_kept():
            self.heart.start()

    def beat(self):
        while not self.stopped.wait(settings.IMPORT_STALL_SECONDS / 4):
            self.thread.submit(self.write_heartbeat)

    def write_heartbeat(self):
        try:
            ImportRun.objects.filter(pk=self.run_id).update(heartbeat_at=timezone.now())
        except Exception:  # a missed beat is made up by the next
            logger.exception("Could not record the heartbeat of import %s", self.run_id)

    def __call__(self, iterable, stage, total):
        counter = COUNTERS[stage]
        last = time.monotonic()
        count = 0
        for count, item in enumerate(iterable, start=1):
            yield item
            if time.monotonic() - last >= self.interval:
                last = time.monotonic()
                self.record(counter, count)
        self.record(counter, count)

    def record(self, counter, count):
        self.counts[counter] = count
        self.thread.submit(self.write, counter, count)

    def write(self, counter, count):
        try:
            ImportRun.objects.filter(pk=self.run_id).update(**{counter: count})
        except Exception:  # the progress is a courtesy: never fail the import over it
            logger.exception("Could not record the progress of import %s", self.run_id)

    def close(self):
        self.stopped.set()
        if self.heart.is_alive():
            self.heart.join()
        self.thread.submit(connection.close)
        self.thread.shutdown(wait=True)
