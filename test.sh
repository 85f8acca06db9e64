#!/usr/bin/env bash
# Builds EW/EA and runs every test (unit, store contract, integration, architecture): `./mvnw verify` on a JDK 25,
# found as run.sh finds it, so it works where the default `java` is older. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
exec ./mvnw verify "$@"
