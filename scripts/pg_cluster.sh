#!/usr/bin/env bash
# A private PostgreSQL/PostGIS cluster for the tests, inside build/pg: never the machine's own.
#
#   scripts/pg_cluster.sh start   a new cluster (initdb) started on 127.0.0.1 and a free port; prints the env file
#   scripts/pg_cluster.sh stop    stop it (a no-op when it is not running)
#
# The cluster has a database `sozialraum` with PostGIS and three roles, as an office's database
# administrator would set them up (the SQL is below, and in the README):
#   sr_admin   superuser (only the tests' set-up uses it)
#   sr_writer  the planning office: owns schema `bericht`, may create tables there and layer_styles
#   sr_reader  other departments: may read the schema and the styles, nothing else
# Passwords are random per cluster and written only to build/pg/cluster.env (mode 600), which the
# tests read; the plugin itself gets them through QGIS's authentication database.
# initdb and postgres refuse to run as root: as root the cluster runs as the `postgres` user that
# Debian's package creates.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PG=$ROOT/build/pg
ENV=$PG/cluster.env

# Where the server keeps its files: build/pg, unless the server's user cannot reach it (a checkout
# below /root, mode 700): then a folder of its own in /tmp named after this checkout, so nothing
# of the machine's permissions is changed.
mkdir -p "$PG"
SERVER_DIR=$PG
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$PG" 2>/dev/null; then
  SERVER_DIR=/tmp/sozialraum-pg-$(echo "$ROOT" | sha1sum | cut -c1-12)
  mkdir -p "$SERVER_DIR" && chmod 700 "$SERVER_DIR"
fi
DATA=$SERVER_DIR/data
LOG=$SERVER_DIR/server.log

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || { echo "pg_cluster: no PostgreSQL server installed (make deps installs it)" >&2; return 1; }
  echo "$dir"
}

as_owner() {  # run a server program as the cluster's owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

stop() {
  BIN=$(bindir) || return 0
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "pg_cluster: stopped"
  fi
}

start() {
  BIN=$(bindir)
  if running; then  # a run killed hard left it: stop it, a new port is chosen below
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
  fi
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg_cluster: running as root needs the 'postgres' user" >&2; exit 1; }
    chown postgres "$SERVER_DIR"
  fi
  # A new cluster for every start (initdb takes about two seconds): no test sees what an earlier
  # session left in the database (schemas, leases, styles, projects).
  rm -rf "$DATA"
  local admin_pw
  admin_pw=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  local pwfile=$SERVER_DIR/.pw
  (umask 077; echo "$admin_pw" > "$pwfile")
  [ "$(id -u)" -ne 0 ] || chown postgres "$pwfile"
  as_owner "$BIN/initdb" -D "$DATA" -U sr_admin --pwfile="$pwfile" -A scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 >"$PG/initdb.log" 2>&1 || { tail -5 "$PG/initdb.log" >&2; rm -f "$pwfile"; exit 1; }
  rm -f "$pwfile"
  (umask 077; cat > "$ENV" <<EOF
PG_ADMIN_PASSWORD=$admin_pw
PG_WRITER_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
PG_READER_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
EOF
  )
  local port
  port=$(free_port)
  # TCP on loopback only; no Unix socket (its path length is limited and build/ may be deep)
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off" start >/dev/null \
    || { tail -20 "$LOG" >&2; exit 1; }
  sed -i '/^PGHOST=\|^PGPORT=\|^PGDATABASE=/d' "$ENV"
  printf 'PGHOST=127.0.0.1\nPGPORT=%s\nPGDATABASE=sozialraum\n' "$port" >> "$ENV"
  # shellcheck disable=SC1090
  . "$ENV"
  setup "$port"
  echo "$ENV"
}

setup() {  # the database, PostGIS and the two roles, as a database administrator would
  local port=$1
  export PGPASSWORD=$PG_ADMIN_PASSWORD
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U sr_admin -d postgres \
    -c "CREATE DATABASE sozialraum" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U sr_admin -d sozialraum >/dev/null <<SQL
CREATE EXTENSION postgis;
CREATE ROLE sr_writer LOGIN PASSWORD '$PG_WRITER_PASSWORD';
CREATE ROLE sr_reader LOGIN PASSWORD '$PG_READER_PASSWORD';
-- the planning office's schema: the writer owns it, the reader may look
CREATE SCHEMA bericht AUTHORIZATION sr_writer;
GRANT USAGE ON SCHEMA bericht TO sr_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE sr_writer IN SCHEMA bericht GRANT SELECT ON TABLES TO sr_reader;
-- a schema for the office's sources (boundaries, tables), read by both
CREATE SCHEMA quellen AUTHORIZATION sr_admin;
GRANT USAGE ON SCHEMA quellen TO sr_writer, sr_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE sr_admin IN SCHEMA quellen GRANT SELECT ON TABLES TO sr_writer, sr_reader;
-- QGIS keeps default styles in public.layer_styles and makes that table itself, with the columns
-- its version needs (and adds new ones later): the office may create it, everyone may read it
GRANT CREATE ON SCHEMA public TO sr_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE sr_writer IN SCHEMA public GRANT SELECT ON TABLES TO sr_reader;
SQL
  unset PGPASSWORD
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
