#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's package) for the server's tests and prints the line that
# points them at it:
#
#   eval "$(bash server/src/test/postgres.sh start)"   # exports LIGHTLY_TEST_POSTGRES_URL
#   bash server/src/test/postgres.sh stop              # stops it again (optional)
#
# Without LIGHTLY_TEST_POSTGRES_URL the tests start an embedded PostgreSQL themselves (zonky), and
# skip (never fail) their PostgreSQL cases when neither works. The cluster lives in a temporary
# folder, listens on 127.0.0.1 only, trusts local connections, and is owned by the 'postgres'
# user (initdb refuses root). Messages go to stderr; stdout carries only the export line.
set -euo pipefail

state=/tmp/lightly-test-postgres
port="${LIGHTLY_TEST_POSTGRES_PORT:-55432}"

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}

pg_bin() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$bin" ]]; then
        echo "postgres.sh: installing Debian's postgresql" >&2
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get update -qq >&2
        as_root apt-get install -y -qq postgresql >&2
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    echo "$bin"
}

# Runs a command as the cluster's owner: 'postgres' when we are root, else ourselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

start() {
    local bin
    bin="$(pg_bin)"
    if [[ -f "$state/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
        echo "postgres.sh: already running in $state" >&2
    else
        rm -rf "$state"
        mkdir -p "$state"
        [[ $(id -u) -eq 0 ]] && chown postgres "$state"
        as_owner "$bin/initdb" -D "$state/data" -U postgres -A trust -E UTF8 >/dev/null
        as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/log" -w -t 60 \
            -o "-p $port -k $state -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    fi
    echo "export LIGHTLY_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres'"
}

stop() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -n "$bin" && -d "$state/data" ]]; then
        as_owner "$bin/pg_ctl" -D "$state/data" -m fast stop >&2 || true
    fi
    rm -rf "$state"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: postgres.sh start|stop" >&2; exit 2 ;;
esac
