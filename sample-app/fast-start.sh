#!/usr/bin/env bash
# Starts the sample app in fast-start mode: the executable jar extracted by Spring Boot's tools
# jar mode (plain classpath jars, no nested-jar loader), plus an AppCDS archive of every class
# the application loads until its context is refreshed, made once by a training run.
#
#   bash sample-app/fast-start.sh [application arguments...]     e.g. --server.port=9090
#
# The archive is (re)made when it is missing or older than the jar: a training run with
# -XX:ArchiveClassesAtExit and -Dspring.context.exit=onRefresh (Spring Boot stops the JVM right
# after the context refresh, before the web server starts, so no port is used), which takes a
# few seconds once. Every run then maps the archived classes instead of loading, parsing and
# verifying them from jars. It is the same application and the same configuration; only the
# JVM's class loading changes. The JVM ignores an archive that does not match the classpath
# (it warns and starts the slow way), so a stale archive cannot change behaviour.
# Knobs: JAR (default sample-app/target/sample-app-0.1.0-SNAPSHOT.jar), DIR (where to extract,
# default sample-app/target/fast-start), JAVA_OPTS (extra JVM options, e.g. -Xmx512m).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR=${JAR:-$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}
DIR=${DIR:-$ROOT/sample-app/target/fast-start}
JAVA=${JAVA:-java}
[[ -f "$JAR" ]] || { echo "fast-start: $JAR is missing; build it first: mvn -B -DskipTests install" >&2; exit 1; }
NAME="$(basename "$JAR")"
APP="$DIR/$NAME"
ARCHIVE="$DIR/app.jsa"

if [[ ! -f "$APP" || "$JAR" -nt "$APP" ]]; then
	rm -rf "$DIR"
	mkdir -p "$DIR"
	"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
fi
if [[ ! -f "$ARCHIVE" || "$APP" -nt "$ARCHIVE" ]]; then
	echo "fast-start: training run to create $ARCHIVE" >&2
	rm -f "$ARCHIVE"
	# shellcheck disable=SC2086
	# the same -jar path as the run below: the JVM checks the class path recorded in the archive
	"$JAVA" ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$ARCHIVE" -Dspring.context.exit=onRefresh \
		-jar "$APP" --logging.level.root=WARN >"$DIR/training.log" 2>&1 \
		|| { echo "fast-start: the training run failed, see $DIR/training.log" >&2; exit 1; }
fi
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} -XX:SharedArchiveFile="$ARCHIVE" -XX:TieredStopAtLevel=1 -jar "$APP" "$@"
