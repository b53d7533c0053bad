"""Write bench/REPORT.md and bench/search-latency.png from bench/results/.

    python bench/summary.py 1k 10k 100k

Reads load.json (bench/load.py), site.json (bench/site.py) and
latency-<label>.json (bench/latency.py) for each corpus label given.
"""

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import NAMES, TARGET_P95_MS, name_of, read, size_of  # noqa: E402

PLOT = ROOT / "bench" / "search-latency.png"


def plot(series):
    """p50 and p95 against corpus size, one colour per backend."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, 4.2), dpi=120)
    for backend, colour in (
        ("opensearch", "tab:blue"),
        ("elasticsearch", "tab:green"),
        ("database", "tab:orange"),
    ):
        points = series.get(backend)
        if not points:
            continue
        sizes = [size for size, _ in points]
        for percentile, style in (("p50", "--"), ("p95", "-")):
            axes.plot(
                sizes,
                [figures[percentile] for _, figures in points],
                style,
                marker="o",
                color=colour,
                label=f"{NAMES[backend]} {percentile}",
            )
        axes.axhline(TARGET_P95_MS[backend], color=colour, linewidth=0.8, alpha=0.5)
    axes.set_xscale("log")
    axes.set_xlabel("resources in the corpus")
    axes.set_ylabel("latency through the API (ms)")
    axes.set_title("Resource Centre search: text, two filters, six facets")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8)
    figure.text(0.01, 0.01, "thin lines: p95 targets at 100k", fontsize=7, alpha=0.7)
    figure.tight_layout()
    figure.savefig(PLOT)
    pyplot.close(figure)


def load_table(load):
    lines = [
        "| target | page cache | req/s | p50 ms | p95 ms | p99 ms | share of the ceiling "
        "| target | from the page cache | errors |",
        "|---|---|--:|--:|--:|--:|--:|---|--:|--:|",
    ]
    for run in load["runs"]:
        ceiling = run["ceiling"]
        for moment in ("before", "after"):
            c = ceiling[moment]
            lat = c["latency_ms"]
            lines.append(
                f"| **ceiling** ({moment}), `{c['path']}` | {run['label']} | "
                f"{c['requests_per_second']:,.0f} | {lat['p50']} | {lat['p95']} | {lat['p99']} "
                f"| 100 % | | | {sum(c['errors'].values())} |"
            )
        for page in run["pages"]:
            lat = page["latency_ms"]
            kind = "cached" if page["page_cached"] else "rendered"
            verdict = "met" if page["met"] else "**missed**"
            lines.append(
                f"| {page['name']}, `{page['path']}` | {run['label']} ({kind}) | "
                f"{page['requests_per_second']:,.0f} | {lat['p50']} | {lat['p95']} | "
                f"{lat['p99']} | {page['ratio']:.0%} | ≥ {page['target']:.0%}: {verdict} | "
                f"{page['page_cache_hit_share']:.0%} | {sum(page['errors'].values())} |"
            )
    return lines


def pairs(load):
    """Every v3/v2 pair of every run (bench/load.py's PAIRS)."""
    return [(run, pair) for run in load["runs"] for pair in run.get("pairs", [])]


def pair_verdict(pair):
    ratio = pair["throughput_ratio"]
    if not pair["v3_slower"]:
        return f"v3 not slower than v2 ({ratio:.2f}x its requests/s)"
    noise = ", within this machine's run-to-run noise" if pair["within_noise"] else ""
    return f"**v3 is slower than v2** ({ratio:.2f}x its requests/s{noise})"


def pair_lines(load):
    """The same list through both APIs, measured in the same run: the issue's
    rule is that v3 is not slower than v2."""
    measured = pairs(load)
    if not measured:
        return []
    lines = [
        "### API v3 against API v2: the same items in the same run",
        "",
        "Each pair asks both APIs for the same list (checked before measuring: the same "
        "item ids in the same order, with the fields asked for). Target: v3 is **not slower** "
        "than v2 (v3/v2 requests/s ≥ 1).",
        "",
    ]
    for run, pair in measured:
        if pair["v3_slower"]:
            lines.append(
                f"> **Flag: API v3 is slower than API v2** for {pair['name']} "
                f"({run['label']}): {pair['throughput_ratio']:.2f}x v2's requests/s."
            )
            lines.append("")
    lines += [
        "| pair | run | v3 req/s | v2 req/s | v3/v2 req/s | v3/v2 p50 | v3/v2 p95 "
        "| KB per answer v3 / v2 | verdict |",
        "|---|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for run, pair in measured:
        lat, kb = pair["latency_ratio"], pair["kb_per_response"]
        lines.append(
            f"| {pair['name']}: `{pair['v3']['path']}` against `{pair['v2']['path']}` "
            f"| {run['label']} | {pair['v3']['requests_per_second']:,.1f} "
            f"| {pair['v2']['requests_per_second']:,.1f} | {pair['throughput_ratio']:.2f} "
            f"| {lat['p50']:.2f} | {lat['p95']:.2f} | {kb['v3']} / {kb['v2']} "
            f"| {pair_verdict(pair)} |"
        )
    return [*lines, ""]


def latency_table(labels):
    lines = [
        "| resources | backend | p50 ms | p95 ms | p99 ms | p95 target at 100k "
        "| ceiling p50 ms | requests |",
        "|--:|---|--:|--:|--:|---|--:|--:|",
    ]
    series = {}
    for label in labels:
        latency = read(f"latency-{label}.json")
        if not latency:
            continue
        for run in latency["runs"]:
            s = run["search"]
            if not run.get("nothing_kept"):  # the plot shows each backend as it runs
                series.setdefault(run["backend"], []).append((size_of(label), s))
            target = TARGET_P95_MS[run["backend"]]
            lines.append(
                f"| {size_of(label):,} | {name_of(run)} | {s['p50']} | {s['p95']} | "
                f"{s['p99']} | ≤ {target} | {run['ceiling']['p50']} | {s['n']} |"
            )
    return lines, series


def main():
    labels = sys.argv[1:] or ["1k", "10k", "100k"]
    load, site = read("load.json"), read("site.json")
    if not load or not site:
        sys.exit("run bench/site.py and bench/load.py first")
    table, series = latency_table(labels)
    plot(series)
    made = site["made"]
    largest = size_of(labels[-1])
    slower = [(run, pair) for run, pair in pairs(load) if pair["v3_slower"]]
    flags = [
        f"> **API v3 is slower than API v2** for {pair['name']} in the same run "
        f"({pair['throughput_ratio']:.2f}x v2's requests/s): see "
        "[API v3 against API v2](#api-v3-against-api-v2-the-same-items-in-the-same-run)."
        for _run, pair in slower
    ]
    lines = [
        "# Benchmark report",
        "",
        *[line for flag in flags for line in (flag, "")],
        f"Written by `bench/summary.py` on {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} "
        f"UTC from the run of {load['date']} at commit `{load['commit']}`.",
        "",
        "Repeat it: `make bench` (about 25 minutes on this machine; it starts the services if "
        "they are not running). How it works and what each figure means: [README.md](README.md).",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in load["machine"].items()],
        "- Everything on this one machine: the load generator, gunicorn, PostgreSQL, Redis "
        "and OpenSearch share its cores.",
        "",
        "## Data",
        "",
        f"- {largest:,} generated resources (bench/generate.py) plus the demo's own;",
        f"- {made['news pages']:,} news pages, {made['events']:,} events, {made['groups']} forum "
        f"groups (a quarter private), {made['discussions']:,} discussions, "
        f"{made['comments']:,} comments, {made['comments in the longest discussion']} of them "
        f"in the discussion measured; {made['users']:,} members (bench/site.py).",
        "",
        "## Pages and API lists under load",
        "",
        f"- Server: {load['server']}, DEBUG off, persistent database connections, Redis as "
        "the cache, OpenSearch as the search engine.",
        f"- Client: {load['client']}; every answer must be a 2xx, and come from the page "
        "cache for a cached page (at least 99 %), never for the others.",
        "- Ceiling: a bare Django view returning a small fixed HTML page through the same "
        "middleware, measured at the start and the end of each server's run; each page's "
        "share is its requests/s over the higher of the two.",
        "- *cached*: served from the page cache (checked before measuring); *rendered*: made "
        "for every request (the page cache off, or a page the cache never keeps: the Forum "
        "and the API).",
        "",
        *load_table(load),
        "",
        *pair_lines(load),
        "Peak resident memory per worker (VmHWM, MiB): "
        + "; ".join(f"{run['label']}: {run['worker_peak_mib']}" for run in load["runs"])
        + ".",
        "",
        "## Search latency against corpus size",
        "",
        "`GET /api/v3/resources/?q=<words>&topic=<slug>&country=<code>`, one request at a "
        "time, every answer with all six facets (bench/latency.py).",
        "",
        *table,
        "",
        f"![Search latency against corpus size]({PLOT.name})",
        "",
    ]
    (ROOT / "bench" / "REPORT.md").write_text("\n".join(lines) + "\n")
    print("wrote bench/REPORT.md and bench/search-latency.png")
    for run, pair in pairs(load):
        verdict = pair_verdict(pair).replace("**", "")
        print(f"API v3 against v2, {pair['name']} ({run['label']}): {verdict}")


if __name__ == "__main__":
    main()
