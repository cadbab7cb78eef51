#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster on loopback for the tests and print its URL on stdout.
# Debian's postgresql package is installed first when it is missing and we are root. The cluster
# listens on 127.0.0.1 only and trusts its one user 'wk' (nothing else can reach it).
# Throw-away means no fsync: a test database that dies with the machine loses nothing we need, and
# each test copies a template database, which is several times faster without fsync. Benchmarks that
# quote PostgreSQL write latency start their cluster with WIJKKOMPAS_PG_FSYNC=on.
set -euo pipefail
POORT=${WIJKKOMPAS_PG_POORT:-55432}
MAP=${WIJKKOMPAS_PG_MAP:-/tmp/wijkkompas-pg}
URL="postgresql+psycopg://wk:wk@127.0.0.1:${POORT}/postgres"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "+ PostgreSQL installeren (Debian-pakket)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL ontbreekt en dit script draait niet als root; installeer het pakket 'postgresql'." >&2
    exit 1
  fi
fi

als_eigenaar() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$POORT"; then
  echo "$URL"
  exit 0
fi
rm -rf "$MAP"
mkdir -p "$MAP"
if [ "$(id -u)" = "0" ]; then chown postgres: "$MAP"; fi
als_eigenaar "$bin/initdb" -D "$MAP/data" -U wk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
als_eigenaar "$bin/pg_ctl" -D "$MAP/data" -l "$MAP/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $POORT -k $MAP -c max_connections=300 -c fsync=${WIJKKOMPAS_PG_FSYNC:-off}" \
  start >/dev/null
echo "$URL"
