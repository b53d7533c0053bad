#!/usr/bin/env bash
# Real backing services for the test suite: a throwaway PostgreSQL cluster and
# an S3-compatible server (S3Proxy), both bound to 127.0.0.1 only.
#
#   scripts/services.sh start            # (re)start both, write .cache/run/services.env
#   scripts/services.sh stop             # stop both; safe when nothing runs
#   scripts/services.sh status           # exit 0 only if both answer
#   scripts/services.sh ensure-chromium  # install Debian's chromium if missing
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
HOST=127.0.0.1

DB_NAME=ppi
DB_USER=ppi
DB_PASSWORD=ppi
S3_IDENTITY=ppi-test
S3_CREDENTIAL=ppi-test-secret
S3_BUCKET=ppi-media
S3_REGION=us-east-1

S3_POM="$ROOT/scripts/s3proxy/pom.xml"
S3_LIB="$CACHE/s3proxy/lib"
S3_PID="$RUN/s3proxy.pid"

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
# S3Proxy
# --------------------------------------------------------------------------

# The classpath is fetched once and reused; the stamp holds the pom's hash so
# that bumping the version in the pom refreshes it automatically.
s3_ensure_lib() {
    local want; want="$(sha256sum "$S3_POM" | cut -d' ' -f1)"
    if [[ -f "$S3_LIB/.pom.sha256" && "$(cat "$S3_LIB/.pom.sha256")" == "$want" ]]; then
        return 0
    fi
    command -v java >/dev/null || die "java not found (S3Proxy needs Java 17+)"
    command -v mvn >/dev/null || apt_install maven
    log "fetching S3Proxy classpath with Maven"
    local tmp="$S3_LIB.tmp"
    rm -rf "$tmp"
    mkdir -p "$CACHE/s3proxy"
    mvn -q -B -f "$S3_POM" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$tmp" >"$CACHE/s3proxy/mvn.log" 2>&1 \
        || { cat "$CACHE/s3proxy/mvn.log" >&2; die "mvn could not fetch S3Proxy"; }
    echo "$want" >"$tmp/.pom.sha256"
    rm -rf "$S3_LIB"
    mv "$tmp" "$S3_LIB"
}

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
# Subcommands
# --------------------------------------------------------------------------

cmd_stop() {
    # Stop against whatever state is on disk, which may be a previous run's.
    s3_stop
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
    s3_start

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
EOF
    log "ready; env in $RUN/services.env"
}

cmd_status() {
    local rc=0
    if pg_status; then echo "postgres: up ($HOST:$PG_PORT)"; else echo "postgres: down"; rc=1; fi
    if [[ -f "$S3_PID" ]] && s3_pid_alive "$(cat "$S3_PID")" && s3_http_up; then
        echo "s3proxy:  up (http://$HOST:$S3_PORT, pid $(cat "$S3_PID"))"
    else
        echo "s3proxy:  down"; rc=1
    fi
    return $rc
}

cmd_ensure_chromium() {
    [[ -x /usr/bin/chromium ]] && return 0
    apt_install chromium
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    ensure-chromium) cmd_ensure_chromium ;;
    *) echo "usage: $0 {start|stop|status|ensure-chromium}" >&2; exit 2 ;;
esac
