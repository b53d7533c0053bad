"""Throughput and latency of the site's pages under load, against a ceiling
measured in the same run.

    python bench/load.py [--seconds 15] [--connections 16] [--workers 2] [--threads 4]

Needs the data of bench/generate.py and bench/site.py, wrk (Debian's package;
`scripts/services.sh ensure-wrk`), and REDIS_URL and SEARCH_URL for a
production-like server. Serves the site twice with gunicorn bench.wsgi on
127.0.0.1 (DEBUG off, gthread workers, persistent database connections):

  1. as in production: the page cache on (Redis), OpenSearch answering. Each
     page is measured after it is cached; the Forum and the API are never
     page-cached, so they are measured uncached here;
  2. with the page cache off (PAGE_CACHE_SECONDS=0): the same pages, rendered
     for every request.

Each run opens and closes with the ceiling, /bench/ceiling/: a bare Django view
returning a small fixed HTML page through the same middleware. Every target is
one wrk run (a warm-up, then --seconds at --connections, a new connection for
each request, as behind a proxy), started once the workers are idle; wrk's Lua
script also counts the answers outside 2xx and those served from the page cache,
which must be all (at least 99 %) of a cached page's and none of the others';
a page's throughput is
given as a ratio of the run's ceiling (the higher of its two measurements). Any
error or non-2xx answer fails the benchmark. The peak resident memory of each
worker (VmHWM) is read before the server stops. Writes bench/results/load.json.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from bench.latency import HOST, RESULTS, Server, load_average, wait_for_quiet  # noqa: E402
from bench.provenance import commit, machine  # noqa: E402

CEILING = "/bench/ceiling/"
WRK_SCRIPT = ROOT / "bench" / "wrk-report.lua"
# Targets from the issue: shares of the ceiling's requests per second.
TARGET_CACHED = 0.70
TARGET_UNCACHED = 0.25


def log(message):
    print(f"[load {time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def targets():
    """(name, path, page-cacheable) for each thing measured, from the data."""
    import django

    django.setup()
    from django.db.models import Count
    from wagtail.models import Locale

    from community.models import Discussion
    from home.models import NewsPage
    from resources.models import Resource

    top = (
        Resource.objects.values_list("topics__slug", "countries__code")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    topic, country, _count = top
    news = NewsPage.objects.live().filter(locale=Locale.get_default()).order_by("-date").first()
    thread = Discussion.objects.order_by("-comment_count").first()
    if thread is None or thread.comment_count < 500:
        sys.exit("no discussion with 500 comments: run bench/site.py first")
    if NewsPage.objects.count() < 5000:
        log(f"only {NewsPage.objects.count()} news pages: bench/site.py makes 5,000")
    facets = f"topic={topic}&country={country}"
    return [
        ("home", "/", True),
        ("news index", "/news/", True),
        ("news page", news.get_url(), True),
        ("events index", "/events/", True),
        ("legal framework", "/legal-framework/", True),
        ("resources, two facets", f"/resources/?{facets}", True),
        (
            "API v3 resources, text and two facets",
            f"/api/v3/resources/?q=procurement&{facets}",
            False,
        ),
        ("API v2 news pages", "/api/v2/pages/?type=home.NewsPage", False),
        (f"discussion, {thread.comment_count} comments", thread.get_absolute_url(), False),
    ]


def fetch(port, path):
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, response.getheader("X-Page-Cache")


def check(port, name, path, expect_cached):
    """The answer is a 200, and comes from the page cache exactly when it should."""
    fetch(port, path)
    status, cache = fetch(port, path)
    if status != 200:
        sys.exit(f"{name}: {path} answered {status}")
    if (cache == "hit") != expect_cached:
        sys.exit(f"{name}: {path} X-Page-Cache is {cache!r}, expected {expect_cached}")


def wrk(port, path, seconds, connections):
    command = [
        "wrk",
        "--threads=2",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        # A connection per request, as a proxy (nginx's default) talks to
        # gunicorn. With keep-alive, one gthread worker may accept all of wrk's
        # connections, and a run measures one core or two at random.
        "--header=Connection: close",
        f"--script={WRK_SCRIPT}",
        f"http://{HOST}:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    summary = json.loads(next(line for line in output.stdout.splitlines() if line.startswith("{")))
    seconds = summary["duration_us"] / 1e6
    errors = summary["errors"]
    errors.pop("status")  # answers >= 400: part of non_2xx, which the script counts
    return {
        "requests": summary["requests"],
        "requests_per_second": round(summary["requests"] / seconds, 1),
        "latency_ms": {k: round(v / 1000, 2) for k, v in summary["latency_us"].items()},
        "errors": errors,
        "page_cache_hit_share": round(summary["page_cache_hits"] / max(summary["responses"], 1), 4),
        "kb_per_response": round(summary["bytes"] / max(summary["requests"], 1) / 1024, 1),
    }


def worker_pids(master_pid):
    return Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()


def wait_until_idle(master_pid, longest=60):
    """Until gunicorn's workers have finished what the last target left them.
    wrk stops sending, but slow requests already accepted keep a worker busy
    for seconds, and the next target would be measured on what is left."""
    ticks = os.sysconf("SC_CLK_TCK")

    def cpu():
        total = 0
        for pid in worker_pids(master_pid):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        return total

    started = time.monotonic()
    while time.monotonic() - started < longest:
        before = cpu()
        time.sleep(0.5)
        if cpu() - before <= 0.05 * ticks * 0.5:  # under 5 % of a core
            return
    log(f"the workers were still busy after {longest} s")


def measure(server, name, path, args):
    port = server.port
    wait_until_idle(server.process.pid)
    wrk(port, path, args.warmup, args.connections)
    result = wrk(port, path, args.seconds, args.connections)
    result.update(name=name, path=path)
    lat = result["latency_ms"]
    log(
        f"{name}: {result['requests_per_second']} req/s, p50 {lat['p50']} p95 {lat['p95']} "
        f"p99 {lat['p99']} ms, errors {sum(result['errors'].values())}"
    )
    return result


def worker_peaks(master_pid):
    """Peak resident memory (VmHWM) of each of gunicorn's workers, in MiB."""
    peaks = []
    for pid in worker_pids(master_pid):
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        peaks.append(round(kb / 1024, 1))
    return peaks


def run(label, page_cache, measured, args):
    settings = {"PAGE_CACHE_SECONDS": "300" if page_cache else "0"}
    wait_for_quiet(args.quiet_load, args.quiet_wait)
    with Server(
        os.environ.get("SEARCH_URL"),
        workers=args.workers,
        threads=args.threads,
        name=f"load-{label}",
        **settings,
    ) as server:
        for name, path, cacheable in measured:
            check(server.port, name, path, expect_cached=page_cache and cacheable)
        before = measure(server, "ceiling", CEILING, args)
        pages = [measure(server, name, path, args) for name, path, _ in measured]
        after = measure(server, "ceiling", CEILING, args)
        peaks = worker_peaks(server.process.pid)
    # The higher of the two: a dip in one measurement must not flatter the pages.
    ceiling = max(before["requests_per_second"], after["requests_per_second"])
    for (name, _, cacheable), page in zip(measured, pages, strict=True):
        page["page_cached"] = page_cache and cacheable
        # Every answer was what it was meant to be: from the cache, or made.
        hits = page["page_cache_hit_share"]
        if (hits < 0.99) if page["page_cached"] else (hits > 0):
            sys.exit(f"{name}: {hits:.1%} of the answers came from the page cache")
        page["ratio"] = round(page["requests_per_second"] / ceiling, 3)
        page["target"] = TARGET_CACHED if page["page_cached"] else TARGET_UNCACHED
        page["met"] = page["ratio"] >= page["target"]
    log(f"{label}: ceiling {ceiling:.0f} req/s; worker peaks {peaks} MiB")
    return {
        "label": label,
        "page_cache": page_cache,
        "ceiling": {"before": before, "after": after, "requests_per_second": round(ceiling, 1)},
        "pages": pages,
        "worker_peak_mib": peaks,
        "load_average_after": load_average(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--quiet-load", type=float, default=1.2)
    parser.add_argument("--quiet-wait", type=float, default=300)
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        sys.exit("REDIS_URL is not set: the page cache needs Redis, as in production")

    measured = targets()
    pages = [target for target in measured if target[2]]
    runs = [
        run("page cache on", True, measured, args),
        run("page cache off", False, pages, args),
    ]
    result = {
        "commit": commit(),
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "server": f"gunicorn bench.wsgi, {args.workers} gthread workers x {args.threads} threads",
        "client": f"wrk, 2 threads, {args.connections} connections (a new one per request), "
        f"{args.warmup} s warm-up + {args.seconds} s per target",
        "runs": runs,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    errors = sum(
        sum(page["errors"].values())
        for measured_run in runs
        for page in [*measured_run["pages"], *measured_run["ceiling"].values()]
        if isinstance(page, dict) and "errors" in page
    )
    if errors:
        sys.exit(f"{errors} errors under load: see bench/results/load.json")


if __name__ == "__main__":
    main()
