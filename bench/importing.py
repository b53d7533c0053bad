"""The admin's resource import through the background worker, on a 10,000-row file.

    python bench/importing.py [--rows 10000] [--interval 0.5]

Makes a fresh database of its own (BENCH_DATABASE_URL, default
postgres://ppi:ppi@127.0.0.1:55432/ppi_bench_import; dropped and migrated each
run) with five topics, generates a CSV of `--rows` new resources (title,
summary, body, type, topics, countries, languages, procurement types,
publisher, date, tags), and does what the admin's import does: reads the file
whole as the upload request does (`read_whole_file`, timed: that is all the
request waits for), stores it as an ImportRun and queues it
(`resources.tasks.queue_import`). The worker (`manage.py db_worker --backend
background`, as `make run` starts it, bench.settings) checks every row and
writes them all in one transaction, publishing each (so each is indexed:
OpenSearch if SEARCH_URL is set, under BENCH_INDEX_PREFIX, else PostgreSQL).

The run is sampled every `--interval` seconds, as the run's page reads it
(rows checked, rows done), with the number of live resources this process
sees (it changes when the worker's transaction commits). Reported: the
request's time, the wait for the worker, the checking stage, the writing stage
(to the commit), the indexing after the commit (to the run's end), the whole
run (seconds, rows/s), the rows/s of each sampling interval (p50/p95,
lowest), and at the end the resources published, found by a search, and
held by the engine's index (which the run empties first) against the
database's. Writes bench/results/importing.json (`--output` another name).
"""

import argparse
import csv
import io
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("BENCH_DATABASE_URL", "postgres://ppi:ppi@127.0.0.1:55432/ppi_bench_import")
os.environ.setdefault("BENCH_INDEX_PREFIX", "bench_import_")

from bench.provenance import commit, machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TOPICS = ["health", "energy", "ict", "mobility", "construction"]
COUNTRIES = ["FI", "NL", "ES", "DE", "FR", "EU"]
LANGUAGES = ["en", "fr", "fi", "de"]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def generate(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "title",
            "summary",
            "body",
            "resource_type",
            "topics",
            "countries",
            "languages",
            "procurement_types",
            "publisher",
            "publication_date",
            "tags",
        ]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"Imported resource {n}: buying innovation in {TOPICS[n % 5]}",
                f"What procurer {n} learnt from a pre-commercial procurement, in two lines.",
                f"<p>Paragraph one of resource {n}.</p><p>Paragraph <b>two</b>.</p>",
                ["report", "guidance", "case-study", "policy"][n % 4],
                ";".join({TOPICS[n % 5], TOPICS[(n * 7) % 5]}),
                COUNTRIES[n % 6],
                LANGUAGES[n % 4],
                ["ppi", "pcp", "ppi|pcp"][n % 3],
                f"Agency {n % 50}",
                f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 9}",
                f"tag {n % 40};bench",
            ]
        )
    return out.getvalue().encode()


def fresh_database():
    import dj_database_url

    from cms.postgres import create_database, drop_database

    config = dj_database_url.parse(os.environ["BENCH_DATABASE_URL"])
    drop_database(config)
    create_database(config)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return env


def worker(env, log_path):
    command = ["manage.py", "db_worker", "--backend", "background", "--no-reload"]
    command += ["--interval", "0.5", "--no-startup-delay"]
    with open(log_path, "wb") as out:
        return subprocess.Popen(  # noqa: S603
            [sys.executable, *command], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )


def empty_engine_index(model):
    """The engine's index for `model`, emptied (a run before this one left its
    documents), or None without an engine."""
    from django.conf import settings
    from wagtail.search.backends import get_search_backend

    if "engine" not in settings.WAGTAILSEARCH_BACKENDS:
        return None
    from search.engine_analysis import empty_index

    return empty_index(get_search_backend("engine"), model)


def rates(samples):
    """Rows per second over each sampling interval in which rows moved."""
    found = []
    for (t0, c0, d0), (t1, c1, d1) in itertools.pairwise(samples):
        moved = (c1 - c0) + (d1 - d0)
        if moved and t1 > t0:
            found.append(moved / (t1 - t0))
    if len(found) < 2:
        return {"n": len(found)}
    cuts = statistics.quantiles(found, n=100, method="inclusive")
    return {
        "n": len(found),
        "p50": round(statistics.median(found), 1),
        "p5": round(cuts[4], 1),
        "p95": round(cuts[94], 1),
        "lowest": round(min(found), 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--output", default="importing.json")
    args = parser.parse_args()

    env = fresh_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from wagtail.search.backends import get_search_backend

    from resources.importing import read_whole_file
    from resources.models import ImportRun, Resource
    from resources.tasks import queue_import
    from tests.home.factories import TopicFactory

    engine = empty_engine_index(Resource)
    for slug in TOPICS:
        TopicFactory(slug=slug, name=slug.title())
    user = get_user_model().objects.create_superuser("bench-importer", "b@example.org", "x")
    data = generate(args.rows)
    log(f"{args.rows} rows, {len(data) / 1e6:.2f} MB")

    RESULTS.mkdir(exist_ok=True)
    # The worker's own log (a line per task) is not a result: kept out of results/.
    log_path = Path(tempfile.gettempdir()) / "bench-importing-worker.log"
    process = worker(env, log_path)
    try:
        started = time.monotonic()
        text, rows = read_whole_file(data, "csv")
        run = queue_import(user, "bench.csv", "csv", text, rows, "en")
        request_seconds = time.monotonic() - started
        log(f"queued in {request_seconds * 1000:.0f} ms")
        samples = [(0.0, 0, 0)]
        first_move = checked_at = committed_at = None
        while True:
            time.sleep(args.interval)
            now = time.monotonic() - started
            run.refresh_from_db()
            samples.append((now, run.rows_checked, run.rows_done))
            if first_move is None and run.status != "queued":
                first_move = now
            if checked_at is None and run.rows_checked >= rows:
                checked_at = now
            if committed_at is None and Resource.objects.filter(live=True).exists():
                committed_at = now
            if run.finished:
                break
            if process.poll() is not None:
                raise SystemExit("the worker stopped:\n" + log_path.read_text())
            if len(samples) % 20 == 0:
                log(f"{run.status}: checked {run.rows_checked}, done {run.rows_done} of {rows}")
        total = samples[-1][0]
    finally:
        process.terminate()
        process.wait(timeout=30)

    run = ImportRun.objects.get(pk=run.pk)
    checking = (checked_at or total) - (first_move or 0)
    writing = (committed_at or total) - (checked_at or total)
    indexing = total - (committed_at or total)
    live = Resource.objects.filter(live=True)
    indexed = get_search_backend().search("procurer", live).count()
    in_engine = None
    if engine is not None:
        engine.refresh()
        in_engine = engine.es.count(index=engine.name)["count"]
    result = {
        "commit": commit(),
        "machine": machine(),
        "search": "opensearch" if os.environ.get("SEARCH_URL") else "postgres",
        "rows": rows,
        "file_mb": round(len(data) / 1e6, 2),
        "status": run.status,
        "summary": run.summary,
        "request_ms": round(request_seconds * 1000, 1),
        "wait_for_worker_s": round(first_move or 0, 1),
        "checking_s": round(checking, 1),
        "writing_s": round(writing, 1),
        "indexing_after_commit_s": round(indexing, 1),
        "total_s": round(total, 1),
        "rows_per_s_overall": round(rows / total, 1),
        "writing_rows_per_s": round(rows / writing, 1) if writing else None,
        "rows_per_s_by_interval": rates(samples),
        "published": live.count(),
        "found_by_search": indexed,
        "in_engine_index": in_engine,
        "load_average_at_end": os.getloadavg(),
        "samples": samples,
    }
    (RESULTS / args.output).write_text(json.dumps(result, indent=2))
    log(json.dumps({key: value for key, value in result.items() if key != "samples"}, indent=2))


if __name__ == "__main__":
    main()
