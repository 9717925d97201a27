#!/usr/bin/env bash
# Start-up benchmark: time from the fork of `java` to the first 200 of the seed's request
# (POST /main.handler?param=one, {"hello": "world"}, application/json), polled every 20 ms on
# 127.0.0.1, the JVM's CPU time until then, and its idle RSS (VmRSS 2 s after that answer), for
#   baseline    the hand-written Spring MVC @RestController app (benchmarks' baseline jar), java -jar, JDK 17
#   plain       the sample app, java -jar, JDK 17
#   fast17      the sample app as deploy/fast-start.sh starts it on JDK 17: extracted, AppCDS, C1 only
#   fast25      the same on JDK 25 (JAVA25): extracted, the JDK's AOT cache, C1 only
#   framework   Google's Functions Framework invoker with the benchmarks' framework function, JDK 17
#               (reported as "not built" unless the benchmarks build made its two jars)
#   baseline-fast25  the hand-written MVC app with the same fast start on JDK 25: the floor of a
#               Spring Boot + Tomcat app, whatever the runtime adds (baseline-fast17 likewise)
# and, only when named in VARIANTS, fast17-c2 / fast25-c2 (the fast start with C1_ONLY=0);
# in alternation (order rotated each round), ROUNDS rounds; prints medians and ratios and writes
# its report to benchmarks/results/startup-<stamp>.md (unless NO_REPORT=1); never to docs/.
# Usage: bash benchmarks/startup.sh
# Knobs: ROUNDS (5), PORT (28090), VARIANTS (the six above), JVM_FLAGS (JVM options of every
#        variant, ""), TIMEOUT (60 s per start), IDLE (2 s), PRIME_MB (1024, see lib.sh),
#        JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), SKIP_BUILD=1 (use the jars as built),
#        FRAMEWORK_INVOKER, FRAMEWORK_JAR (the framework's two jars), NO_REPORT=1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-28090}
JVM_FLAGS=${JVM_FLAGS:-}
TIMEOUT=${TIMEOUT:-60}
IDLE=${IDLE:-2}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
FRAMEWORK_INVOKER=${FRAMEWORK_INVOKER:-benchmarks/target/framework/java-function-invoker-2.0.0.jar}
FRAMEWORK_JAR=${FRAMEWORK_JAR:-benchmarks/target/benchmarks-0.1.0-SNAPSHOT-framework.jar}
read -r -a VARIANTS <<< "${VARIANTS:-baseline plain fast17 fast25 baseline-fast25 framework}"
# shellcheck source=benchmarks/lib.sh
source "$ROOT/benchmarks/lib.sh"
OUT="$ROOT/benchmarks/target/startup-$STAMP"

require java mvn curl python3
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then die "port $PORT on 127.0.0.1 is taken: set PORT"; fi

if [[ "${SKIP_BUILD:-}" == 1 ]]; then mkdir -p "$OUT"; BUILD_CMD="# SKIP_BUILD=1: the jars as they were built"; else build_project "$OUT"; fi
SAMPLE_JAR="sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
BASELINE_JAR="benchmarks/target/benchmarks-0.1.0-SNAPSHOT-baseline.jar"
[[ -f "$SAMPLE_JAR" && -f "$BASELINE_JAR" ]] || die "$SAMPLE_JAR or $BASELINE_JAR is missing: build them (or drop SKIP_BUILD)"

# Why a variant is left out ("not built", ...); empty for those that run.
declare -A MISSING=()
declare -A START_CMD=(
	[baseline]="java${JVM_FLAGS:+ $JVM_FLAGS} -jar $BASELINE_JAR --server.port=$PORT"
	[plain]="java${JVM_FLAGS:+ $JVM_FLAGS} -jar $SAMPLE_JAR --server.port=$PORT $SAMPLE_ARGS"
	[framework]="java${JVM_FLAGS:+ $JVM_FLAGS} -jar $FRAMEWORK_INVOKER --classpath $FRAMEWORK_JAR --target io.functionruntime.bench.framework.MainHandlerFunction --port $PORT"
)
[[ -f "$FRAMEWORK_INVOKER" && -f "$FRAMEWORK_JAR" ]] || MISSING[framework]="not built ($FRAMEWORK_INVOKER, $FRAMEWORK_JAR)"

# The fast starts, prepared by deploy/fast-start.sh --prepare exactly as it prepares a user's
# application (extract, training run, check), fresh in this run's folder; then started with the
# command it runs.
PREPARE_LINES=()
for v in "${VARIANTS[@]}"; do
	case $v in
		fast17 | fast17-c2 | baseline-fast17) java_bin=java ;;
		fast25 | fast25-c2 | baseline-fast25) java_bin=$JAVA25 ;;
		baseline | plain | framework) continue ;;
		*) die "unknown variant $v" ;;
	esac
	if ! command -v "$java_bin" >/dev/null; then MISSING[$v]="no JDK 25 at $java_bin (JAVA25)"; continue; fi
	c1=1; [[ $v == *-c2 ]] && c1=0
	jar=$SAMPLE_JAR args=$SAMPLE_ARGS; [[ $v == baseline-* ]] && jar=$BASELINE_JAR args=
	dir="$OUT/$v"
	log "$v: deploy/fast-start.sh --prepare (extract + training run)"
	t0=$(date +%s%N)
	JAVA=$java_bin JAVA_OPTS="$JVM_FLAGS" C1_ONLY=$c1 DIR="$dir" TRAINING_ARGS="$args" bash deploy/fast-start.sh --prepare "$jar" 2> "$OUT/$v-prepare.log" \
		|| { cat "$OUT/$v-prepare.log" >&2; die "$v: preparing the fast start failed"; }
	t1=$(date +%s%N)
	archive="$dir/app.jsa"; [[ -f "$dir/app.aot" ]] && archive="$dir/app.aot"
	PREPARE_LINES+=("JAVA=$java_bin JAVA_OPTS='$JVM_FLAGS' C1_ONLY=$c1 DIR=$dir bash deploy/fast-start.sh --prepare $jar   # $(( (t1 - t0) / 1000000 )) ms, $(basename "$archive") $(( $(stat -c %s "$archive") / 1048576 )) MB")
	START_CMD[$v]="$java_bin @$dir/jvm.args -jar $dir/$(basename "$jar") --server.port=$PORT${args:+ $args}"
	log "  $(( (t1 - t0) / 1000000 )) ms; $(tr '\n' ' ' < "$dir/jvm.args")"
done
RUN_VARIANTS=()
for v in "${VARIANTS[@]}"; do [[ -n "${MISSING[$v]:-}" ]] || RUN_VARIANTS+=("$v"); done
for v in baseline plain; do [[ " ${RUN_VARIANTS[*]} " == *" $v "* ]] || die "VARIANTS needs $v"; done

CLK_TCK="$(getconf CLK_TCK)"
# Starts a variant, waits for its first 200 (bounded by TIMEOUT), then IDLE seconds without
# load, and stops it; sets MS (wall milliseconds), CPU_MS (the JVM's CPU milliseconds (user +
# system) until the answer, which the other processes of a shared machine move much less than
# the wall time) and RSS_MB (VmRSS after the idle seconds).
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
	local ticks
	ticks=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
	sleep "$IDLE"
	RSS_MB=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$SERVER_PID/status")
	stop_server
	if grep -Eq 'Unable to use (shared archive|AOT cache)|\[error *\]\[(aot|cds)' "$server_log"; then
		die "$variant did not use its archive: $(grep -Em1 'Unable to use|\[error *\]\[(aot|cds)' "$server_log")"
	fi
	MS=$(( (now - start_ns) / 1000000 ))
	CPU_MS=$(( ticks * 1000 / CLK_TCK ))
}

echo -e "round\tvariant\tms\tcpu_ms\trss_mb\tspring_started" > "$OUT/startup.tsv"
for round in $(seq 1 "$ROUNDS"); do
	for i in "${!RUN_VARIANTS[@]}"; do
		variant=${RUN_VARIANTS[$(( (i + round - 1) % ${#RUN_VARIANTS[@]} ))]}
		sleep 1
		measure "$variant" "$OUT/$variant-$round.log" # not in a subshell: the trap must see SERVER_PID
		started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$OUT/$variant-$round.log" \
			| sed 's/Started [A-Za-z]* in //' || true)
		log "round $round $variant: ${MS} ms, JVM CPU ${CPU_MS} ms, idle RSS ${RSS_MB} MiB (Spring: ${started:-?})"
		echo -e "$round\t$variant\t$MS\t$CPU_MS\t$RSS_MB\t$started" >> "$OUT/startup.tsv"
	done
done

median() { awk -v v="$1" -v c="${2:-3}" -F'\t' '$2 == v {print $c}' "$OUT/startup.tsv" | sort -n \
	| awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
declare -A MED CPU RSS
for v in "${RUN_VARIANTS[@]}"; do MED[$v]=$(median "$v"); CPU[$v]=$(median "$v" 4); RSS[$v]=$(median "$v" 5); done
ratio() { if [[ -n "$2" ]]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; else echo "–"; fi; }
FW_MS=${MED[framework]:-} FW_CPU=${CPU[framework]:-}

TABLE="$(
	echo "| variant | median ms | each round (ms) | / baseline | / framework | JVM CPU ms until then | CPU / baseline | CPU / framework | idle RSS MiB | RSS / baseline | command |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|"
	for v in "${VARIANTS[@]}"; do
		if [[ -n "${MISSING[$v]:-}" ]]; then echo "| $v | ${MISSING[$v]} | | | | | | | | | |"; continue; fi
		rounds=$(awk -v v="$v" -F'\t' '$2 == v {printf "%s%s", sep, $3; sep = ", "}' "$OUT/startup.tsv")
		echo "| $v | ${MED[$v]} | $rounds | $(ratio "${MED[$v]}" "${MED[baseline]}") | $(ratio "${MED[$v]}" "$FW_MS") | ${CPU[$v]} | $(ratio "${CPU[$v]}" "${CPU[baseline]}") | $(ratio "${CPU[$v]}" "$FW_CPU") | ${RSS[$v]} | $(ratio "${RSS[$v]}" "${RSS[baseline]}") | \`${START_CMD[$v]}\` |"
	done
)"
echo "$TABLE"

# The targets of issue #19. The fast start is the better of fast25 and fast17 (both in the table).
verdict() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN {printf "%s (%.2f×)", (a <= t * b ? "met" : "not met"), a / b}'; }
BEST=""
for v in fast25 fast17; do
	[[ -n "${MED[$v]:-}" ]] && { [[ -z "$BEST" ]] || (( MED[$v] < MED[$BEST] )); } && BEST=$v
done
TARGETS=()
if [[ -n "$BEST" && -n "$FW_MS" ]]; then
	TARGETS+=("fast start ($BEST, the better of fast25 / fast17) ≤ 1.0× framework: $(verdict "${MED[$BEST]}" "$FW_MS" 1.0); JVM CPU: $(verdict "${CPU[$BEST]}" "$FW_CPU" 1.0)")
else
	TARGETS+=("fast start ≤ 1.0× framework: not measured (${MISSING[framework]:-no fast variant})")
fi
TARGETS+=("plain ≤ 1.0× baseline: $(verdict "${MED[plain]}" "${MED[baseline]}" 1.0); JVM CPU: $(verdict "${CPU[plain]}" "${CPU[baseline]}" 1.0)")
TARGETS+=("idle RSS of plain ≤ 1.1× baseline: $(verdict "${RSS[plain]}" "${RSS[baseline]}" 1.1)")
[[ -n "$BEST" ]] && TARGETS+=("idle RSS of $BEST ≤ 1.1× baseline: $(verdict "${RSS[$BEST]}" "${RSS[baseline]}" 1.1)")
# The floor: the hand-written MVC app started the same fast way, against the framework.
for v in baseline-fast25 baseline-fast17; do
	[[ -n "${MED[$v]:-}" && -n "$FW_MS" ]] && TARGETS+=("floor: $v ≤ 1.0× framework: $(verdict "${MED[$v]}" "$FW_MS" 1.0); $BEST / $v: $(ratio "${MED[$BEST]:-0}" "${MED[$v]}")")
done
for t in "${TARGETS[@]}"; do log "target: $t"; done

[[ "${NO_REPORT:-}" == 1 ]] && exit 0
mkdir -p "$RESULTS_DIR"
{
	echo "# Start-up to first answer, $(date -u '+%Y-%m-%d %H:%M UTC') (benchmarks/startup.sh)"
	echo
	echo "Machine: nproc=$(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -h | awk '/^Mem:/ {print $2}') RAM;"
	echo "\`java -version\`: $(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//');"
	command -v "$JAVA25" >/dev/null && echo "JDK 25: $("$JAVA25" -version 2>&1 | sed -n 2p);"
	echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)'). The machine is shared: other processes may have run meanwhile."
	echo
	echo "Exact commands:"
	echo
	echo '```bash'
	echo "$BUILD_CMD"
	for line in "${PREPARE_LINES[@]}"; do echo "$line"; done
	echo "# each round, in rotated order, one start of each variant (command in the table), then, every 20 ms until 200:"
	echo "curl -s -X POST -H 'Content-Type: application/json' --data '$SEED_BODY' 'http://127.0.0.1:$PORT$PATH_AND_QUERY'"
	echo "# then $IDLE s without load: VmRSS of /proc/<pid>/status; SIGTERM"
	echo '```'
	echo
	echo "$ROUNDS rounds; time from the fork of \`java\` to the first 200, medians:"
	echo
	echo "$TABLE"
	echo
	for t in "${TARGETS[@]}"; do echo "- Target $t."; done
	echo "- Raw data: \`benchmarks/target/startup-$STAMP/\`."
} > "$RESULTS_DIR/startup-$STAMP.md"
log "report written to $RESULTS_DIR/startup-$STAMP.md"
