# Sourced by ./toolgate, .ci/run and bench scripts: sets JAVA_HOME to a JDK >= 21, or explains what is missing.
# Order: $JAVA_HOME, the JDKs installed in the system JVM folder (newest first), then `java` on PATH.

toolgate_java_major() {  # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

toolgate_find_jdk() {
  local candidates=() c major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if [[ -d /usr/lib/jvm ]]; then
    while IFS= read -r c; do candidates+=("$c"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##' | sort -rV)
  fi
  if command -v java >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$c")
  fi
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    major=$(toolgate_java_major "$c/bin/java")
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  {
    echo "Toolgate needs a JDK 21 or newer (java and javac), and none was found."
    echo "Looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), the JDKs under /usr/lib/jvm, and 'java' on PATH."
    echo "Install one (for example a Temurin 21 or 25 JDK) and set JAVA_HOME to its folder, then run this again."
  } >&2
  return 1
}
