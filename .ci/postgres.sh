#!/usr/bin/env bash
# Start a PostgreSQL server on 127.0.0.1 for the tests, installing it (apt-get) when missing.
# Source it from .ci/run (`. .ci/postgres.sh`): it exports WEDLUG_TEST_PG, the DSN the
# PostgreSQL tests read. Idempotent: a running server is reused.
set -euo pipefail
if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_DATA=${WEDLUG_PG_DATA:-/tmp/wedlug-pg}
PG_PORT=${WEDLUG_PG_PORT:-55432}
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    rm -rf "$PG_DATA" && mkdir -p "$PG_DATA" && chown postgres: "$PG_DATA"
    su postgres -s /bin/sh -c "$PG_BIN/initdb -D $PG_DATA -A trust -U postgres -E UTF8" >/dev/null
fi
if ! su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DATA status" >/dev/null 2>&1; then
    su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DATA -l $PG_DATA/server.log -w \
        -o '-h 127.0.0.1 -p $PG_PORT -k /tmp -c fsync=off' start" >/dev/null
fi
if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc \
        "SELECT 1 FROM pg_database WHERE datname = 'wedlug_test'" | grep -q 1; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres wedlug_test
fi
export WEDLUG_TEST_PG="postgresql://postgres@127.0.0.1:$PG_PORT/wedlug_test"
echo "postgres.sh: PostgreSQL at $WEDLUG_TEST_PG"
