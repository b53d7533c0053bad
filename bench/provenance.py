"""What a figure was measured on: the code and the machine."""

import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent


# What the benchmarks themselves write: changing them does not change what is measured.
OUTPUTS = [":!bench/results", ":!bench/*.md", ":!bench/*.png"]


def commit():
    """The checkout's commit, "-dirty" when files other than the benchmarks'
    own outputs differ from it."""

    def git(*args):
        return subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), *args],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", *OUTPUTS)
    return f"{head}-dirty" if changed else head


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    facts = {
        "CPU": f"{os.cpu_count()} x {cpu} (`nproc` = {os.cpu_count()})",
        "RAM": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "OS": platform.platform(),
        "Python": sys.version.split()[0],
    }
    for name, variable in (("OpenSearch", "SEARCH_URL"), ("Elasticsearch", "ELASTICSEARCH_URL")):
        url = os.environ.get(variable)
        if url:
            with urlopen(url, timeout=5) as response:  # noqa: S310 the benchmark's own node
                version = json.load(response)["version"]["number"]
            facts[name] = f"{version}, single node, 512 MB heap (scripts/services.sh)"
    try:
        import psycopg

        from bench.settings import BENCH_DATABASE_URL

        with psycopg.connect(BENCH_DATABASE_URL.replace("postgres://", "postgresql://")) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            settings = conn.execute(
                "SELECT name, current_setting(name) FROM pg_settings WHERE name IN "
                "('shared_buffers', 'work_mem', 'jit') ORDER BY name"
            ).fetchall()
        facts["PostgreSQL"] = f"{version} (" + ", ".join(f"{k}={v}" for k, v in settings) + ")"
    except Exception as error:
        facts["PostgreSQL"] = f"unknown ({error})"
    return facts
