"""Where a search's time goes, in-process, on the benchmark's corpus.

    python bench/explain.py --label 10k [--queries 20]

For the first searches of latency.py's request list (same seed):

- PostgreSQL: every SQL statement of DatabaseFacetedSearch timed and grouped
  (text match, facet counts, total, page, facet labels), and EXPLAIN (ANALYZE,
  BUFFERS) of the slowest statement, saved to
  bench/results/explain-<label>-postgres.txt;
- OpenSearch: the engine's own `took` (the longer of the two searches
  EngineFacetedSearch sends together) for the searches as sent, each alone,
  and for variants without highlighting, without fuzziness and with
  prefix_length 2;
- the API around them: the whole request in-process (Django test client) next
  to the faceted search alone, per backend.

Each search is repeated, and each repetition runs all of its statements: the
id sets the database search keeps between requests (search/kept_ids.py) are
off here, as what is measured is what each statement costs when it runs.

Writes bench/results/explain-<label>.json.
"""

import argparse
import copy
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
RESULTS = ROOT / "bench" / "results"
REPEAT = 3


def log(message):
    print(f"[explain {time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def median_ms(values):
    return round(statistics.median(values) * 1000, 2) if values else None


def search_queries(paths):
    from django.http import QueryDict

    from resources.facets import FACETS
    from search.service import query_from_params

    made = []
    for path in paths:
        params = QueryDict(mutable=True)
        for key, value in parse_qsl(urlsplit(path).query):
            params.appendlist(key, value)
        made.append(query_from_params(params, FACETS))
    return made


def base_queryset():
    from wagtail.models import Locale

    from resources.models import Resource

    return Resource.objects.visible().filter(locale=Locale.get_default())


def kind_of(sql):
    # The facets' bits (search/facet_bits.py): their version, read by every
    # search, and their building, after a write.
    if "search_facet_version" in sql or ("ARRAY_AGG(" in sql and "GROUP BY" in sql):
        return "facet_bits"
    if "ts_rank" in sql:
        return "ranking"  # the page's ids in relevance order
    if "@@" in sql:
        return "text_match"
    if "GROUP BY" in sql:
        return "facet_counts"
    if sql.startswith("SELECT COUNT(*)"):
        return "total"
    if sql.startswith('SELECT "resources_resource_'):
        return "selections"  # ids from a facet's link table
    if sql.startswith('SELECT "resources_resource"."id" AS "pk"') and "LIMIT" not in sql:
        return "selections"  # the base's ids, or a column facet's selection
    if sql.startswith("SELECT") and '"resources_resource"' not in sql.split("FROM", 1)[1][:40]:
        return "labels"
    return "page"


class Timer:
    """An execute wrapper: each statement's SQL (parameters inlined) and time."""

    def __init__(self, captured):
        self.captured = captured

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds = time.perf_counter() - started
            ops = context["connection"].ops
            self.captured.append((ops.compose_sql(sql, params) if params else sql, seconds))


def postgres(queries, label):
    from django.db import connection

    from resources.facets import FACETS
    from search.faceted import DatabaseFacetedSearch

    search = DatabaseFacetedSearch(base_queryset(), FACETS)
    per_kind = defaultdict(list)
    totals = []
    per_search = []
    slowest = (0.0, "", "")
    for query in queries:
        for _ in range(REPEAT):
            captured = []
            with connection.execute_wrapper(Timer(captured)):
                started = time.perf_counter()
                search.search(query)
                totals.append(time.perf_counter() - started)
                per_search.append((totals[-1], query))
            sums = defaultdict(float)
            for sql, seconds in captured:
                kind = kind_of(sql)
                sums[kind] += seconds
                sums["statements"] += 1
                if seconds > slowest[0]:
                    slowest = (seconds, sql, query.text)
            for kind, value in sums.items():
                per_kind[kind].append(value)
    slowest_searches = {}
    for seconds, query in sorted(per_search, key=lambda item: item[0], reverse=True):
        key = (query.text, tuple(sorted((k, tuple(v)) for k, v in query.filters.items())))
        slowest_searches.setdefault(key, round(seconds * 1000, 1))
    result = {
        "slowest_searches": [
            {"q": text, "filters": dict(filters), "ms": ms}
            for (text, filters), ms in list(slowest_searches.items())[:5]
        ],
        "search_ms_median": median_ms(totals),
        "search_ms_max": round(max(totals) * 1000, 2),
        "statements_per_search": statistics.median(per_kind.pop("statements")),
        "sql_ms_median_by_kind": {kind: median_ms(values) for kind, values in per_kind.items()},
    }
    labels = {}
    for spec in FACETS:
        started = time.perf_counter()
        spec.labels()
        labels[spec.name] = round((time.perf_counter() - started) * 1000, 2)
    result["labels_ms_each"] = labels
    if slowest[1]:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, SETTINGS) " + slowest[1])
            plan = "\n".join(row[0] for row in cursor.fetchall())
        path = RESULTS / f"explain-{label}-postgres.txt"
        path.write_text(
            f"-- slowest statement (q={slowest[2]!r}), "
            f"{slowest[0] * 1000:.1f} ms when captured\n{slowest[1]}\n\n{plan}\n"
        )
        result["slowest_statement_ms"] = round(slowest[0] * 1000, 2)
        result["plan"] = str(path.relative_to(ROOT))
    return result


def engine_variants(hits, counts):
    """The two searches EngineFacetedSearch sends together (hits, counts), and
    variants of them: each name -> the searches sent."""
    variants = {"as sent": [hits, counts], "hits alone": [hits], "counts alone": [counts]}
    if "highlight" in hits:
        variants["no highlight"] = [{k: v for k, v in hits.items() if k != "highlight"}, counts]
    if '"fuzziness"' in json.dumps(hits["query"]):
        exact = [without_fuzziness(hits), without_fuzziness(counts)]
        exact[0].pop("highlight", None)
        variants["no fuzziness, no highlight"] = exact
        variants["prefix_length 2"] = [with_prefix_length(hits, 2), with_prefix_length(counts, 2)]
    return variants


def without_fuzziness(body):
    from search.engine_clauses import multi_matches

    body = copy.deepcopy(body)
    for match in multi_matches(body):
        match.pop("fuzziness", None)
    return body


def with_prefix_length(body, length):
    from search.engine_clauses import multi_matches

    body = copy.deepcopy(body)
    for match in multi_matches(body):
        if "fuzziness" in match:
            match["prefix_length"] = length
    return body


def uncached_together(search, bodies):
    """The answers to `bodies` sent together as EngineFacetedSearch sends them,
    but past the request cache, which would answer the repeated counts from
    memory: what is measured is the engine working them out."""
    from search import engine_client

    return engine_client.multi_search(
        search.backend, search.index_name, bodies, request_cache=False
    )


def opensearch(queries):
    from django.conf import settings

    from resources.facets import FACETS
    from search.engine import EngineFacetedSearch

    if "engine" not in settings.WAGTAILSEARCH_BACKENDS:
        return None
    search = EngineFacetedSearch(base_queryset(), FACETS)
    took = defaultdict(list)
    wall = []
    for query in queries:
        pair = search.hits_body(query), search.counts_body(query, search.aggregations(query))
        for name, bodies in engine_variants(*pair).items():
            for _ in range(REPEAT):
                started = time.perf_counter()
                responses = uncached_together(search, bodies)
                if name == "as sent":
                    wall.append(time.perf_counter() - started)
                took[name].append(max(response["took"] for response in responses))
    return {
        "took_ms_median": {name: statistics.median(values) for name, values in took.items()},
        "took_ms_p95": {
            name: statistics.quantiles(values, n=20, method="inclusive")[18]
            for name, values in took.items()
        },
        "round_trip_ms_median": median_ms(wall),
    }


def api(paths, engine):
    """The request in-process next to the faceted search alone: the rest is
    Django, ninja, the page's prefetch and serialising the answer."""
    from django.conf import settings
    from django.test import Client, override_settings

    from resources.facets import FACETS
    from search.service import faceted_search

    backends = {
        alias: config
        for alias, config in settings.WAGTAILSEARCH_BACKENDS.items()
        if engine or alias != "engine"
    }
    client = Client(HTTP_HOST="127.0.0.1")
    requests, searches = [], []
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        for path, query in zip(paths, search_queries(paths), strict=True):
            for _ in range(REPEAT):
                started = time.perf_counter()
                response = client.get(path)
                requests.append(time.perf_counter() - started)
                assert response.status_code == 200, response.content[:200]
                started = time.perf_counter()
                faceted_search(base_queryset(), FACETS, query)
                searches.append(time.perf_counter() - started)
        ceiling = []
        for _ in range(len(paths) * REPEAT):
            started = time.perf_counter()
            client.get("/api/v3/events/?limit=1")
            ceiling.append(time.perf_counter() - started)
    return {
        "request_ms_median": median_ms(requests),
        "faceted_search_ms_median": median_ms(searches),
        "ceiling_request_ms_median": median_ms(ceiling),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.DATABASE_SEARCH_KEPT_IDS = 0  # every statement timed at each repetition

    from bench.latency import queries as latency_queries

    # The measured requests of latency.py, not its warm-up ones.
    paths = latency_queries(30 + args.queries, args.seed)[30:]
    queries = search_queries(paths)
    RESULTS.mkdir(exist_ok=True)
    from bench.provenance import commit

    result = {"label": args.label, "commit": commit(), "queries": args.queries, "repeat": REPEAT}
    log("PostgreSQL statements")
    result["postgres"] = postgres(queries, args.label)
    log("OpenSearch variants")
    result["opensearch"] = opensearch(queries)
    log("API in-process")
    result["api_database"] = api(paths, engine=False)
    if "engine" in settings.WAGTAILSEARCH_BACKENDS:
        result["api_opensearch"] = api(paths, engine=True)
    path = RESULTS / f"explain-{args.label}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    log(f"wrote {path.relative_to(ROOT)}")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
