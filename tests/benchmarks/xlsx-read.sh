#!/usr/bin/env bash
# Excel read speed, measured in one run: `tests/benchmarks/xlsx-read.sh [ROWS [CUSTOMERS]]` (default
# 1,000,000 rows, 100,000 customers). Writes a deterministic one-sheet purchase workbook with fastexcel's
# writer (tests/benchmarks/GenerateXlsx.java; text customer ids, real date cells, numbers), then reads it
# with the importer's XlsxTable outside OSGi, compiled from the bundle's sources against the same
# fastexcel-reader, Aalto and Commons Compress the target platform pins. The read runs twice: once with
# the default heap, printing rows per second and peak memory (max RSS of the process), and once with a
# 64 MB heap, which passes only if memory stays bounded while the row count grows.
# Seen on a shared 2-core machine (November 2026, JDK 25): 31 MB file, 80,000 to 113,000 rows/s; with
# -Xmx64m peak RSS 113 MB. fastexcel-reader alone iterates the same sheet at 110,000 to 140,000 rows/s,
# so rendering cells as text costs little. Memory grows only with the distinct texts (shared strings).
set -euo pipefail
rows="${1:-1000000}"
customers="${2:-100000}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$project/target/benchmarks/xlsx"
mkdir -p "$work/lib"
. "$project/.mvn/jdk.sh"
moneytree_find_jdk
java="$JAVA_HOME/bin/java"

# Versions as in releng/org.moneytree.target/org.moneytree.target.target; the writer only for the data.
artifacts="org.dhatim:fastexcel-reader:0.19.0 com.fasterxml:aalto-xml:1.3.3 org.codehaus.woodstox:stax2-api:4.2.2
  org.apache.commons:commons-compress:1.27.1 commons-io:commons-io:2.20.0 org.dhatim:fastexcel:0.19.0
  com.github.rzymek:opczip:1.2.0"
for artifact in $artifacts; do
  IFS=: read -r group id version <<< "$artifact"
  [ -f "$work/lib/$id-$version.jar" ] || (cd "$work" && "$project/mvnw" -q -B \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib")
done
lib() { echo "$work/lib/$1"; }
reader_cp="$(lib fastexcel-reader-0.19.0.jar):$(lib aalto-xml-1.3.3.jar):$(lib stax2-api-4.2.2.jar):$(lib commons-compress-1.27.1.jar):$(lib commons-io-2.20.0.jar)"

data="$work/purchases-$rows.xlsx"
if [ ! -f "$data" ]; then
  start=$(date +%s.%N)
  "$java" -cp "$(lib fastexcel-0.19.0.jar):$(lib opczip-1.2.0.jar)" "$project/tests/benchmarks/GenerateXlsx.java" \
    purchases "$rows" "$customers" "$data"
  echo "wrote $data in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
fi
echo "file: $data ($(du -h "$data" | cut -f1), $rows rows, $customers customers)"

src="$project/bundles/org.moneytree.importer/src/org/moneytree/importer/internal"
rm -rf "$work/classes"
"$JAVA_HOME/bin/javac" --release 21 -d "$work/classes" -cp "$reader_cp" \
  "$src/XlsxTable.java" "$src/DateFormats.java" "$src/ExcelDates.java" "$project/tests/benchmarks/XlsxRead.java"

run() { # label, JVM options...
  local label="$1"; shift
  local out rss
  out=$( { /usr/bin/time -f "%M" "$java" "$@" -cp "$work/classes:$reader_cp" \
      org.moneytree.importer.internal.XlsxRead "$data"; } 2>&1)
  rss=$(tail -n 1 <<< "$out")
  echo "$label: $(head -n 1 <<< "$out"); peak RSS $((rss / 1024)) MB"
}
run "default heap"
run "64 MB heap" -Xmx64m
