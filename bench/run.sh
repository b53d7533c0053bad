#!/usr/bin/env bash
# The Resource Centre benchmark (bench/README.md): for each corpus size, generate
# and index it, measure search latency through the API on OpenSearch, on
# Elasticsearch (when ELASTICSEARCH_URL is set) and on PostgreSQL, explain where
# the time goes; then write bench/RESULTS.md.
#
#   bench/run.sh                 # 10,000 then 100,000 resources
#   bench/run.sh 10000           # one size
#   BENCH_KEEP=1 bench/run.sh    # keep the database and index afterwards
#
# Needs the services of scripts/services.sh (PostgreSQL on 127.0.0.1:55432,
# OpenSearch on 127.0.0.1:59200 or SEARCH_URL, Elasticsearch on 127.0.0.1:59250
# or ELASTICSEARCH_URL). It uses its own database
# (ppi_bench, or BENCH_DATABASE_URL) and index prefix (bench_), never the tests'.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
if [[ $# -eq 0 ]]; then set -- 10000 100000; fi

if [[ -z "${SEARCH_URL:-}" && -f .cache/run/services.env ]]; then
    SEARCH_URL="$(. .cache/run/services.env && echo "${SEARCH_URL:-}")"
fi
: "${SEARCH_URL:?no OpenSearch node: run scripts/services.sh start or set SEARCH_URL}"
export SEARCH_URL SEARCH_BACKEND="${SEARCH_BACKEND:-opensearch2}"
# The Elasticsearch node, measured too when there is one (scripts/services.sh starts it).
if [[ -z "${ELASTICSEARCH_URL:-}" && -f .cache/run/services.env ]]; then
    ELASTICSEARCH_URL="$(. .cache/run/services.env && echo "${ELASTICSEARCH_URL:-}")"
fi
[[ -n "${ELASTICSEARCH_URL:-}" ]] || echo "no ELASTICSEARCH_URL: Elasticsearch is not measured" >&2
export ELASTICSEARCH_URL ELASTICSEARCH_BACKEND="${ELASTICSEARCH_BACKEND:-elasticsearch7}"
export DJANGO_SETTINGS_MODULE=bench.settings BENCH_INDEX_PREFIX="${BENCH_INDEX_PREFIX:-bench_}"
# Media on local disk, and no chance of using the tests' database.
unset DATABASE_URL AWS_STORAGE_BUCKET_NAME AWS_S3_ENDPOINT_URL AWS_ACCESS_KEY_ID \
    AWS_SECRET_ACCESS_KEY AWS_S3_REGION_NAME AWS_S3_ADDRESSING_STYLE AWS_S3_SIGNATURE_VERSION

labels=()
for size in "$@"; do
    if (( size % 1000 == 0 )); then label="$((size / 1000))k"; else label="$size"; fi
    labels+=("$label")
    echo "=== $size resources ($label) ==="
    "$PYTHON" bench/generate.py "$size"
    "$PYTHON" bench/latency.py --label "$label" --expect "$size" \
        --requests "${BENCH_REQUESTS:-300}" --warmup "${BENCH_WARMUP:-30}" \
        --budget "${BENCH_BUDGET:-480}" --quiet-wait "${BENCH_QUIET_WAIT:-600}"
    "$PYTHON" bench/explain.py --label "$label" >/dev/null
done
"$PYTHON" bench/report.py "${labels[@]}"
if [[ -z "${BENCH_KEEP:-}" ]]; then
    "$PYTHON" bench/cleanup.py
fi
