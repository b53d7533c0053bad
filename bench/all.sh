#!/usr/bin/env bash
# `make bench` (bench/README.md): the whole benchmark, on this machine's services.
#
#   1. the Resource Centre at each corpus size (default 1,000, 10,000 and
#      100,000 resources): generate and index it, measure search latency on
#      OpenSearch, Elasticsearch and PostgreSQL (bench/run.sh, which writes
#      RESULTS.md);
#   2. the rest of the site on top of the largest: 5,000 news pages, 1,000
#      events, 200 groups, 50,000 comments (bench/site.py);
#   3. pages and API lists under load with wrk, against the ceiling
#      (bench/load.py);
#   4. bench/REPORT.md and bench/search-latency.png (bench/summary.py).
#
#   BENCH_SIZES="1000 10000" bench/all.sh   # other corpus sizes (the last is kept for 2-3)
#   BENCH_KEEP=1 bench/all.sh               # keep the database and indices afterwards
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
read -r -a sizes <<< "${BENCH_SIZES:-1000 10000 100000}"

# The services' addresses (scripts/services.sh start), unless given.
if [[ -f .cache/run/services.env ]]; then
    SEARCH_URL="${SEARCH_URL:-$(. .cache/run/services.env && echo "${SEARCH_URL:-}")}"
    REDIS_URL="${REDIS_URL:-$(. .cache/run/services.env && echo "${REDIS_URL:-}")}"
    ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-$(. .cache/run/services.env && echo "${ELASTICSEARCH_URL:-}")}"
    export ELASTICSEARCH_URL
fi
: "${SEARCH_URL:?no OpenSearch node: run scripts/services.sh start or set SEARCH_URL}"
: "${REDIS_URL:?no Redis: run scripts/services.sh start or set REDIS_URL}"
export SEARCH_URL REDIS_URL SEARCH_BACKEND="${SEARCH_BACKEND:-opensearch2}"
export DJANGO_SETTINGS_MODULE=bench.settings BENCH_INDEX_PREFIX="${BENCH_INDEX_PREFIX:-bench_}"
unset DATABASE_URL AWS_STORAGE_BUCKET_NAME AWS_S3_ENDPOINT_URL AWS_ACCESS_KEY_ID \
    AWS_SECRET_ACCESS_KEY AWS_S3_REGION_NAME AWS_S3_ADDRESSING_STYLE AWS_S3_SIGNATURE_VERSION

labels=()
for size in "${sizes[@]}"; do
    if (( size % 1000 == 0 )); then labels+=("$((size / 1000))k"); else labels+=("$size"); fi
done

BENCH_KEEP=1 bench/run.sh "${sizes[@]}"
"$PYTHON" bench/site.py
"$PYTHON" bench/load.py
"$PYTHON" bench/summary.py "${labels[@]}"
if [[ -z "${BENCH_KEEP:-}" ]]; then
    "$PYTHON" bench/cleanup.py
fi
