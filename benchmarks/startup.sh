#!/usr/bin/env bash
# Start-up benchmark: time from the fork of `java` to the first 200 of the seed's request
# (POST /main.handler?param=one, {"hello": "world"}, application/json), polled every 20 ms on
# 127.0.0.1, for
#   baseline    the hand-written Spring MVC @RestController app (benchmarks' baseline jar), plain java -jar
#   plain       the sample app, plain java -jar
#   cds         the sample app extracted + AppCDS archive (no other flag), for the breakdown
#   fast        the sample app as sample-app/fast-start.sh starts it: extracted + AppCDS + C1 only
# in alternation (order rotated each round), ROUNDS rounds; prints medians and ratios and
# writes its report to benchmarks/results/startup-<stamp>.md (unless NO_REPORT=1); never to docs/.
# Usage: bash benchmarks/startup.sh      Knobs: ROUNDS (5), PORT (28090), JVM_FLAGS (all variants, ""),
#        TIMEOUT (60 s per start), PRIME_MB (1024, see lib.sh), NO_REPORT=1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-28090}
JVM_FLAGS=${JVM_FLAGS:-}
TIMEOUT=${TIMEOUT:-60}
# shellcheck source=benchmarks/lib.sh
source "$ROOT/benchmarks/lib.sh"
OUT="$ROOT/benchmarks/target/startup-$STAMP"

require java mvn curl python3
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then die "port $PORT on 127.0.0.1 is taken: set PORT"; fi

build_project "$OUT"
SAMPLE_JAR="sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
BASELINE_JAR="benchmarks/target/benchmarks-0.1.0-SNAPSHOT-baseline.jar"
FAST_DIR="sample-app/target/fast-start"
FAST_JAR="$FAST_DIR/$(basename "$SAMPLE_JAR")"

# The fast-start artefacts, made exactly as sample-app/fast-start.sh makes them (fresh each run).
log "fast start: extract + training run"
rm -rf "$FAST_DIR"
t0=$(date +%s%N)
java -Djarmode=tools -jar "$SAMPLE_JAR" extract --destination "$FAST_DIR" > "$OUT/extract.log" 2>&1
t1=$(date +%s%N)
# The same -jar path as the runs below: the JVM checks the class path recorded in the archive.
java -XX:ArchiveClassesAtExit="$FAST_DIR/app.jsa" -Dspring.context.exit=onRefresh \
	-jar "$FAST_JAR" --logging.level.root=WARN > "$OUT/training.log" 2>&1 || die "training run failed"
t2=$(date +%s%N)
[[ -f "$FAST_DIR/app.jsa" ]] || die "no archive was written"
EXTRACT_MS=$(( (t1 - t0) / 1000000 )); TRAINING_MS=$(( (t2 - t1) / 1000000 ))
ARCHIVE_MB=$(( $(stat -c %s "$FAST_DIR/app.jsa") / 1048576 ))
log "  extract ${EXTRACT_MS} ms, training ${TRAINING_MS} ms, archive ${ARCHIVE_MB} MB"

VARIANTS=(baseline plain cds fast)
declare -A START_CMD=(
	[baseline]="java $JVM_FLAGS -jar $BASELINE_JAR --server.port=$PORT"
	[plain]="java $JVM_FLAGS -jar $SAMPLE_JAR --server.port=$PORT"
	[cds]="java $JVM_FLAGS -XX:SharedArchiveFile=$FAST_DIR/app.jsa -jar $FAST_JAR --server.port=$PORT"
	[fast]="java $JVM_FLAGS -XX:SharedArchiveFile=$FAST_DIR/app.jsa -XX:TieredStopAtLevel=1 -jar $FAST_JAR --server.port=$PORT"
)

CLK_TCK="$(getconf CLK_TCK)"
# Starts a variant, waits for its first 200 (bounded by TIMEOUT), stops it; sets MS (wall
# milliseconds) and CPU_MS (the JVM's CPU milliseconds (user + system) until then, which the other
# processes of a shared machine move much less than the wall time.
measure() {
	local variant=$1 server_log=$2 start_ns now
	prime_memory
	start_ns=$(date +%s%N)
	set -f # the command has no globs
	# shellcheck disable=SC2086
	${START_CMD[$variant]} > "$server_log" 2>&1 &
	SERVER_PID=$!
	set +f
	until [[ "$(seed_call "$PORT")" == 200 ]]; do
		kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$server_log" >&2; die "$variant exited at startup"; }
		now=$(date +%s%N)
		(( (now - start_ns) / 1000000000 < TIMEOUT )) || die "$variant did not answer within $TIMEOUT s"
		sleep 0.02
	done
	now=$(date +%s%N)
	if grep -q 'Unable to use shared archive' "$server_log"; then stop_server; die "$variant did not use the archive: $(grep 'Unable to use shared archive' "$server_log")"; fi
	local ticks
	ticks=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
	stop_server
	MS=$(( (now - start_ns) / 1000000 ))
	CPU_MS=$(( ticks * 1000 / CLK_TCK ))
}

echo -e "round\tvariant\tms\tcpu_ms\tspring_started" > "$OUT/startup.tsv"
for round in $(seq 1 "$ROUNDS"); do
	for i in "${!VARIANTS[@]}"; do
		variant=${VARIANTS[$(( (i + round - 1) % ${#VARIANTS[@]} ))]}
		sleep 1
		measure "$variant" "$OUT/$variant-$round.log" # not in a subshell: the trap must see SERVER_PID
		ms=$MS cpu=$CPU_MS
		started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$OUT/$variant-$round.log" \
			| sed 's/Started [A-Za-z]* in //' || true)
		log "round $round $variant: ${ms} ms, JVM CPU ${cpu} ms (Spring: ${started:-?})"
		echo -e "$round\t$variant\t$ms\t$cpu\t$started" >> "$OUT/startup.tsv"
	done
done

median() { awk -v v="$1" -v c="${2:-3}" -F'\t' '$2 == v {print $c}' "$OUT/startup.tsv" | sort -n \
	| awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
declare -A MED
declare -A CPU
for v in "${VARIANTS[@]}"; do MED[$v]=$(median "$v"); CPU[$v]=$(median "$v" 4); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

TABLE="$(
	echo "| variant | median ms | each round (ms) | / baseline | / sample plain | JVM CPU ms until then, median | CPU / baseline | command |"
	echo "|---|---|---|---|---|---|---|---|"
	for v in "${VARIANTS[@]}"; do
		rounds=$(awk -v v="$v" -F'\t' '$2 == v {printf "%s%s", sep, $3; sep = ", "}' "$OUT/startup.tsv")
		echo "| $v | ${MED[$v]} | $rounds | $(ratio "${MED[$v]}" "${MED[baseline]}") | $(ratio "${MED[$v]}" "${MED[plain]}") | ${CPU[$v]} | $(ratio "${CPU[$v]}" "${CPU[baseline]}") | \`${START_CMD[$v]}\` |"
	done
)"
echo "$TABLE"
GOAL=$(awk -v f="${MED[fast]}" -v b="${MED[baseline]}" 'BEGIN {print (f <= 0.5 * b ? "met" : "not met")}')
FROM_FF=$(awk -v f="${MED[fast]}" 'BEGIN {printf "%+d ms (%.2f x 0.6 s)", f - 600, f / 600}')
log "fast / baseline = $(ratio "${MED[fast]}" "${MED[baseline]}") (goal <= 0.50: $GOAL); fast vs Functions Framework's 0.6 s: $FROM_FF"

[[ "${NO_REPORT:-}" == 1 ]] && exit 0
{
	echo
	echo "## Start-up to first answer, $(date -u '+%Y-%m-%d %H:%M UTC') (benchmarks/startup.sh)"
	echo
	echo "Machine: nproc=$(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -h | awk '/^Mem:/ {print $2}') RAM;"
	echo "\`java -version\`: $(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//');"
	echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)'). The machine is shared: other processes may have run meanwhile."
	echo
	echo "Exact commands:"
	echo
	echo '```bash'
	echo "$BUILD_CMD"
	echo "java -Djarmode=tools -jar $SAMPLE_JAR extract --destination $FAST_DIR      # ${EXTRACT_MS} ms"
	echo "java -XX:ArchiveClassesAtExit=$FAST_DIR/app.jsa -Dspring.context.exit=onRefresh -jar $FAST_JAR --logging.level.root=WARN   # training: ${TRAINING_MS} ms, archive ${ARCHIVE_MB} MB"
	echo "# each round, in rotated order, one start of each variant (command in the table), then, every 20 ms until 200:"
	echo "curl -s -X POST -H 'Content-Type: application/json' --data '$SEED_BODY' 'http://127.0.0.1:$PORT$PATH_AND_QUERY'"
	echo '```'
	echo
	echo "$ROUNDS rounds; time from the fork of \`java\` to the first 200, median:"
	echo
	echo "$TABLE"
	echo
	echo "- Goal fast ≤ 0.5 × baseline: **$GOAL** (fast / baseline = $(ratio "${MED[fast]}" "${MED[baseline]}"))."
	echo "- Distance from the Functions Framework invoker's 0.6 s: $FROM_FF."
	echo "- Raw data: \`benchmarks/target/startup-$STAMP/\`."
} > "$RESULTS_DIR/startup-$STAMP.md"
log "report written to $RESULTS_DIR/startup-$STAMP.md"
