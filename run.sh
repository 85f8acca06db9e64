#!/usr/bin/env bash
# Runs EW/EA on the embedded store with the demo data: builds api/target/ewea.jar first when it is missing or older
# than the sources, then starts it on port 8080 (SERVER_PORT overrides). Other settings: EWEA_* variables (README.md).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh

jar=api/target/ewea.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml ./*/pom.xml ./*/src demo -type f -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar (JDK: $JAVA_HOME) ..."
  ./mvnw -B -q -ntp -DskipTests package
fi
# JAVA_OPTS: JVM options; the default heap cap keeps the footprint small (the service needs about 250 MB of heap).
# files the service creates (store, search index, keys) are readable by this account only
umask 077
exec java ${JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
