#!/usr/bin/env bash
# Runs every benchmark of function-runtime and writes the results to their own file,
# benchmarks/results/<UTC stamp>.md (never to docs/):
#   1. JMH microbenchmarks of the per-call runtime work (ns/op and B/op with -prof gc);
#   2. an end-to-end load benchmark on 127.0.0.1 with wrk: the sample app's main.handler
#      (default logging, the router log at WARN, and the router log on the call's thread;
#      VARIANTS may add function-plain-console: default logging with the console pattern %m%n)
#      against two hand-written peers doing the same work: the Spring MVC baseline and the same
#      function on Google's Functions Framework invoker 2.0.0 (variant framework); ROUNDS
#      rounds, at 1 and 32 connections (at 32 all variants of a round run at once and take
#      WINDOWS turns, so that each is measured next to the baseline): CPU per call, requests/s,
#      latency; plus the time from JVM start to the first answered request, the RSS IDLE_RSS_WAIT
#      seconds after it (before any load) and the peak RSS of each JVM.
# Usage: bash benchmarks/run.sh            (about 25 minutes on 2 cores; ROUNDS=5: 40)
# Knobs for a quick try (the committed results use the defaults): ROUNDS, WINDOWS, DURATION, WARMUP_1,
# WARMUP, JMH_ARGS, JVM_FLAGS, VARIANTS (space-separated; baseline and function are needed),
# PORT_BASELINE, PORT_FRAMEWORK, PORT_FUNCTION, IDLE_RSS_WAIT, QUIET_WAIT, CLEAN_CORES, RETRIES,
# TIME_BUDGET, NO_REPORT=1
# (the report stays in benchmarks/target/run-<stamp>/report.md; nothing is written to
# benchmarks/results/), DRY_RUN=1 (print the plan; build, start and measure nothing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
# The JIT needs about 25 s of load here before a server's throughput settles; under 32
# connections its compiler threads get a small share of the 2 cores, so most of the warm-up
# runs at 1 connection (WARMUP_1 s, before the measurement at 1), then WARMUP s at 32.
WARMUP_1=${WARMUP_1:-20}
WARMUP=${WARMUP:-10}
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 5 -i 8 -w 1s -r 1s"}
JVM_FLAGS=${JVM_FLAGS:-"-Xmx512m -XX:+UseSerialGC"}
PORT_BASELINE=${PORT_BASELINE:-28080}
PORT_FUNCTION=${PORT_FUNCTION:-28081}
PORT_FRAMEWORK=${PORT_FRAMEWORK:-28079}
# The idle RSS is read this many seconds after the first answer, before any load: a fixed point
# of measurement, the same for every variant.
IDLE_RSS_WAIT=${IDLE_RSS_WAIT:-2}
# At 32 connections the variants of a round, all started, take turns: WINDOWS measurements of
# DURATION s each, so that every variant is measured next to the baseline (see "Turns" in
# docs/benchmarks.md).
WINDOWS=${WINDOWS:-3}
QUIET_WAIT=${QUIET_WAIT:-30}
# A measurement during which other processes used more than CLEAN_CORES cores is taken again
# (at most RETRIES more times); the report's medians use the clean ones. Waiting for a quiet
# machine and measuring again stop when the run, counting the work still ahead, would no
# longer fit in TIME_BUDGET seconds.
CLEAN_CORES=${CLEAN_CORES:-0.2}
RETRIES=${RETRIES:-2}
TIME_BUDGET=${TIME_BUDGET:-1800}

# shellcheck source=benchmarks/lib.sh
source "$ROOT/benchmarks/lib.sh"
OUT="$ROOT/benchmarks/target/run-$STAMP"
LUA="$ROOT/benchmarks/wrk/seed.lua"
CLK_TCK="$(getconf CLK_TCK)"

RESULTS="$RESULTS_DIR/$STAMP.md"

# ---------------------------------------------------------------- tools
require java mvn curl python3
if [[ "${DRY_RUN:-0}" != 1 ]] && ! command -v wrk >/dev/null; then
	log "installing wrk from Debian's packages"
	SUDO=""
	[[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null \
		|| { $SUDO apt-get update >/dev/null && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null; }
fi
# shellcheck disable=SC2206
VARIANTS=(${VARIANTS:-baseline framework function function-router-warn function-router-sync})
# Every variant of a round runs at once, each on its own port: the baseline on PORT_BASELINE,
# the Functions Framework on PORT_FRAMEWORK, the others from PORT_FUNCTION up, in the order of
# ALL_VARIANTS.
ALL_VARIANTS=(function function-router-warn function-router-sync function-plain-console)
declare -A PORT=([baseline]=$PORT_BASELINE [framework]=$PORT_FRAMEWORK)
for i in "${!ALL_VARIANTS[@]}"; do PORT[${ALL_VARIANTS[$i]}]=$((PORT_FUNCTION + i)); done
for variant in "${VARIANTS[@]}"; do
	[[ -n "${PORT[$variant]:-}" ]] || die "unknown variant $variant (known: baseline framework ${ALL_VARIANTS[*]})"
	if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:${PORT[$variant]}/"; then
		die "port ${PORT[$variant]} on 127.0.0.1 is taken: set PORT_BASELINE / PORT_FRAMEWORK / PORT_FUNCTION"
	fi
done

# DRY_RUN=1: the plan of the run, without building, starting or measuring anything.
if [[ "${DRY_RUN:-0}" == 1 ]]; then
	log "dry run: nothing is built, started or measured"
	log "build: $BUILD_CMD"
	for variant in "${VARIANTS[@]}"; do log "variant $variant on 127.0.0.1:${PORT[$variant]}"; done
	log "$ROUNDS round(s): per JVM the idle RSS ${IDLE_RSS_WAIT} s after the first answer, ${WARMUP_1} s warm-up and ${DURATION} s measured at 1 connection, ${WARMUP} s warm-up at 32; then $WINDOWS turn(s) of ${DURATION} s at 32 connections; time budget ${TIME_BUDGET} s"
	log "JMH: $JMH_ARGS -prof gc, JVM flags $JVM_FLAGS"
	log "raw data: ${OUT#"$ROOT"/}/"
	if [[ "${NO_REPORT:-0}" == 1 ]]; then
		log "report: ${OUT#"$ROOT"/}/report.md only (NO_REPORT=1)"
	else
		log "report: ${RESULTS#"$ROOT"/}"
	fi
	exit 0
fi

# ---------------------------------------------------------------- build
build_project "$OUT"

# ---------------------------------------------------------------- machine
{
	echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':!docs' ':!benchmarks/results' 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "nproc=$(nproc)"
	echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "memory=$(free -h | awk '/^Mem:/ {print $2}')"
	echo "kernel=$(uname -sr)"
	echo "java=$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
	echo "maven=$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
	echo "wrk=$(wrk --version 2>&1 | head -1 | awk '{print $1, $2}')"
	echo "jvm_flags=$JVM_FLAGS"
	echo "rounds=$ROUNDS"
	echo "windows=$WINDOWS"
	echo "duration=$DURATION"
	echo "warmup_1=$WARMUP_1"
	echo "warmup=$WARMUP"
	echo "clean_cores=$CLEAN_CORES"
	echo "prime_mb=$PRIME_MB"
	echo "idle_rss_wait=$IDLE_RSS_WAIT"
	echo "jmh_args=$JMH_ARGS"
} > "$OUT/machine.properties"

# CPU accounting, in clock ticks: the whole machine (busy, total), one process (user + system),
# and the finished children of this shell (wrk, curl), to tell what other processes used.
cpu_ticks() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat; }
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
children_ticks() { awk '{print $16 + $17}' "/proc/$$/stat"; }
cores() { awk -v t="$1" -v ns="$2" -v k="$CLK_TCK" 'BEGIN {printf "%.2f", (t < 0 ? 0 : t) / k / (ns / 1e9)}'; }
is_clean() { awk -v c="$1" -v max="$CLEAN_CORES" 'BEGIN {exit !(c <= max)}'; }
RUN_START=$(date +%s)
PER_JVM=$((15 + IDLE_RSS_WAIT + WARMUP_1 + WARMUP + (1 + WINDOWS) * DURATION)) # seconds one variant of one round takes, about
JVMS_AHEAD=$((${#VARIANTS[@]} * ROUNDS))
may_retry() { (( $(date +%s) - RUN_START + JVMS_AHEAD * PER_JVM < TIME_BUDGET )); }

# Waits (QUIET_WAIT seconds at most) until the machine is idle for 2 s in a row: another
# build on this 2-core machine would otherwise be measured too. Prints the busy share seen.
wait_quiet() {
	local quiet=0 waited=0 busy_pct a b c d
	while true; do
		read -r a b < <(cpu_ticks)
		sleep 1
		read -r c d < <(cpu_ticks)
		busy_pct=$(( (c - a) * 100 / ((d - b) > 0 ? (d - b) : 1) ))
		waited=$((waited + 1))
		if (( busy_pct < 25 )); then
			quiet=$((quiet + 1))
			(( quiet >= 2 )) && break
		else
			quiet=0
		fi
		(( waited < QUIET_WAIT )) && may_retry || break
	done
	(( quiet < 2 && busy_pct >= 25 )) && log "the machine is still busy (${busy_pct}% of the CPUs) after ${waited}s: measuring anyway"
	echo "$busy_pct"
}

SAMPLE_JAR="$(ls sample-app/target/sample-app-*.jar | grep -v original | head -1)"
BASELINE_JAR="$(ls benchmarks/target/benchmarks-*-baseline.jar | head -1)"
JMH_JAR="$(ls benchmarks/target/benchmarks-*-jmh.jar | head -1)"
FRAMEWORK_JAR="$(ls benchmarks/target/benchmarks-*-framework.jar | head -1)"
INVOKER_JAR="$(ls benchmarks/target/framework/java-function-invoker-*.jar | head -1)"

# ---------------------------------------------------------------- 1. JMH
JMH_CMD="java -jar $JMH_JAR $JMH_ARGS -prof gc -jvmArgs \"$JVM_FLAGS\" -rf json -rff $OUT/jmh.json io.functionruntime"
log "JMH (about 3 minutes): $JMH_CMD"
wait_quiet > "$OUT/jmh-quiet.txt"
# shellcheck disable=SC2086
java -jar "$JMH_JAR" $JMH_ARGS -prof gc -jvmArgs "$JVM_FLAGS" -rf json -rff "$OUT/jmh.json" io.functionruntime \
	> "$OUT/jmh.txt" 2>&1 || { tail -40 "$OUT/jmh.txt"; die "JMH failed"; }
sed -n '/^Benchmark /,$p' "$OUT/jmh.txt" | grep -v ':gc\.\(count\|time\|alloc\.rate \)' >&2 || true
# JMH goes on after a benchmark that throws, and exits 0: its rows are then missing from
# jmh.json (report.py names the failure, read from jmh.txt).
if grep -q '^<failure>' "$OUT/jmh.txt"; then
	log "WARNING: JMH benchmark(s) failed, their rows are missing: $(awk '/^# Benchmark:/ {b = $3; p = ""} /^# Parameters:/ {p = $0} /^<failure>/ {print b, p}' "$OUT/jmh.txt" | sed 's/# Parameters: //' | paste -sd ';')"
fi

# ---------------------------------------------------------------- 2. end to end
FUNCTION_ARGS="$SAMPLE_ARGS --function-runtime.functions[main.handler].instances-limit=32 --function-runtime.functions[main.handler].requests-limit=64"
# shellcheck disable=SC2206
declare -A START_CMD=(
	[baseline]="java $JVM_FLAGS -jar $BASELINE_JAR --server.port=${PORT[baseline]}"
	[framework]="java $JVM_FLAGS -jar $INVOKER_JAR --classpath $FRAMEWORK_JAR --target io.functionruntime.bench.framework.MainHandlerFunction --port ${PORT[framework]}"
	[function]="java $JVM_FLAGS -jar $SAMPLE_JAR --server.port=${PORT[function]} $FUNCTION_ARGS"
	[function-router-warn]="java $JVM_FLAGS -jar $SAMPLE_JAR --server.port=${PORT[function-router-warn]} $FUNCTION_ARGS --logging.level.function-runtime.router=WARN"
	[function-router-sync]="java $JVM_FLAGS -jar $SAMPLE_JAR --server.port=${PORT[function-router-sync]} $FUNCTION_ARGS --function-runtime.router-log.async=false"
	[function-plain-console]="java $JVM_FLAGS -jar $SAMPLE_JAR --server.port=${PORT[function-plain-console]} $FUNCTION_ARGS --logging.pattern.console=%m%n"
)

WRK_CMD="wrk -t1 -c<connections> -d${DURATION}s --timeout 5s -s benchmarks/wrk/seed.lua 'http://127.0.0.1:<port>$PATH_AND_QUERY'"
{
	echo "build	$BUILD_CMD"
	echo "jmh	${JMH_CMD//$OUT/benchmarks/target/run-$STAMP}"
	for v in "${VARIANTS[@]}"; do echo "start-$v	${START_CMD[$v]}"; done
	echo "warmup-1	wrk -t1 -c1 -d${WARMUP_1}s --timeout 5s -s benchmarks/wrk/seed.lua 'http://127.0.0.1:<port>$PATH_AND_QUERY' (discarded, before the measurement at 1 connection)"
	echo "warmup-32	wrk -t1 -c32 -d${WARMUP}s --timeout 5s -s benchmarks/wrk/seed.lua 'http://127.0.0.1:<port>$PATH_AND_QUERY' (discarded, before the measurements at 32 connections)"
	echo "load	$WRK_CMD (at 32 connections $WINDOWS times per round, the running variants taking turns)"
	echo "idle-rss	VmRSS of /proc/<pid>/status ${IDLE_RSS_WAIT} s after the first answer, before any other call"
	echo "startup	curl -X POST -H 'Content-Type: application/json' --data '$SEED_BODY' 'http://127.0.0.1:<port>$PATH_AND_QUERY' every 20 ms from the fork of java until it answers 200"
} > "$OUT/commands.tsv"

# Runs wrk once; sets WRK_RESULT (its RESULT line) and WRK_OTHER (cores other processes used).
run_wrk() {
	local connections=$1 seconds=$2 port=$3 out=$4 busy0 busy1 server0 server1 children0 children1 t0 t1
	read -r busy0 _ < <(cpu_ticks); server0=$(proc_ticks "$SERVER_PID"); children0=$(children_ticks); t0=$(date +%s%N)
	wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s -s "$LUA" "http://127.0.0.1:$port$PATH_AND_QUERY" > "$out"
	read -r busy1 _ < <(cpu_ticks); server1=$(proc_ticks "$SERVER_PID"); children1=$(children_ticks); t1=$(date +%s%N)
	WRK_RESULT=$(grep '^RESULT' "$out") || die "wrk printed no result: $(cat "$out")"
	WRK_SERVER=$((server1 - server0))
	WRK_SELF=$((children1 - children0))
	WRK_OTHER=$(cores $((busy1 - busy0 - WRK_SERVER - WRK_SELF)) $((t1 - t0)))
}

# Starts a variant and waits for its first 200; sets SERVER_PID, STARTUP_MS, STARTUP_CPU_MS
# (the JVM's CPU time until then) and STARTUP_OTHER (cores other processes used meanwhile).
start_variant() {
	local variant=$1 port=$2 server_log=$3 start_ns busy0 busy1 children0 children1
	prime_memory
	read -r busy0 _ < <(cpu_ticks); children0=$(children_ticks)
	start_ns=$(date +%s%N)
	set -f # the [main.handler] of the arguments is no glob
	# shellcheck disable=SC2086
	${START_CMD[$variant]} > "$server_log" 2>&1 &
	SERVER_PID=$!
	set +f
	until [[ "$(seed_call "$port")" == 200 ]]; do
		kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$server_log"; die "$variant exited at startup"; }
		(( ($(date +%s%N) - start_ns) / 1000000000 < 120 )) || die "$variant did not answer within 120 s"
		sleep 0.02
	done
	local end_ns server
	end_ns=$(date +%s%N)
	server=$(proc_ticks "$SERVER_PID")
	read -r busy1 _ < <(cpu_ticks); children1=$(children_ticks)
	STARTUP_MS=$(( (end_ns - start_ns) / 1000000 ))
	STARTUP_CPU_MS=$(( server * 1000 / CLK_TCK ))
	STARTUP_OTHER=$(cores $((busy1 - busy0 - server - (children1 - children0))) $((end_ns - start_ns)))
}

# Measures once at $1 connections on the running server $2 (variant $3), again while other
# processes were busy (RETRIES times at most); appends the cleanest measurement to load.tsv
# as round $ROUND, window $4.
measure() {
	local connections=$1 port=$2 variant=$3 window=$4 attempt=0 best_other="" best_row="" out kv
	while true; do
		attempt=$((attempt + 1))
		out="$OUT/wrk-$variant-c$connections-$ROUND-$window-$attempt.txt"
		run_wrk "$connections" "$DURATION" "$port" "$out"
		declare -A r=()
		for kv in ${WRK_RESULT#RESULT }; do r[${kv%%=*}]=${kv#*=}; done
		log "  $variant, $connections connection(s): $(awk -v n="${r[requests]}" -v d="${r[duration_us]}" 'BEGIN {printf "%.0f", n * 1e6 / d}') req/s, p50 ${r[p50_us]} us, p99 ${r[p99_us]} us, errors ${r[errors]}, non-2xx ${r[non2xx]}, other processes ${WRK_OTHER} cores"
		if [[ -z "$best_other" ]] || awk -v a="$WRK_OTHER" -v b="$best_other" 'BEGIN {exit !(a < b)}'; then
			best_other=$WRK_OTHER
			best_row="${r[requests]}\t${r[duration_us]}\t${r[errors]}\t${r[non2xx]}\t${r[p50_us]}\t${r[p90_us]}\t${r[p99_us]}\t${r[mean_us]}\t${r[max_us]}\t$(awk -v t="$WRK_SERVER" -v k="$CLK_TCK" 'BEGIN {printf "%.2f", t / k}')\t$WRK_OTHER"
		fi
		if is_clean "$WRK_OTHER" || (( attempt > RETRIES )) || ! may_retry; then break; fi
		log "  other processes were busy: measuring again"
		wait_quiet > /dev/null
	done
	echo -e "$ROUND\t$variant\t$connections\t$window\t$attempt\t$best_row" >> "$OUT/load.tsv"
}

# The servers of the round, by variant; all are stopped on exit too.
declare -A RUNNING=()
stop_all() {
	local variant
	for variant in "${!RUNNING[@]}"; do
		SERVER_PID=${RUNNING[$variant]}
		stop_server
		unset "RUNNING[$variant]"
	done
	stop_server
}
trap stop_all EXIT

echo -e "round\tvariant\tconnections\twindow\tattempts\trequests\tduration_us\terrors\tnon2xx\tp50_us\tp90_us\tp99_us\tmean_us\tmax_us\tserver_cpu_s\tother_cores" > "$OUT/load.tsv"
echo -e "round\tvariant\tattempts\tstartup_ms\tstartup_cpu_ms\tother_cores\tspring_started\tidle_rss_kb\tpeak_rss_kb" > "$OUT/startup.tsv"

# Each round starts the variants one after the other (rotated order over the rounds; the ones
# started before sit idle meanwhile), each measured alone: its start, its warm-up and its
# measurement at 1 connection, its warm-up at 32. Then, all of them running, the measurements
# at 32 connections take turns, WINDOWS times, so that a slow stretch of the host falls on every
# variant alike.
rotated() { local offset=$1 i; shift; for i in $(seq 0 $(($# - 1))); do echo "${@:$(( (i + offset) % $# + 1 )):1}"; done; }
declare -A STARTUP_ROW=()
for ROUND in $(seq 1 "$ROUNDS"); do
	mapfile -t order < <(rotated $((ROUND - 1)) "${VARIANTS[@]}")
	for variant in "${order[@]}"; do
		port=${PORT[$variant]}
		server_log="$OUT/server-$variant-$ROUND.log"
		attempt=0
		while true; do
			attempt=$((attempt + 1))
			quiet=$(wait_quiet)
			log "round $ROUND/$ROUNDS: $variant (machine ${quiet}% busy before)"
			start_variant "$variant" "$port" "$server_log"
			log "  startup ${STARTUP_MS} ms (JVM CPU ${STARTUP_CPU_MS} ms), other processes ${STARTUP_OTHER} cores"
			if is_clean "$STARTUP_OTHER" || (( attempt > RETRIES )) || ! may_retry; then break; fi
			log "  other processes were busy during startup: starting it again"
			stop_server
		done
		RUNNING[$variant]=$SERVER_PID
		# The idle RSS: a fixed time after the first answer, before the answer's check and the load.
		sleep "$IDLE_RSS_WAIT"
		idle_rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
		log "  idle RSS $((idle_rss_kb / 1024)) MiB ${IDLE_RSS_WAIT} s after the first answer"
		spring_started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$server_log" | head -1 || true)
		STARTUP_ROW[$variant]="$attempt\t$STARTUP_MS\t$STARTUP_CPU_MS\t$STARTUP_OTHER\t$spring_started\t$idle_rss_kb"
		[[ "$(seed_call "$port" "$OUT/answer-$variant.json")" == 200 ]] || die "$variant did not answer 200"
		grep -q '"function_name":"d4eexample0000000001"' "$OUT/answer-$variant.json" \
			&& grep -q '"body":"{\\"hello\\": \\"world\\"}"' "$OUT/answer-$variant.json" \
			|| die "$variant answered something else than the seed's {event, context}: $(head -c 300 "$OUT/answer-$variant.json")"
		run_wrk 1 "$WARMUP_1" "$port" "$OUT/wrk-warmup-$variant-c1-$ROUND.txt"
		measure 1 "$port" "$variant" 1
		run_wrk 32 "$WARMUP" "$port" "$OUT/wrk-warmup-$variant-c32-$ROUND.txt"
	done
	for window in $(seq 1 "$WINDOWS"); do
		log "round $ROUND/$ROUNDS: 32 connections, window $window/$WINDOWS"
		while read -r variant; do
			SERVER_PID=${RUNNING[$variant]}
			measure 32 "${PORT[$variant]}" "$variant" "$window"
		done < <(rotated $((window - 1)) "${order[@]}")
	done
	for variant in "${order[@]}"; do
		SERVER_PID=${RUNNING[$variant]}
		peak_rss_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
		echo -e "$ROUND\t$variant\t${STARTUP_ROW[$variant]}\t$peak_rss_kb" >> "$OUT/startup.tsv"
		log "  $variant: peak RSS $((peak_rss_kb / 1024)) MiB"
		stop_server
		unset "RUNNING[$variant]"
		JVMS_AHEAD=$((JVMS_AHEAD - 1))
		# Keep the start of the server's log and its last lines; per-call INFO lines add up to
		# hundreds of MB over a run.
		server_log="$OUT/server-$variant-$ROUND.log"
		{ head -n 40 "$server_log"; echo "[...]"; tail -n 5 "$server_log"; } > "$server_log.kept" && mv "$server_log.kept" "$server_log"
	done
done

# ---------------------------------------------------------------- report
# Each run gets a file of its own; docs/benchmarks.md is edited by hand from it.
python3 "$ROOT/benchmarks/report.py" "$OUT" > "$OUT/report.md"
if [[ "${NO_REPORT:-0}" == 1 ]]; then
	log "report written to $OUT/report.md only (NO_REPORT=1)"
else
	mkdir -p "$RESULTS_DIR"
	cp "$OUT/report.md" "$RESULTS"
	log "results written to ${RESULTS#"$ROOT"/} (raw data in $OUT)"
fi
cat "$OUT/report.md"
