"""Drop the benchmark's database and delete its indices on the engines.

    python bench/cleanup.py

Only what the benchmark made: the database named by BENCH_DATABASE_URL (never
one of the shared names, see bench/settings.py) and indices whose names start
with BENCH_INDEX_PREFIX (default bench_).
"""

import argparse
import http.client
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def drop_database():
    import dj_database_url

    from bench.settings import BENCH_DATABASE_URL
    from cms import postgres

    db = dj_database_url.parse(BENCH_DATABASE_URL)
    postgres.drop_database(db)
    print(f"dropped database {db['NAME']}")


def delete_indices():
    for variable in ("SEARCH_URL", "ELASTICSEARCH_URL"):
        if os.environ.get(variable):
            delete_indices_on(os.environ[variable])


def delete_indices_on(url):
    from bench.settings import INDEX_PREFIX

    parsed = urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port or 9200, timeout=30)
    connection.request("GET", f"/_cat/indices/{INDEX_PREFIX}*?format=json")
    indices = [row["index"] for row in json.loads(connection.getresponse().read())]
    for name in indices:
        if name.startswith(INDEX_PREFIX):
            connection.request("DELETE", f"/{name}")
            connection.getresponse().read()
            print(f"deleted index {name}")
    connection.close()


if __name__ == "__main__":
    # No options: parsing only answers --help, instead of dropping the database.
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    drop_database()
    delete_indices()
