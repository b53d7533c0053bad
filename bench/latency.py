"""Search latency of the Resource Centre API, against a ceiling measured in the same run.

    python bench/latency.py --label 10k [--requests 300] [--warmup 30] [--budget 300]
                                        [--block 25] [--only opensearch|elasticsearch|database]

Runs the site under gunicorn on 127.0.0.1 (bench.wsgi, 2 workers) once per
backend, all at the same time: with SEARCH_URL (OpenSearch answers), with
ELASTICSEARCH_URL when set (Elasticsearch answers, as the site's "engine"),
and twice with neither (PostgreSQL answers; once with nothing kept between
requests). After each one's warm-up, the backends take turns of `--block`
rounds until each has had `--requests`, so that all of them see the same
machine: a slower stretch (a neighbour on the host, a merge) lands on every
backend instead of on whichever one was running then. In a round one
sequential keep-alive client sends:

  1. a search: /api/v3/resources/?q=<words>&topic=<slug>&country=<code>
     (text + two filters; the answer always carries all six facets' counts),
  2. a facet-value search with the year histogram in the same answer:
     /api/v3/resources/?q=<words>&topic=<slug>&<facet>_q=<prefix>&year_from=..&year_to=..
     (one long facet's values narrowed to a prefix, a year range, `histograms`),
  3. the ceiling: /api/v3/events/?limit=1 (a trivial API v3 endpoint, one query),
  4. the floor: /bench/ping/ (a bare Django view: routing, middleware, WSGI).

Interleaving them means all of them see the same load. Every search
answer is checked (status 200, `backend` as expected, no fallback notice; the
facet-value search's values all begin with the prefix and its histogram has bars).
Writes bench/results/latency-<label>.json.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
HOST = "127.0.0.1"

CEILING = "/api/v3/events/?limit=1"
FLOOR = "/bench/ping/"


def log(message):
    print(f"[latency {time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def queries(count, seed):
    """Search requests as visitors make them: popular filter values more often,
    words from generic to specific (some combinations match nothing)."""
    from bench import corpus

    rng = random.Random(seed)  # noqa: S311 repeatable requests, not secrets
    topics = corpus.Sampler(rng, [slug for slug, _ in corpus.TOPICS], corpus.zipf_weights(18))
    countries = corpus.Sampler(
        rng, corpus.COUNTRY_ORDER, corpus.zipf_weights(len(corpus.COUNTRY_ORDER), 0.8)
    )
    made = []
    for _ in range(count):
        topic = topics.one()
        kind = rng.choices(["generic", "activity", "solution", "other"], [25, 30, 35, 10])[0]
        if kind == "generic":
            text = rng.choice(corpus.QUERIES_GENERIC)
        elif kind == "activity":
            text = rng.choice(corpus.QUERIES_ACTIVITY)
        else:
            # A thing bought, in the chosen topic or (for "other") in any topic.
            pool = corpus.SOLUTIONS[
                topic if kind == "solution" else rng.choice(list(corpus.SOLUTIONS))
            ]
            words = rng.choice(pool).split()
            text = " ".join(words[: rng.randint(1, min(2, len(words)))])
        params = {"q": text, "topic": topic, "country": countries.one()}
        made.append("/api/v3/resources/?" + urlencode(params))
    return made


def facet_queries(count, seed):
    """Facet-value searches with the year histogram, as a visitor makes them
    typing into a long facet's filter box after choosing a topic and a span
    of years: words as in `queries`, one to three letters of a country,
    language or topic, and a range of years, sometimes open at one end."""
    from bench import corpus

    rng = random.Random(seed)  # noqa: S311 repeatable requests, not secrets
    texts = queries(count, seed)
    topics = corpus.Sampler(rng, [slug for slug, _ in corpus.TOPICS], corpus.zipf_weights(18))
    names = {
        "country": [code.lower() for code in corpus.COUNTRY_ORDER],
        "language": corpus.LANGUAGE_ORDER,
        "topic": [slug for slug, _ in corpus.TOPICS],
    }
    years = list(corpus.YEARS)
    made = []
    for path in texts:
        words = dict(parse_qsl(urlsplit(path).query))["q"]
        facet = rng.choice(list(names))
        typed = rng.choice(names[facet])[: rng.randint(1, 3)]
        lowest = rng.choice(years[:-1])
        params = {"q": words, f"{facet}_q": typed, "year_from": lowest}
        if facet != "topic":
            params["topic"] = topics.one()
        if rng.random() < 0.8:
            params["year_to"] = min(years[-1], lowest + rng.randint(0, 8))
        made.append("/api/v3/resources/?" + urlencode(params))
    return made


def facet_answer_problem(path, answer):
    """What is wrong with a facet-value search's answer, or None."""
    query = dict(parse_qsl(urlsplit(path).query))
    name, typed = next((k[:-2], v) for k, v in query.items() if k.endswith("_q"))
    facet = next(facet for facet in answer["facets"] if facet["name"] == name)
    from search.facet_values import matches

    if not all(matches(typed, value["value"], value["label"]) for value in facet["values"]):
        return {"path": path, "facet": name, "values": facet["values"][:5]}
    bars = answer.get("histograms", [{}])[0].get("bars")
    if answer["count"] and not bars:
        return {"path": path, "histogram": bars}
    return None


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# Wagtail's backend for each engine the benchmark measures (scripts/services.sh).
ENGINE_BACKENDS = {
    "opensearch": os.environ.get("SEARCH_BACKEND", "opensearch2"),
    "elasticsearch": os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch7"),
}


class Server:
    """gunicorn bench.wsgi on 127.0.0.1, with or without a search engine: the
    node at `engine` answers, of kind `engine_name` (a key of ENGINE_BACKENDS)."""

    def __init__(
        self, engine, workers=2, threads=1, name=None, engine_name="opensearch", **settings
    ):
        self.engine = engine
        self.engine_name = engine_name
        self.workers = workers
        self.threads = threads
        self.settings = settings  # more environment variables, e.g. PAGE_CACHE_SECONDS
        self.port = free_port()
        name = name or (engine_name if engine else "database")
        self.log_path = RESULTS / f"gunicorn-{name}.log"

    def environment(self):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("AWS_")
            and key not in {"DATABASE_URL", "SEARCH_URL", "ELASTICSEARCH_URL"}
        }
        env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        env["PYTHONPATH"] = str(ROOT)
        if self.engine:
            env["SEARCH_URL"] = self.engine
            env["SEARCH_BACKEND"] = ENGINE_BACKENDS[self.engine_name]
        env.update(self.settings)
        return env

    def __enter__(self):
        RESULTS.mkdir(exist_ok=True)
        self.log = self.log_path.open("w")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603 fixed arguments
            [
                str(gunicorn),
                "bench.wsgi",
                f"--bind={HOST}:{self.port}",
                f"--workers={self.workers}",
                # gthread workers keep connections alive (sync workers close
                # each one); with one thread a worker serves one request at a time.
                "--worker-class=gthread",
                f"--threads={self.threads}",
                "--keep-alive=30",
                "--timeout=120",
                f"--chdir={ROOT}",
            ],
            env=self.environment(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
                connection.request("GET", FLOOR)
                if connection.getresponse().status == 200:
                    connection.close()
                    log(f"gunicorn pid {self.process.pid} on {HOST}:{self.port}")
                    return self
            except OSError:
                time.sleep(0.3)
            if self.process.poll() is not None:
                break
        self.stop()
        raise RuntimeError(f"gunicorn did not start; see {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __exit__(self, *exc):
        self.stop()


class Client:
    """One keep-alive connection; reconnects if the server closed it."""

    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path):
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
            started = time.perf_counter()
            try:
                self.connection.request("GET", path, headers={"Accept": "application/json"})
                response = self.connection.getresponse()
                body = response.read()
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
                continue
            elapsed = time.perf_counter() - started
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, body, elapsed
        raise AssertionError("unreachable")


def percentiles(samples):
    ms = sorted(sample * 1000 for sample in samples)
    cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return {
        "n": len(ms),
        "p50": round(statistics.median(ms), 2),
        "p95": round(cuts[94], 2),
        "p99": round(cuts[98], 2),
        "mean": round(statistics.fmean(ms), 2),
        "max": round(ms[-1], 2),
    }


class Run:
    """One backend's server, connection and samples. Runs are measured a block
    of rounds at a time, in turn (main), so that every backend sees the same
    machine: a stretch when the machine is slower lands on all of them instead
    of on whichever one happened to be running then. `engine`: the node's URL,
    or None for the database; `settings`: more environment variables."""

    def __init__(self, engine, expected_backend, **settings):
        self.engine = engine
        self.expected_backend = expected_backend
        self.settings = settings
        self.searches, self.ceiling, self.floor, self.counts = [], [], [], []
        self.facet_searches, self.facet_timed, self.timed = [], [], []
        self.problems, self.loads = [], []
        self.seconds = 0.0
        self.extra = {}

    def start(self, stack):
        engine_name = self.expected_backend if self.engine else "opensearch"
        # The servers run side by side, each with its own log.
        name = "-".join([self.expected_backend, *sorted(self.settings)]).lower()
        server = stack.enter_context(
            Server(self.engine, name=name, engine_name=engine_name, **self.settings)
        )
        self.client = Client(server.port)

    def warm(self, paths, facet_paths):
        for path, facet_path in zip(paths, facet_paths, strict=True):
            for url in (path, facet_path, CEILING, FLOOR):
                self.client.get(url)

    def rounds(self, paths, facet_paths):
        started = time.monotonic()
        self.loads.append(os.getloadavg()[0])
        for path, facet_path in zip(paths, facet_paths, strict=True):
            self.round(path, facet_path)
        self.seconds += time.monotonic() - started

    def round(self, path, facet_path):
        client, expected = self.client, self.expected_backend
        status, body, elapsed = client.get(path)
        answer = json.loads(body) if status == 200 else {}
        if status != 200 or answer.get("backend") != expected or answer.get("notice"):
            self.problems.append({"path": path, "status": status, "backend": answer.get("backend")})
        else:
            self.counts.append(answer["count"])
            facets = {facet["name"] for facet in answer["facets"]}
            if len(facets) != 6:
                self.problems.append({"path": path, "facets": sorted(facets)})
        self.searches.append(elapsed)
        self.timed.append((elapsed, path, answer.get("count")))
        status, body, elapsed = client.get(facet_path)
        answer = json.loads(body) if status == 200 else {}
        if status != 200 or answer.get("backend") != expected:
            self.problems.append({"path": facet_path, "status": status})
        else:
            problem = facet_answer_problem(facet_path, answer)
            if problem:
                self.problems.append(problem)
        self.facet_searches.append(elapsed)
        self.facet_timed.append((elapsed, facet_path, answer.get("count")))
        for url, samples in ((CEILING, self.ceiling), (FLOOR, self.floor)):
            status, _, elapsed = client.get(url)
            if status != 200:
                self.problems.append({"path": url, "status": status})
            samples.append(elapsed)

    def result(self):
        backend = self.expected_backend
        if self.problems:
            log(f"{backend}: {len(self.problems)} bad answers, first: {self.problems[0]}")
        search = percentiles(self.searches)
        counts = self.counts
        result = {
            "backend": backend,
            "search": search,
            "ceiling": percentiles(self.ceiling),
            "floor": percentiles(self.floor),
            "matches": {
                "median": statistics.median(counts) if counts else None,
                "zero": sum(1 for count in counts if count == 0),
                "max": max(counts, default=None),
            },
            "slowest": slowest(self.timed),
            "problems": self.problems[:10],
            "problem_count": len(self.problems),
            "seconds": round(self.seconds, 1),
            "load_average_max_during": round(max(self.loads), 2),
            "facet_search": percentiles(self.facet_searches),
            "facet_search_slowest": slowest(self.facet_timed),
            **self.extra,
        }
        for name in ("p50", "p95", "p99"):
            result[f"ratio_{name}"] = round(search[name] / result["ceiling"][name], 1)
        log(
            f"{backend}: facet-value search + histogram "
            f"p50 {result['facet_search']['p50']} p95 {result['facet_search']['p95']} ms"
        )
        log(
            f"{backend}: search p50 {search['p50']} p95 {search['p95']} "
            f"p99 {search['p99']} ms; ceiling p50 {result['ceiling']['p50']} "
            f"p95 {result['ceiling']['p95']} ms; p95 ratio {result['ratio_p95']}x; "
            f"n={search['n']}, median matches {result['matches']['median']}"
        )
        return result


def slowest(timed):
    return [
        {"ms": round(elapsed * 1000, 1), "path": path, "count": count}
        for elapsed, path, count in sorted(timed, reverse=True)[:10]
    ]


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


def wait_for_quiet(threshold, longest):
    """Other work on the machine (a test suite, an index build) lands in the
    figures; wait a while for the one-minute load average to settle first."""
    started = time.monotonic()
    while os.getloadavg()[0] > threshold and time.monotonic() - started < longest:
        time.sleep(10)
    waited = round(time.monotonic() - started)
    load = load_average()
    if load[0] > threshold:
        log(f"load average still {load} after {waited} s; measuring anyway")
    return {"load_average_before": load, "waited_seconds": waited}


def engine_answer(url, method, path):
    parsed = urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port or 9200, timeout=10)
    connection.request(method, path)
    answer = json.loads(connection.getresponse().read())
    connection.close()
    return answer


def engine_documents(url, index):
    return engine_answer(url, "GET", f"/{index}/_count").get("count")


def request_cache_counts(url, index):
    """(hits, misses) of the engine's request cache on `index` since the node
    started: the counts of a search are a size-0 search, which the engine
    keeps until the index changes (search/engine.py)."""
    stats = engine_answer(url, "GET", f"/{index}/_stats/request_cache")
    cache = stats["_all"]["total"]["request_cache"]
    return cache["hit_count"], cache["miss_count"]


def cold_request_cache(url, index):
    """Empty the request cache before a run, so that a run is not answered from
    what an earlier run of the same requests left there; returns the counts
    to take the run's own hits and misses from."""
    engine_answer(url, "POST", f"/{index}/_cache/clear?request=true")
    return request_cache_counts(url, index)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True, help="corpus name, e.g. 10k")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--budget", type=float, default=480, help="seconds per backend, at most")
    parser.add_argument("--block", type=int, default=25, help="rounds of one backend in a turn")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engine-url", default=os.environ.get("SEARCH_URL"))
    parser.add_argument("--elasticsearch-url", default=os.environ.get("ELASTICSEARCH_URL"))
    parser.add_argument("--only", choices=["opensearch", "elasticsearch", "database"])
    parser.add_argument("--expect", type=int, help="resources the engine index must hold")
    parser.add_argument("--quiet-load", type=float, default=1.2)
    parser.add_argument("--quiet-wait", type=float, default=600)
    args = parser.parse_args()
    index = os.environ.get("BENCH_INDEX_PREFIX", "bench_") + "resources_resource"

    from bench.provenance import commit

    paths = queries(args.warmup + args.requests, args.seed)
    facet_paths = facet_queries(args.warmup + args.requests, args.seed + 1)
    engines = {"opensearch": ("OpenSearch", args.engine_url, "SEARCH_URL (or --engine-url)")}
    if args.elasticsearch_url or args.only == "elasticsearch":
        engines["elasticsearch"] = (
            "Elasticsearch",
            args.elasticsearch_url,
            "ELASTICSEARCH_URL (or --elasticsearch-url)",
        )
    planned = []
    for engine, (name, url, setting) in engines.items():
        if args.only not in {None, engine}:
            continue
        if not url:
            parser.error(f"{setting} is needed for the {name} run")
        stored = engine_documents(url, index)
        if args.expect is not None and stored != args.expect:
            sys.exit(
                f"{name}'s {index} holds {stored} documents, not {args.expect}: "
                "run generate.py again"
            )
        planned.append(Run(url, engine))
        planned[-1].extra.update(index=index, documents=stored)
    if args.only in {None, "database"}:
        planned.append(Run(None, "database"))
        # Again with nothing kept between requests (search/kept_ids.py): what
        # every search would cost if no words or selections ever came twice.
        planned.append(Run(None, "database", DATABASE_SEARCH_KEPT_IDS="0"))
        planned[-1].extra["nothing_kept"] = True
    quiet = wait_for_quiet(args.quiet_load, args.quiet_wait)
    warmup = slice(0, args.warmup)
    with contextlib.ExitStack() as stack:
        for run in planned:
            run.start(stack)
            run.warm(paths[warmup], facet_paths[warmup])
        cache_before = {run: cold_request_cache(run.engine, index) for run in planned if run.engine}
        log(
            f"{len(planned)} runs after {args.warmup} warm-up rounds each: "
            f"{args.requests} rounds each, in turns of {args.block}"
        )
        started = time.monotonic()
        for first in range(args.warmup, len(paths), args.block):
            block = slice(first, first + args.block)
            for run in planned:
                run.rounds(paths[block], facet_paths[block])
            if time.monotonic() - started > args.budget * len(planned):
                log(f"time budget spent after {first + args.block - args.warmup} rounds")
                break
    after = load_average()
    for run, (hits_before, misses_before) in cache_before.items():
        hits, misses = request_cache_counts(run.engine, index)
        run.extra["request_cache"] = {"hits": hits - hits_before, "misses": misses - misses_before}
        log(
            f"{run.expected_backend}: the request cache answered {hits - hits_before} of the counts"
        )
    runs = [
        {**run.result(), **quiet, "load_average_after": after, "turns_of": args.block}
        for run in planned
    ]
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"latency-{args.label}.json"
    path.write_text(
        json.dumps(
            {"label": args.label, "seed": args.seed, "commit": commit(), "runs": runs}, indent=2
        )
        + "\n"
    )
    log(f"wrote {path.relative_to(ROOT)}")
    if any(run["problem_count"] for run in runs):
        sys.exit(1)


if __name__ == "__main__":
    main()
