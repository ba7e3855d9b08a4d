# Sourced by ./mvnw and ./moneytree: finds a JDK 21 or newer and exports JAVA_HOME.
# JAVA_HOME wins when it is new enough; otherwise the usual JVM folders are searched.
moneytree_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

moneytree_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(moneytree_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "moneytree: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; searched /usr/lib/jvm)." >&2
  echo "moneytree: install one (for example Debian's openjdk-21-jdk or a Temurin JDK) and set JAVA_HOME to it." >&2
  return 1
}
