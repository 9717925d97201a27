#!/usr/bin/env bash
# Starts the sample app the fast way (docs/operations.md "Fast start"): deploy/fast-start.sh on
# the sample's jar, extracted into sample-app/target/fast-start, with the JDK's AOT cache on
# JDK 25 and later and an AppCDS archive on JDK 17-24, made by a training run the first time.
#
#   bash sample-app/fast-start.sh [application arguments...]     e.g. --server.port=9090
#
# Knobs: JAR (default sample-app/target/sample-app-0.1.0-SNAPSHOT.jar), DIR (default
# sample-app/target/fast-start), and those of deploy/fast-start.sh: JAVA, JAVA_OPTS, C1_ONLY, ARCHIVE.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR=${JAR:-$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}
[[ -f "$JAR" ]] || { echo "fast-start: $JAR is missing; build it first: mvn -B -DskipTests install" >&2; exit 1; }
DIR=${DIR:-$ROOT/sample-app/target/fast-start} exec bash "$ROOT/deploy/fast-start.sh" "$JAR" "$@"
