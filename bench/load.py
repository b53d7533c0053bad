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

Some targets come in pairs: the same list through API v3 and API v2 (PAIRS).
Before measuring, both must answer the same items (the same ids, in the same
order, with the fields asked for); afterwards the pair's v3/v2 ratio of
requests/s is reported, and flagged when v3 is slower (the issue: a v3 list
must not be slower than v2 for the same items in the same run).

    python bench/load.py --only "news, bodies and images"

measures only the targets whose names contain one of the --only strings (and
the ceiling), in the runs that have any, and writes
bench/results/load-partial.json (or --output) instead of load.json, which
bench/summary.py reads for REPORT.md.
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

# The news list with bodies and listing images, the first 20 items of each
# API's default order (v2: by id; v3: by tree path, which is the same order
# for pages added one after the other to one index). v2's listing_image is an
# id and a title; its image URL is listing_image_thumbnail, so v2 is asked for
# both, as a client showing the pictures would; v3's listing_image carries its
# renditions itself.
NEWS_LIMIT = 20
NEWS_V3 = f"/api/v3/pages/?type=home.NewsPage&fields=body,listing_image&limit={NEWS_LIMIT}"
NEWS_V2 = (
    "/api/v2/pages/?type=home.NewsPage&fields=body,listing_image,listing_image_thumbnail"
    f"&limit={NEWS_LIMIT}"
)
# (pair, v3 target, v2 target, fields every item must carry)
PAIRS = [
    (
        "news, bodies and images",
        "API v3 news, bodies and images",
        "API v2 news, bodies and images",
        ("body", "listing_image"),
    ),
]
# Below this v3/v2 ratio of requests/s, v3 is slower than v2. Between it and
# 1.05 the report adds that the difference is within this machine's noise.
PAIR_NOISE = 0.05


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
        (PAIRS[0][1], NEWS_V3, False),
        (PAIRS[0][2], NEWS_V2, False),
        (f"discussion, {thread.comment_count} comments", thread.get_absolute_url(), False),
    ]


def fetch(port, path, body=False):
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    content = response.read()
    connection.close()
    if body:
        return response.status, content
    return response.status, response.getheader("X-Page-Cache")


def check(port, name, path, expect_cached):
    """The answer is a 200, and comes from the page cache exactly when it should."""
    fetch(port, path)
    status, cache = fetch(port, path)
    if status != 200:
        sys.exit(f"{name}: {path} answered {status}")
    if (cache == "hit") != expect_cached:
        sys.exit(f"{name}: {path} X-Page-Cache is {cache!r}, expected {expect_cached}")


def api_items(port, name, path):
    """(count, items) of an API list: v3's envelope or v2's."""
    status, content = fetch(port, path, body=True)
    if status != 200:
        sys.exit(f"{name}: {path} answered {status}")
    answer = json.loads(content)
    count = answer["count"] if "count" in answer else answer["meta"]["total_count"]
    return count, answer["items"]


def check_pairs(port, measured):
    """Both lists of a pair answer the same items with the fields asked for:
    a ratio between different items would mean nothing."""
    paths = {name: path for name, path, _ in measured}
    for pair, v3_name, v2_name, fields in PAIRS:
        if v3_name not in paths or v2_name not in paths:
            continue
        (v3_count, v3_items), (v2_count, v2_items) = (
            api_items(port, name, paths[name]) for name in (v3_name, v2_name)
        )
        v3_ids, v2_ids = [i["id"] for i in v3_items], [i["id"] for i in v2_items]
        if v3_ids != v2_ids or v3_count != v2_count:
            sys.exit(
                f"{pair}: v3 answers {v3_count} items, {v3_ids}; "
                f"v2 answers {v2_count} items, {v2_ids}: not the same list"
            )
        if len(v3_ids) != NEWS_LIMIT:
            sys.exit(f"{pair}: {len(v3_ids)} items, not {NEWS_LIMIT}")
        for items in (v3_items, v2_items):
            missing = [(i["id"], f) for i in items for f in fields if f not in i]
            if missing:
                sys.exit(f"{pair}: items without the fields asked for: {missing[:5]}")
        with_images = sum(1 for item in v3_items if item["listing_image"])
        with_bodies = sum(1 for item in v3_items if item["body"])
        if not with_images or not with_bodies:
            sys.exit(f"{pair}: {with_images} items with an image, {with_bodies} with a body")
        log(
            f"{pair}: v3 and v2 answer the same {len(v3_ids)} items of {v3_count} "
            f"(ids {v3_ids[0]}…{v3_ids[-1]}), {with_bodies} with a body, "
            f"{with_images} with an image"
        )


def compare_pairs(pages):
    """v3 against v2 for each pair measured in this run."""
    by_name = {page["name"]: page for page in pages}
    compared = []
    for pair, v3_name, v2_name, _fields in PAIRS:
        if v3_name not in by_name or v2_name not in by_name:
            continue
        v3, v2 = by_name[v3_name], by_name[v2_name]
        if not v3["requests"] or not v2["requests"]:
            log(f"{pair}: no answer completed in v3's or v2's run: not compared")
            continue
        ratio = v3["requests_per_second"] / v2["requests_per_second"]
        compared.append(
            {
                "name": pair,
                "v3": {key: v3[key] for key in ("name", "path", "requests_per_second")},
                "v2": {key: v2[key] for key in ("name", "path", "requests_per_second")},
                # Above 1: v3 serves more requests per second than v2.
                "throughput_ratio": round(ratio, 3),
                # Above 1: v3 takes longer than v2.
                "latency_ratio": {
                    key: round(v3["latency_ms"][key] / v2["latency_ms"][key], 2)
                    for key in ("p50", "p95", "p99")
                },
                "kb_per_response": {"v3": v3["kb_per_response"], "v2": v2["kb_per_response"]},
                "v3_slower": ratio < 1,
                "within_noise": abs(ratio - 1) <= PAIR_NOISE,
            }
        )
    return compared


def pair_verdict(pair):
    ratio = pair["throughput_ratio"]
    if not pair["v3_slower"]:
        return f"v3 at {ratio:.2f}x v2's requests/s: not slower"
    noise = " (within this machine's run-to-run noise)" if pair["within_noise"] else ""
    return f"V3 SLOWER THAN V2: {ratio:.2f}x v2's requests/s{noise}"


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
        check_pairs(server.port, measured)
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
    pairs = compare_pairs(pages)
    for pair in pairs:
        log(
            f"API v3 against v2, {pair['name']}: v3 {pair['v3']['requests_per_second']} "
            f"req/s, v2 {pair['v2']['requests_per_second']} req/s, p50 v3/v2 "
            f"{pair['latency_ratio']['p50']}: {pair_verdict(pair)}"
        )
    return {
        "label": label,
        "page_cache": page_cache,
        "ceiling": {"before": before, "after": after, "requests_per_second": round(ceiling, 1)},
        "pages": pages,
        "pairs": pairs,
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
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="measure only the targets whose names contain TEXT (repeatable)",
    )
    parser.add_argument(
        "--output",
        help="file under bench/results/ (default load.json, or load-partial.json with --only)",
    )
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        sys.exit("REDIS_URL is not set: the page cache needs Redis, as in production")

    measured = targets()
    if args.only:
        measured = [t for t in measured if any(text in t[0] for text in args.only)]
        if not measured:
            sys.exit(f"no target's name contains any of {args.only}")
    output = args.output or ("load-partial.json" if args.only else "load.json")
    pages = [target for target in measured if target[2]]
    runs = [run("page cache on", True, measured, args)]
    if pages:
        runs.append(run("page cache off", False, pages, args))
    result = {
        "commit": commit(),
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "server": f"gunicorn bench.wsgi, {args.workers} gthread workers x {args.threads} threads",
        "client": f"wrk, 2 threads, {args.connections} connections (a new one per request), "
        f"{args.warmup} s warm-up + {args.seconds} s per target",
        "only": args.only,
        "runs": runs,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / output).write_text(json.dumps(result, indent=2) + "\n")
    log(f"wrote bench/results/{output}")
    for measured_run in runs:
        for pair in measured_run["pairs"]:
            log(f"API v3 against v2, {pair['name']}: {pair_verdict(pair)}")
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
