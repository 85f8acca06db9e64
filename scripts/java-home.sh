# shellcheck shell=bash
# Sourced by run.sh and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer, or fails saying what to install.
# Run (as mvnw does), it prints that JDK's home instead.
# Order: JAVA_HOME if it is 25+, then the newest JDK 25+ in /usr/lib/jvm (Temurin first), then `java` on PATH.

ewea_java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

ewea_find_java_home() {
  local candidate major
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    major="$(ewea_java_major "${JAVA_HOME}/bin/java")"
    if [[ -n "$major" && "$major" -ge 25 ]]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/temurin-[3-9]* /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major="$(ewea_java_major "$candidate/bin/java")"
    if [[ -n "$major" && "$major" -ge 25 ]]; then echo "$candidate"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    major="$(ewea_java_major "$candidate/bin/java")"
    if [[ -n "$major" && "$major" -ge 25 ]]; then echo "$candidate"; return 0; fi
  fi
  return 1
}

if ! EWEA_JAVA_HOME="$(ewea_find_java_home)"; then
  echo "error: EW/EA needs a JDK 25 or newer and none was found (looked at JAVA_HOME, /usr/lib/jvm and PATH)." >&2
  echo "       Install one, e.g. Eclipse Temurin 25 (apt package temurin-25-jdk from the Adoptium repository)," >&2
  echo "       then set JAVA_HOME to it and run again." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$EWEA_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"

# Run rather than sourced (as mvnw does): print the JDK's home.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "$JAVA_HOME"
fi
