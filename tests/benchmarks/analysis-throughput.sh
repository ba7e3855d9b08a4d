#!/usr/bin/env bash
# Analysis throughput, measured in one run: `tests/benchmarks/analysis-throughput.sh [LINES [CUSTOMERS]]`
# (default 1,000,000 lines, 100,000 customers; the issue's figure is 10,000,000 lines, 1,000,000 customers,
# a file of about 570 MB).
#
# 1. Generates a deterministic purchase file if it is missing (GeneratePurchases.java --analysis: two years,
#    Pareto-like customers, ~2% returns, ~10% lines without cost of goods, six categories, a few quoted
#    product names) into $BENCH_DATA (default target/benchmarks; big files are never committed).
# 2. Compiles the analysis's file scan (PurchaseScan and the classes it uses, from
#    bundles/org.moneytree.analysis) outside OSGi against the few API classes it needs, and fetches DuckDB's
#    JDBC driver (org.duckdb:duckdb_jdbc) and Apache Commons CSV (the importer's version) into ~/.m2.
# 3. Runs PurchaseScanCheck.java (before generating anything): tricky and bad files, random files against
#    Commons CSV, a two-thread split inside a quoted field, the builder against the file scan (BENCH_CHECK=0
#    skips it; BENCH_CHECK=only runs nothing else: no data, no DuckDB, about 15 s, the way to check the scan
#    in CI).
# 4. Runs AnalysisThroughput.java in one JVM with the product's heap options for `analyze --direct`
#    (-Xmx2g -Xms2g -XX:+UseParallelGC; for the whole JVM, so DuckDB's runs have them too, though its memory
#    is native; without -Xms the heap shrinks at each run's System.gc() and every run pays the page faults of
#    growing it again, which the product does not): PurchaseScan.fromFile per customer and year with 2 and
#    1 threads (first run and best of BENCH_RUNS more), DuckDB over JDBC (SET threads = 2; read_csv and GROUP BY
#    into a temporary table, the fetch timed apart), Commons CSV + BigDecimal + HashMap (1 thread). Prints the
#    times, lines per second, peak heap per run and the process's peak RSS, the totals of all three, the
#    mismatches per customer and year to the cent (must be 0; the script fails otherwise) and the ratios.
#    BENCH_MONTHLY=1 also times monthly periods (the memory-heaviest case). BENCH_JAVA_OPTS replaces the JVM
#    options (default -Xmx2g -Xms2g -XX:+UseParallelGC; until November 2026 it was -Xmx2g alone, G1);
#    `-Xmx2g -XX:+UseTransparentHugePages` made the 10M scan about 10% faster here
#    (fewer page faults on the line buffers).
# 5. product_run: the full product analysis of the same file, `moneytree analyze FILE --direct` (see below).
# BENCH_CLEAN=1 deletes the generated file at the end.
set -euo pipefail
lines="${1:-1000000}"
customers="${2:-100000}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$project/target/benchmarks/analysis"
data_dir="${BENCH_DATA:-$project/target/benchmarks}"
mkdir -p "$work/lib" "$work/classes" "$data_dir"
. "$project/.mvn/jdk.sh"
moneytree_find_jdk
java="$JAVA_HOME/bin/java"

# Versions: DuckDB as resolved from Maven Central; Commons CSV and its dependencies as in
# releng/org.moneytree.target/org.moneytree.target.target (the importer's).
artifacts="org.apache.commons:commons-csv:1.14.1 commons-io:commons-io:2.20.0 commons-codec:commons-codec:1.19.0"
[ "${BENCH_CHECK:-1}" = only ] || artifacts="$artifacts org.duckdb:duckdb_jdbc:2.0.0.1"
cp=""
for artifact in $artifacts; do
  IFS=: read -r group id version <<< "$artifact"
  jar="$HOME/.m2/repository/${group//.//}/$id/$version/$id-$version.jar"
  [ -f "$jar" ] || (cd "$work" && "$project/mvnw" -q -B dependency:get -Dartifact="$artifact" -Dtransitive=false)
  cp="$cp:$jar"
done

api="$project/bundles/org.moneytree.api/src/org/moneytree/api"
scan="$project/bundles/org.moneytree.analysis/src/org/moneytree/analysis/internal"
rm -rf "$work/classes" && mkdir -p "$work/classes"
"$JAVA_HOME/bin/javac" --release 21 -d "$work/classes" \
  "$api/profit/Period.java" "$api/profit/PeriodLength.java" "$api/profit/AnalysisException.java" \
  "$api/purchase/Purchase.java" \
  "$scan/PurchaseScan.java" "$scan/PurchaseTotals.java" "$scan/PurchaseLineParser.java" \
  "$scan/PurchaseColumns.java" "$scan/PartialTotals.java" "$scan/LineBuffers.java" "$scan/LongHashSet.java" \
  "$scan/PeriodKeys.java" "$scan/ScanProblems.java" "$scan/JitMode.java" "$scan/Cents.java"
cp="$work/classes$cp"

if [ "${BENCH_CHECK:-1}" != 0 ]; then
  "$java" -Xmx2g -cp "$cp" "$project/tests/benchmarks/PurchaseScanCheck.java" "$work/check"
  [ "${BENCH_CHECK:-1}" = only ] && exit 0
fi

data="$data_dir/analysis-purchases-$lines.csv"
[ -f "$data" ] || "$java" "$project/tests/benchmarks/GeneratePurchases.java" --analysis "$lines" "$customers" "$data"
echo "file: $data ($(du -hL "$data" | cut -f1), $lines lines, $customers customers); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
"$java" ${BENCH_JAVA_OPTS:--Xmx2g -Xms2g -XX:+UseParallelGC} --enable-native-access=ALL-UNNAMED -Dbench.monthly="$([ "${BENCH_MONTHLY:-0}" = 1 ] && echo true || echo false)" \
  -cp "$cp" "$project/tests/benchmarks/AnalysisThroughput.java" "$data" "${BENCH_RUNS:-3}"

# The full product run on the same file: `moneytree analyze FILE --direct` (read, aggregate, cost to serve,
# score, tier, store the tiers) in a fresh workspace under target/benchmarks/analysis, with its own step
# timings (--timings), wall time and peak RSS; MONEYTREE_JAVA_OPTS as for ./moneytree (default -Xmx2g).
# Skipped with BENCH_PRODUCT=0 or when the product has not been built (./mvnw verify builds it). A failing
# product run is reported, and does not stop the script.
product_run() {
  local product="$project/releng/org.moneytree.repository/target/products/org.moneytree.product/linux/gtk/x86_64/moneytree"
  if [ "${BENCH_PRODUCT:-1}" != 1 ] || ! ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar >/dev/null 2>&1; then
    echo "product run (moneytree analyze --direct): skipped (BENCH_PRODUCT=0 or no built product)"
    return 0
  fi
  rm -rf "$work/product"
  mkdir -p "$work/product"
  local start end status=0
  start=$(date +%s.%N)
  MONEYTREE_WORKSPACE="$work/product/workspace" MONEYTREE_CONF="$work/product/conf" /usr/bin/time -f "peak RSS %M kB" \
    "$project/moneytree" analyze "$data" --direct --timings -o "$work/product/tiers.csv" \
    >"$work/product/out.txt" 2>"$work/product/err.txt" || status=$?
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$lines" -v st="$status" 'BEGIN {
    printf "product run (moneytree analyze --direct): %.1f s wall, %.0f lines/s, exit status %d\n", e - s, n / (e - s), st }'
  sed 's/^/  /' "$work/product/err.txt"
}
product_run

echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_CLEAN:-0}" = 1 ]; then
  rm -f "$data"
fi
