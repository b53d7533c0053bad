"""Write bench/RESULTS.md from the JSON files in bench/results/.

python bench/report.py 10k 100k
"""

import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET_P95_MS = {"opensearch": 50, "elasticsearch": 50, "database": 250}
TARGET_INDEX_PER_SECOND = 1000
NAMES = {"opensearch": "OpenSearch", "elasticsearch": "Elasticsearch", "database": "PostgreSQL"}


def name_of(run):
    """A latency run's backend as the tables name it."""
    return NAMES[run["backend"]] + (", nothing kept" if run.get("nothing_kept") else "")


def request_cache_note(labels):
    """How many of the engines' count searches their request cache answered
    (emptied before each run: bench/latency.py)."""
    shares = []
    for label in labels:
        for run in (read(f"latency-{label}.json") or {}).get("runs", []):
            cache = run.get("request_cache")
            if cache:
                asked = cache["hits"] + cache["misses"]
                shares.append(f"{name_of(run)} at {size_of(label):,}: {cache['hits']} of {asked}")
    if not shares:
        return []
    return [
        "",
        "On the engines a search's counts are a search of their own, which the engine keeps "
        "in its request cache until the index changes (search/engine.py); the cache is emptied "
        "after the warm-up, and answered the counts of " + "; ".join(shares) + " searches.",
    ]


def turns_note(labels):
    """How the backends of each corpus shared the machine (bench/latency.py)."""
    turns = {
        label: run.get("turns_of")
        for label in labels
        for run in (read(f"latency-{label}.json") or {}).get("runs", [])
    }
    taking_turns = [f"{size_of(label):,}" for label, rounds in turns.items() if rounds]
    if not taking_turns:
        return "Each backend was measured after the other."
    sizes = {rounds for rounds in turns.values() if rounds}
    note = (
        f"At {', '.join(taking_turns)} resources the backends took turns of "
        f"{' or '.join(str(size) for size in sorted(sizes))} rounds, so that a slower stretch "
        "of the machine lands on all of them"
    )
    if len(taking_turns) < len(turns):
        return note + "; elsewhere each was measured after the other."
    return note + "."


def size_of(label):
    return int(label.removesuffix("k")) * 1000 if label.endswith("k") else int(label)


def read(name):
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def verdict(value, target, higher_is_better=False):
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "**missed**"


def main():
    labels = sys.argv[1:] or ["10k", "100k"]
    lines = [
        "# Resource Centre benchmark: results",
        "",
        f"Written by `bench/report.py` on {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC. "
        "How the figures are made and what they mean: [README.md](README.md).",
        "",
        "Reproduce: `scripts/services.sh start` (or running services), then "
        f"`bench/run.sh {' '.join(str(size_of(label)) for label in labels)}`.",
        "",
        "## Machine",
        "",
    ]
    from bench.provenance import commit, machine

    lines += [f"- {key}: {value}" for key, value in machine().items()]
    lines.append(f"- Checkout when the report was written: {commit()}")
    lines += [
        "",
        "## Search latency through the API",
        "",
        "`GET /api/v3/resources/?q=<words>&topic=<slug>&country=<code>` (text + two filters; "
        "every answer carries all six facets' counts), sequential keep-alive client, "
        "gunicorn `bench.wsgi` with 2 gthread workers, all on 127.0.0.1. The ceiling is "
        "`GET /api/v3/events/?limit=1` and the floor a bare Django view, interleaved with the "
        "searches in the same run; ratio = search percentile / ceiling percentile. "
        + turns_note(labels),
        "",
        "| corpus | backend | n | search p50 | p95 | p99 | ceiling p50 | ceiling p95 "
        "| floor p50 | ratio p50 | ratio p95 | median matches | p95 target | load avg before / max during | commit |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|",
    ]
    for label in labels:
        latency = read(f"latency-{label}.json")
        if not latency:
            continue
        for run in latency["runs"]:
            s, c, f = run["search"], run["ceiling"], run["floor"]
            target = TARGET_P95_MS[run["backend"]]
            lines.append(
                f"| {size_of(label):,} | {name_of(run)} | {s['n']} | {s['p50']} | "
                f"{s['p95']} | {s['p99']} | {c['p50']} | {c['p95']} | {f['p50']} | "
                f"{run['ratio_p50']}x | {run['ratio_p95']}x | {run['matches']['median']} | "
                f"≤ {target} ms: {verdict(s['p95'], target)} | "
                f"{run.get('load_average_before', ['?'])[0]} / "
                f"{run.get('load_average_max_during', '?')} | {latency.get('commit', '?')} |"
            )
    lines += [
        "",
        "**A facet-value search with the year histogram in the same answer** "
        "(`GET /api/v3/resources/?q=<words>&topic=<slug>&<country|language|topic>_q=<prefix>"
        "&year_from=<year>[&year_to=<year>]`: the long facet's values narrowed to those "
        "beginning with one to three letters, a range of years, the `histograms`), "
        "interleaved with the searches above in the same runs:",
        "",
        "| corpus | backend | n | p50 | p95 | p99 | p95 target | commit |",
        "|---|---|--:|--:|--:|--:|---|---|",
    ]
    for label in labels:
        latency = read(f"latency-{label}.json")
        for run in (latency or {}).get("runs", []):
            s = run.get("facet_search")
            if not s:
                continue
            target = TARGET_P95_MS[run["backend"]]
            lines.append(
                f"| {size_of(label):,} | {name_of(run)} | {s['n']} | {s['p50']} | "
                f"{s['p95']} | {s['p99']} | ≤ {target} ms: {verdict(s['p95'], target)} | "
                f"{latency.get('commit', '?')} |"
            )
    lines += [
        "",
        "All times in milliseconds, measured by the client (request sent to body read). "
        "*PostgreSQL, nothing kept*: the same requests again, the database search keeping "
        "nothing between them (`DATABASE_SEARCH_KEPT_IDS=0`): by default it keeps the ids its "
        "words and selections found until the data changes (search/kept_ids.py), and the "
        "requests' words come from short lists, as visitors' words repeat.",
        *request_cache_note(labels),
        "",
        "## Index build throughput",
        "",
        "Resources per second, from reading the indexed objects to the last write (and, for "
        "the engines, creating the index and refreshing it), 1,000 per batch as `update_index`. "
        "*With prefetch*: the full build, the benchmark prefetching the four "
        "ParentalManyToMany relations itself (a no-op once `Resource.get_indexed_objects()` "
        "prefetches them, as it does since commit 23d4d56); *as the code stands*: the newest "
        "5,000 resources of the full corpus re-indexed through `Resource.get_indexed_objects()` "
        "as it is.",
        "",
        "| corpus | index | with prefetch: resources/s | (load s / index s) | as the code stands: "
        "resources/s | target ≥ 1,000/s | bulk insert of the corpus | commit |",
        "|---|---|--:|---|--:|---|--:|---|",
    ]
    for label in labels:
        generated = read(f"generate-{size_of(label)}.json")
        if not generated:
            continue
        for name, key in (
            ("PostgreSQL", "database_index"),
            ("OpenSearch", "engine_index"),
            ("Elasticsearch", "elasticsearch_index"),
        ):
            built = generated.get(key)
            if not built:
                continue
            lines.append(
                f"| {size_of(label):,} | {name} | {built['per_second']:,} | "
                f"{built['load_seconds']} / {built['index_seconds']} | "
                f"{built['as_is']['per_second']:,} | "
                f"with prefetch {verdict(built['per_second'], TARGET_INDEX_PER_SECOND, True)}, "
                f"as it stands {verdict(built['as_is']['per_second'], TARGET_INDEX_PER_SECOND, True)} | "
                f"{generated['count'] / generated['generate_seconds']:,.0f}/s | "
                f"{generated.get('commit', '?')} |"
            )
    lines += ["", "## Where the time goes (bench/explain.py, in-process)", ""]
    for label in labels:
        explained = read(f"explain-{label}.json")
        if not explained:
            continue
        pg, engine = explained["postgres"], explained.get("opensearch")
        lines += [
            f"### {size_of(label):,} resources",
            "",
            f"- PostgreSQL faceted search: median {pg['search_ms_median']} ms, "
            f"{pg['statements_per_search']:.0f} statements; SQL time by kind (median ms): "
            + ", ".join(f"{k} {v}" for k, v in pg["sql_ms_median_by_kind"].items())
            + ". Facet label look-ups: "
            + ", ".join(f"{k} {v}" for k, v in pg["labels_ms_each"].items())
            + f" ms. Plan of the slowest statement: `{pg.get('plan', '-')}`.",
        ]
        if engine:
            lines.append(
                "- OpenSearch `took` (median / p95 ms): "
                + ", ".join(
                    f"{name} {engine['took_ms_median'][name]} / {engine['took_ms_p95'][name]}"
                    for name in engine["took_ms_median"]
                )
                + f"; round trip {engine['round_trip_ms_median']} ms."
            )
        for key, name in (("api_database", "PostgreSQL"), ("api_opensearch", "OpenSearch")):
            if explained.get(key):
                a = explained[key]
                lines.append(
                    f"- API in-process, {name}: request {a['request_ms_median']} ms, of which "
                    f"faceted search {a['faceted_search_ms_median']} ms; events ceiling "
                    f"{a['ceiling_request_ms_median']} ms."
                )
        lines.append("")
    lines += ["## Corpus", ""]
    for label in labels:
        generated = read(f"generate-{size_of(label)}.json")
        if generated:
            d = generated["distribution"]
            share = ", ".join(
                f"{facet}: "
                + " ".join(f"{value} {count / generated['count']:.0%}" for value, count in d[facet])
                for facet in ("topic", "country", "language", "type", "year")
            )
            lines.append(
                f"- {generated['count']:,} resources (seed {generated['seed']}), largest values "
                f"(share of resources): {share}; both PPI and PCP: "
                f"{d['both_ppi_and_pcp'] / generated['count']:.0%}."
            )
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n")
    print("wrote bench/RESULTS.md")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
