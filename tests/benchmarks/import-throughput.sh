#!/usr/bin/env bash
# Import throughput, measured in one run: `tests/benchmarks/import-throughput.sh [LINES [CUSTOMERS]]`
# (default 1,000,000 lines, 100,000 customers). Generates a deterministic purchase file, imports it with
# the product into embedded H2 and into PostgreSQL (tests/postgresql/ensure-server.sh prepares the
# server), then inserts the same rows with a plain JDBC batch into each database (the ceiling). Prints
# rows per second, wall time, the import's peak memory (max RSS of the process), its final count and the
# size of the H2 file. The PostgreSQL database is the one ensure-server.sh names: with
# MONEYTREE_TEST_POSTGRES_URL set, that one, as it is (give it an empty database, or the import is a
# re-import). BENCH_DATABASES, BENCH_REIMPORT and BENCH_CEILING select the runs (see below).
set -euo pipefail
lines="${1:-1000000}"
customers="${2:-100000}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$project/target/benchmarks"
mkdir -p "$work"
. "$project/.mvn/jdk.sh"
moneytree_find_jdk
java="$JAVA_HOME/bin/java"
product="$project/releng/org.moneytree.repository/target/products/org.moneytree.product/linux/gtk/x86_64/moneytree"
[ -d "$product/plugins" ] || "$project/mvnw" -B -q install -DskipTests

data="$work/purchases-$lines.csv"
[ -f "$data" ] || "$java" "$project/tests/benchmarks/GeneratePurchases.java" "$lines" "$customers" "$data"
echo "file: $data ($(du -h "$data" | cut -f1), $lines lines, $customers customers)"

"$project/tests/postgresql/ensure-server.sh" "$work/postgresql-conf"
pg_url=$(sed -n 's/^url = //p' "$work/postgresql-conf/org.moneytree.persistence.cfg")

run_import() { # name, conf folder, "again" to import into the workspace of the previous run
  [ "${3:-}" = again ] || rm -rf "$work/workspace-$1"
  local start end rss result
  start=$(date +%s.%N)
  result="$work/import-$1.out"
  rss=$( { /usr/bin/time -f "%M" env MONEYTREE_WORKSPACE="$work/workspace-$1" MONEYTREE_CONF="$2" \
      "$project/moneytree" import "$data" --dataset bench >"$result"; } 2>&1 | tail -n 1)
  end=$(date +%s.%N)
  awk -v n="$lines" -v s="$start" -v e="$end" -v r="$rss" -v name="moneytree import ($1${3:+, $3})" \
    'BEGIN { printf "%-40s %12d rows %8.1f s %12.0f rows/s   peak RSS %d MB\n", name, n, e - s, n / (e - s), r / 1024 }'
  echo "  $(cat "$result")"
  if [ -f "$work/workspace-$1/moneytree.mv.db" ]; then
    echo "  H2 file: $(du -h --apparent-size "$work/workspace-$1/moneytree.mv.db" | cut -f1)"
  fi
}

mkdir -p "$work/h2-conf"
# BENCH_DATABASES=h2 or postgresql runs one of them; BENCH_REIMPORT=1 imports the same file a second time.
for database in ${BENCH_DATABASES:-h2 postgresql}; do
  conf="$work/$database-conf"
  run_import "$database" "$conf"
  [ "${BENCH_REIMPORT:-0}" = 1 ] && run_import "$database" "$conf" again
done
cp="$(ls "$product"/plugins/com.h2database_*.jar):$(ls "$product"/plugins/org.postgresql.jdbc_*.jar)"
pg_user=$(sed -n 's/^user = //p' "$work/postgresql-conf/org.moneytree.persistence.cfg")
pg_password=$(sed -n 's/^password = //p' "$work/postgresql-conf/org.moneytree.persistence.cfg")
if [ "${BENCH_CEILING:-1}" = 1 ]; then
  rm -rf "$work/ceiling-h2"
  "$java" -cp "$cp" "$project/tests/benchmarks/JdbcCeiling.java" "$data" "jdbc:h2:file:$work/ceiling-h2/db" moneytree ""
  rm -rf "$work/ceiling-h2"
  "$java" -cp "$cp" "$project/tests/benchmarks/JdbcCeiling.java" "$data" "$pg_url" "$pg_user" "$pg_password"
fi
