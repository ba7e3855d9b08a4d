#!/usr/bin/env bash
# Import throughput, measured in one run: `tests/benchmarks/import-throughput.sh [LINES [CUSTOMERS]]`
# (default 1,000,000 lines, 100,000 customers). Generates a deterministic purchase file, imports it with
# the product into embedded H2 and into PostgreSQL (tests/postgresql/ensure-server.sh prepares the
# server), then inserts the same rows with a plain JDBC batch into each database (the ceiling). Prints
# rows per second, wall time and the import's peak memory (max RSS of the process).
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

run_import() { # name, conf folder
  rm -rf "$work/workspace-$1"
  local start end rss
  start=$(date +%s.%N)
  rss=$( { /usr/bin/time -f "%M" env MONEYTREE_WORKSPACE="$work/workspace-$1" MONEYTREE_CONF="$2" \
      "$project/moneytree" import "$data" --dataset bench >/dev/null; } 2>&1 | tail -n 1)
  end=$(date +%s.%N)
  awk -v n="$lines" -v s="$start" -v e="$end" -v r="$rss" -v name="moneytree import ($1)" \
    'BEGIN { printf "%-40s %12d rows %8.1f s %12.0f rows/s   peak RSS %d MB\n", name, n, e - s, n / (e - s), r / 1024 }'
}

mkdir -p "$work/h2-conf"
run_import h2 "$work/h2-conf"
run_import postgresql "$work/postgresql-conf"
cp="$(ls "$product"/plugins/com.h2database_*.jar):$(ls "$product"/plugins/org.postgresql.jdbc_*.jar)"
"$java" -cp "$cp" "$project/tests/benchmarks/JdbcCeiling.java" "$data" "jdbc:h2:file:$work/ceiling-h2/db" moneytree ""
"$java" -cp "$cp" "$project/tests/benchmarks/JdbcCeiling.java" "$data" "$pg_url" moneytree moneytree
