#!/usr/bin/env bash
# Response times of the web console's JSON API under load: `tests/benchmarks/console-load.sh [LINES [CUSTOMERS]]`
# (default 10,000,000 lines and 1,000,000 customers, the issue's data set).
#
# 1. Generates the deterministic purchase file (GeneratePurchases.java --analysis, as analysis-throughput.sh does)
#    into $BENCH_DATA (default target/benchmarks) if it is missing.
# 2. Analyses it with the product into a fresh workspace under target/benchmarks/console: by default
#    `moneytree analyze FILE --direct` (the tiers of both years stored, the purchases not imported: the account
#    profile and the eroders then show figures without the cost breakdown); BENCH_IMPORT=1 imports the file
#    first (about 18 minutes into H2 for 10M lines) and analyses the stored purchases, so every view has
#    everything.
# 3. Starts `moneytree console` on a free port with an admin configured in conf/org.moneytree.users.cfg, and
#    runs ConsoleLoad.java: $BENCH_CLIENTS (default 50) concurrent clients, each logged in with its own
#    session, call the main API routes in turn for $BENCH_SECONDS (default 60) after a warm-up of each route;
#    it prints requests per second and the median, 90th and 99th percentile and maximum response time per route.
# 4. Stops the console. The load generator runs on the same 2-core machine as the console, so the figures are
#    for both together.
set -euo pipefail
lines="${1:-10000000}"
customers="${2:-1000000}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$project/target/benchmarks/console"
data_dir="${BENCH_DATA:-$project/target/benchmarks}"
mkdir -p "$work" "$data_dir"
. "$project/.mvn/jdk.sh"
moneytree_find_jdk
java="$JAVA_HOME/bin/java"

data="$data_dir/analysis-purchases-$lines.csv"
[ -f "$data" ] || "$java" "$project/tests/benchmarks/GeneratePurchases.java" --analysis "$lines" "$customers" "$data"
dataset=bench

rm -rf "$work/workspace" "$work/conf"
mkdir -p "$work/conf"
password="load-test-$(date +%s)-secret"
printf 'adminName = loadtest\nadminPassword = %s\n' "$password" > "$work/conf/org.moneytree.users.cfg"
export MONEYTREE_WORKSPACE="$work/workspace" MONEYTREE_CONF="$work/conf"
start=$(date +%s)
if [ "${BENCH_IMPORT:-0}" = 1 ]; then
  "$project/moneytree" import "$data" --dataset "$dataset" > "$work/import.txt"
  "$project/moneytree" analyze --dataset "$dataset" -o "$work/tiers.csv" > "$work/analyze.txt"
else
  "$project/moneytree" analyze "$data" --direct --dataset "$dataset" -o "$work/tiers.csv" > "$work/analyze.txt"
fi
echo "data: $lines lines, $customers customers, analysed in $(( $(date +%s) - start )) s ($([ "${BENCH_IMPORT:-0}" = 1 ] && echo imported || echo --direct))"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$project/moneytree" console --port "$port" > "$work/console.txt" 2>&1 &
console=$!
trap 'kill $console 2>/dev/null || true; wait $console 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "http://" "$work/console.txt" && break
  kill -0 $console 2>/dev/null || { cat "$work/console.txt"; exit 1; }
  sleep 1
done
grep -q "http://" "$work/console.txt" || { echo "the console did not start:"; cat "$work/console.txt"; exit 1; }

"$java" "$project/tests/benchmarks/ConsoleLoad.java" "http://127.0.0.1:$port" loadtest "$password" "$dataset" \
  "${BENCH_CLIENTS:-50}" "${BENCH_SECONDS:-60}"
echo "console process peak RSS: $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' /proc/$console/status 2>/dev/null || echo unknown)"
