#!/usr/bin/env bash
# Lifetime-value fitting speed: `tests/benchmarks/clv-fit.sh [CUSTOMERS]` (default 1,000,000).
#
# Compiles the model library (bundles/org.moneytree.clv.models, with the API records it uses) outside OSGi
# against Hipparchus (the target platform's version, fetched into ~/.m2 if missing) and runs ClvFitBenchmark.java
# in one JVM (-Xmx2g, or BENCH_JAVA_OPTS): it simulates CUSTOMERS customers from a known BG/NBD population
# (seeded, so every run sees the same data: first purchases spread over 78 weeks, daily resolution), their
# repeat-purchase values from a Gamma-Gamma population, and a contract cohort of the same size from an sBG
# population; then times, each on the same data: building the calibration summaries (merging equal histories),
# the BG/NBD fit, the Pareto/NBD fit, the Gamma-Gamma fit of the repeat buyers, the sBG fit, and the forecast of
# every history over 36 months. Each fit prints its estimates against the true parameters, its diagnostics
# (converged, log-likelihood, evaluations, starts agreeing) and its wall time. BENCH_RUNS (default 1) repeats
# the fits and prints each run.
set -euo pipefail
customers="${1:-1000000}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$project/target/benchmarks/clv"
mkdir -p "$work"
. "$project/.mvn/jdk.sh"
moneytree_find_jdk
cp=""
for artifact in org.hipparchus:hipparchus-core:4.0.2 org.hipparchus:hipparchus-optim:4.0.2; do
  IFS=: read -r group id version <<< "$artifact"
  jar="$HOME/.m2/repository/${group//.//}/$id/$version/$id-$version.jar"
  [ -f "$jar" ] || (cd "$work" && "$project/mvnw" -q -B dependency:get -Dartifact="$artifact" -Dtransitive=false)
  cp="$cp:$jar"
done
rm -rf "$work/classes" && mkdir -p "$work/classes"
api="$project/bundles/org.moneytree.api/src/org/moneytree/api/clv"
"$JAVA_HOME/bin/javac" --release 21 -proc:none -d "$work/classes" -cp "${cp#:}" \
  "$api/ModelFamily.java" "$api/FitDiagnostics.java" \
  "$project"/bundles/org.moneytree.clv.models/src/org/moneytree/clv/models/[A-Z]*.java
echo "customers: $customers; processors: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$work/classes$cp" \
  "$project/tests/benchmarks/ClvFitBenchmark.java" "$customers" "${BENCH_RUNS:-1}"
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
