#!/usr/bin/env bash
# Makes a real PostgreSQL server ready for the persistence tests and writes the configuration file that
# points the platform at it: `ensure-server.sh CONF_FOLDER`.
#
# With MONEYTREE_TEST_POSTGRES_URL (and _USER, _PASSWORD) set, that server is used as it is. Otherwise the
# local Debian cluster is started if needed (pg_ctlcluster; as root, Debian's postgresql package is
# installed first when missing), and a fresh database moneytree_test owned by the role moneytree is created,
# so every run starts from an empty schema.
set -euo pipefail
conf_folder="${1:?usage: ensure-server.sh CONF_FOLDER}"
mkdir -p "$conf_folder"

write_conf() {
  cat > "$conf_folder/org.moneytree.persistence.cfg" <<CFG
# Written by tests/postgresql/ensure-server.sh for the persistence tests.
database = postgresql
url = $1
user = $2
password = $3
CFG
}

if [ -n "${MONEYTREE_TEST_POSTGRES_URL:-}" ]; then
  write_conf "$MONEYTREE_TEST_POSTGRES_URL" "${MONEYTREE_TEST_POSTGRES_USER:-moneytree}" "${MONEYTREE_TEST_POSTGRES_PASSWORD:-moneytree}"
  exit 0
fi

as_postgres() {
  export PGOPTIONS="--client-min-messages=warning"
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -n -u postgres sh -c "$1"; fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-server: installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
  else
    echo "ensure-server: no PostgreSQL server here. Install Debian's postgresql package, or set" \
      "MONEYTREE_TEST_POSTGRES_URL, _USER and _PASSWORD to a server the tests may use." >&2
    exit 1
  fi
fi

cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1 " " $2 }')
if [ -z "$cluster" ]; then
  echo "ensure-server: PostgreSQL is installed but has no cluster (pg_createcluster creates one)" >&2
  exit 1
fi
port=$(pg_lsclusters --no-header | awk 'NR == 1 { print $3 }')
if ! pg_lsclusters --no-header | awk 'NR == 1 { print $4 }' | grep -q online; then
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h localhost -p "$port" && break
  sleep 1
done
pg_isready -q -h localhost -p "$port" || { echo "ensure-server: PostgreSQL on port $port does not answer" >&2; exit 1; }

as_postgres "psql -q -p $port -tc \"SELECT 1 FROM pg_roles WHERE rolname = 'moneytree'\" | grep -q 1 \
  || psql -q -p $port -c \"CREATE ROLE moneytree LOGIN PASSWORD 'moneytree'\""
as_postgres "psql -q -p $port -c 'DROP DATABASE IF EXISTS moneytree_test' && psql -q -p $port -c 'CREATE DATABASE moneytree_test OWNER moneytree'"
write_conf "jdbc:postgresql://localhost:$port/moneytree_test" moneytree moneytree
echo "ensure-server: PostgreSQL ready on port $port, database moneytree_test" >&2
