#!/usr/bin/env bash
# Checks the per-customer CSV's byte formatter (CsvBytes in bundles/org.moneytree.cli) against what it replaces:
# Commons CSV's quoting (CsvRows) on tricky fields, BigDecimal.toPlainString for cents, BigDecimal's half-even
# division for margins, Formats.fixed for scores and criteria, LocalDate for dates. Compiles the three classes
# outside OSGi with the importer's Commons CSV and runs CsvBytesCheck.java; fails on any difference. ~10 s.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$project/target/benchmarks/csv-bytes"
rm -rf "$work" && mkdir -p "$work/classes"
. "$project/.mvn/jdk.sh"
moneytree_find_jdk
cp=""
for artifact in org.apache.commons:commons-csv:1.14.1 commons-io:commons-io:2.20.0 commons-codec:commons-codec:1.19.0; do
  IFS=: read -r group id version <<< "$artifact"
  jar="$HOME/.m2/repository/${group//.//}/$id/$version/$id-$version.jar"
  [ -f "$jar" ] || (cd "$work" && "$project/mvnw" -q -B dependency:get -Dartifact="$artifact" -Dtransitive=false)
  cp="$cp:$jar"
done
cli="$project/bundles/org.moneytree.cli/src/org/moneytree/cli/internal"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" -cp "$cp" "$cli/CsvBytes.java" "$cli/CsvRows.java" "$cli/Formats.java" \
  "$project/tests/benchmarks/CsvBytesCheck.java"
"$JAVA_HOME/bin/java" -cp "$work/classes$cp" org.moneytree.cli.internal.CsvBytesCheck
