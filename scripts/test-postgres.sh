#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on 127.0.0.1: installs Debian's
# postgresql when missing, initdb into a temp dir, starts it, runs "$@" with
# OBIEG_TEST_DATABASE_URL set, and stops and removes the server whatever happens.
# Tests run it with fsync off (a throw-away server; a crash may lose what it holds); with
# --durable (the benchmark) it keeps PostgreSQL's defaults: fsync and synchronous_commit on.
set -euo pipefail

DURABILITY="-c fsync=off"
if [ "${1:-}" = "--durable" ]; then
  DURABILITY=""
  shift
fi

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if ! PG_BIN=$(find_pg_bin); then
  echo "Installing PostgreSQL (Debian package postgresql)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(find_pg_bin)
fi

PGDATA_DIR=$(mktemp -d /tmp/obieg-pg.XXXXXX)
# A free port unless one is asked for, so that two runs (tests and a benchmark) never meet.
PORT=${OBIEG_TEST_PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: use the postgres system user (created by the package).
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$PGDATA_DIR"
  RUN_AS=(runuser -u postgres --)
fi

cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA_DIR"
}
trap cleanup EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PGDATA_DIR/data" -U obieg --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDATA_DIR -c max_connections=200 $DURABILITY" start >/dev/null

export OBIEG_TEST_DATABASE_URL="postgres://obieg@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (${DURABILITY:-fsync on})"
"$@"
