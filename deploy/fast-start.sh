#!/usr/bin/env bash
# Fast start for any Spring Boot application (docs/operations.md "Fast start"): the same jar,
# the same configuration and the same beans, started with the JVM's class-loading shortcuts.
#
#   bash deploy/fast-start.sh [--prepare] [--in-place] APP.jar [application arguments...]
#
# 1. Extracts APP.jar with Spring Boot's tools jar mode into DIR (APP.jar beside lib/ with plain
#    jars: no nested-jar loader). With --in-place, APP.jar is already such a jar (a Docker image's
#    layers, for instance) and everything is written beside it.
# 2. A training run: the application with -Dspring.context.exit=onRefresh (Spring Boot stops it
#    right after the context refresh, before the web server starts: no port, no call) writes
#      JDK 25 and later   an AOT cache        -XX:AOTCacheOutput=DIR/app.aot
#      JDK 17 to 24       an AppCDS archive   -XX:ArchiveClassesAtExit=DIR/app.jsa
#    then a start of the JVM alone with -Xshare:on / -XX:AOTMode=on checks that it can be used.
# 3. Writes the JVM options of every start to DIR/jvm.args (a java @argfile): JAVA_OPTS, the
#    archive, -Dspring.aot.enabled=true when the jar holds Spring AOT's generated code (its
#    spring-boot-maven-plugin ran process-aot; SPRING_AOT=0 leaves it off), and
#    -XX:TieredStopAtLevel=1 (C1 only) unless C1_ONLY=0; and starts
#      java @DIR/jvm.args -jar DIR/APP.jar [application arguments...]
#    (deploy/Dockerfile's ENTRYPOINT is that command).
# An archive is only valid for the JDK, the JVM options and the exact jars (paths, sizes, times)
# of its training run. Steps 1-3 are redone when any of them changed (DIR/fast-start.stamp) and
# stop the script, with the training's log, when they fail. Should the JVM still refuse the
# archive at a start, it says so ("Unable to use shared archive" / "AOT cache") and starts the
# slow way, with the same behaviour.
# --prepare: steps 1-3 only, for an image build or a CI step; prints the start command.
# Knobs: JAVA (java), JAVA_OPTS (JVM options of the training and of every start, e.g. -Xmx512m),
# DIR (default: fast-start/ beside APP.jar; with --in-place: APP.jar's folder), C1_ONLY (1),
# ARCHIVE (auto: AOT cache on JDK 25+, else AppCDS; or aot, cds), TRAINING_ARGS (application
# arguments of the training run only, e.g. a profile without remote services), SPRING_AOT (auto,
# 0, 1).
set -euo pipefail
PREPARE=0 IN_PLACE=0
while [[ $# -gt 0 && $1 == --* ]]; do
	case $1 in
		--prepare) PREPARE=1 ;;
		--in-place) IN_PLACE=1 ;;
		*) echo "fast-start: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
[[ $# -ge 1 ]] || { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
JAR=$1; shift
[[ -f "$JAR" ]] || { echo "fast-start: $JAR is missing: build the application first" >&2; exit 1; }
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
C1_ONLY=${C1_ONLY:-1}
ARCHIVE=${ARCHIVE:-auto}
TRAINING_ARGS=${TRAINING_ARGS:-}
SPRING_AOT=${SPRING_AOT:-auto}
if [[ $IN_PLACE == 1 ]]; then DIR=${DIR:-$(dirname "$JAR")}; else DIR=${DIR:-$(dirname "$JAR")/fast-start}; fi
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
if [[ $IN_PLACE == 1 ]]; then APP=$JAR; else APP="$DIR/$(basename "$JAR")"; fi
ARGS_FILE="$DIR/jvm.args"
STAMP_FILE="$DIR/fast-start.stamp"

# The JDK without starting it: its release file (java -XshowSettings when there is none).
JAVA_BIN="$(command -v "$JAVA")" || { echo "fast-start: $JAVA is not found" >&2; exit 1; }
JAVA_BIN="$(readlink -f "$JAVA_BIN")"
RELEASE="$(dirname "$(dirname "$JAVA_BIN")")/release"
if [[ -f "$RELEASE" ]]; then
	JDK_ID="$JAVA_BIN $(grep -E '^(JAVA_RUNTIME_VERSION|JAVA_VERSION|IMPLEMENTOR)=' "$RELEASE" | tr '\n' ' ')"
	FEATURE=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$RELEASE")
else
	JDK_ID="$JAVA_BIN $("$JAVA" -XshowSettings:properties -version 2>&1 | grep -E 'java\.(vm\.)?version =' | tr -s ' \n' ' ')"
	FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
fi
[[ "$FEATURE" =~ ^[0-9]+$ && $FEATURE -ge 17 ]] || { echo "fast-start: $JAVA_BIN is Java '$FEATURE'; Spring Boot 4 needs 17 or later" >&2; exit 1; }
if [[ $ARCHIVE == auto ]]; then if (( FEATURE >= 25 )); then ARCHIVE=aot; else ARCHIVE=cds; fi; fi
case $ARCHIVE in
	aot) (( FEATURE >= 25 )) || { echo "fast-start: ARCHIVE=aot needs JDK 25 or later (-XX:AOTCacheOutput); this is $FEATURE" >&2; exit 1; }
		ARCHIVE_FILE="$DIR/app.aot" TRAIN_FLAG="-XX:AOTCacheOutput=$DIR/app.aot" USE_FLAG="-XX:AOTCache=$DIR/app.aot" STRICT_FLAG="-XX:AOTMode=on" ;;
	cds) ARCHIVE_FILE="$DIR/app.jsa" TRAIN_FLAG="-XX:ArchiveClassesAtExit=$DIR/app.jsa" USE_FLAG="-XX:SharedArchiveFile=$DIR/app.jsa" STRICT_FLAG="-Xshare:on" ;;
	*) echo "fast-start: ARCHIVE is auto, aot or cds, not '$ARCHIVE'" >&2; exit 2 ;;
esac

# Spring AOT's code: the jar's entry names are stored as plain text, so no unzip is needed.
if [[ $SPRING_AOT == auto ]]; then
	if grep -qa '__ApplicationContextInitializer\.class' "$JAR"; then SPRING_AOT=1; else SPRING_AOT=0; fi
fi
[[ $SPRING_AOT == 0 || $SPRING_AOT == 1 ]] || { echo "fast-start: SPRING_AOT is auto, 0 or 1, not '$SPRING_AOT'" >&2; exit 2; }
AOT_OPTS=""; [[ $SPRING_AOT == 1 ]] && AOT_OPTS="-Dspring.aot.enabled=true"

# What the archive depends on: the jar(s), the JDK, the options; any change means a new one.
jars_id() {
	if [[ $IN_PLACE == 1 ]]; then stat -c '%n %s %Y' "$APP" "$DIR"/lib/* 2>/dev/null; else stat -c '%n %s %Y' "$JAR"; fi
}
WANTED="$(printf 'v2\n%s\n%s\njava options: %s\nC1 only: %s\narchive: %s\nSpring AOT: %s\ntraining arguments: %s\n%s' \
	"$(basename "$APP")" "$JDK_ID" "$JAVA_OPTS" "$C1_ONLY" "$ARCHIVE" "$SPRING_AOT" "$TRAINING_ARGS" "$(jars_id)")"

prepare() {
	rm -f "$STAMP_FILE" "$ARGS_FILE" "$DIR/app.aot" "$DIR/app.jsa"
	if [[ $IN_PLACE == 0 ]]; then
		rm -rf "$APP" "$DIR/lib" # what the extraction writes, nothing else of DIR
		"$JAVA" -Djarmode=tools -jar "$JAR" extract --force --destination "$DIR" >"$DIR/extract.log" 2>&1 \
			|| { cat "$DIR/extract.log" >&2; echo "fast-start: extracting $JAR failed" >&2; exit 1; }
	fi
	echo "fast-start: training run for $ARCHIVE_FILE (Java $FEATURE; log: $DIR/training.log)" >&2
	# shellcheck disable=SC2086 # JAVA_OPTS and TRAINING_ARGS are lists of words
	"$JAVA" $JAVA_OPTS $AOT_OPTS "$TRAIN_FLAG" -Dspring.context.exit=onRefresh -jar "$APP" --logging.level.root=WARN $TRAINING_ARGS \
		>"$DIR/training.log" 2>&1 && [[ -s "$ARCHIVE_FILE" ]] \
		|| { tail -30 "$DIR/training.log" >&2; echo "fast-start: the training run failed, see $DIR/training.log" >&2; exit 1; }
	# shellcheck disable=SC2086
	"$JAVA" $JAVA_OPTS "$STRICT_FLAG" "$USE_FLAG" -cp "$APP" -version >"$DIR/check.log" 2>&1 \
		|| { cat "$DIR/check.log" >&2; echo "fast-start: the JVM cannot use $ARCHIVE_FILE with these options" >&2; exit 1; }
	local word
	{
		# shellcheck disable=SC2086
		for word in $JAVA_OPTS $AOT_OPTS "$USE_FLAG"; do printf '"%s"\n' "$(printf '%s' "$word" | sed 's/[\\"]/\\&/g')"; done
		[[ $C1_ONLY == 0 ]] || echo "-XX:TieredStopAtLevel=1"
	} >"$ARGS_FILE"
	printf '%s\n' "$WANTED" >"$STAMP_FILE"
}

{
	# one preparation at a time for a DIR (flock, where there is one)
	if command -v flock >/dev/null; then exec 9>"$DIR/.lock"; flock 9; fi
	if [[ ! -f "$STAMP_FILE" || "$(cat "$STAMP_FILE")" != "$WANTED" ]]; then prepare; fi
}
if [[ $PREPARE == 1 ]]; then
	echo "fast-start: ready; start with: $JAVA @$ARGS_FILE -jar $APP" >&2
	exit 0
fi
exec 9>&-
exec "$JAVA" "@$ARGS_FILE" -jar "$APP" "$@"
