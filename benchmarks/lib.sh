# Shared by benchmarks/run.sh and benchmarks/startup.sh (sourced, not run): the run's stamp and
# results folder, the seed's request, messages, the server that is always stopped, the tool
# check, the clean build and the memory priming before a start.

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

# Where a run's report goes, one file per run named after STAMP; never into docs/.
RESULTS_DIR="$ROOT/benchmarks/results"

# The seed's request: curl --data '{"hello": "world"}' -H 'Content-Type: application/json'
# 'http://localhost:8080/main.handler?param=one'.
SEED_BODY='{"hello": "world"}'
PATH_AND_QUERY='/main.handler?param=one'

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The server a script started: stopped on exit, Ctrl-C or failure, with SIGTERM first (15 s
# at most for its graceful shutdown), then SIGKILL.
SERVER_PID=""
stop_server() {
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	SERVER_PID=""
}
trap stop_server EXIT

# Fails unless every named command is there.
require() {
	local tool
	for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is missing"; done
}

# Sends the seed's request to 127.0.0.1:$1 once, the body to $2 (default: discarded); prints
# the HTTP status, 000 when there is no answer within 2 s.
seed_call() {
	curl -s -o "${2:-/dev/null}" -w '%{http_code}' --max-time 2 -X POST -H 'Content-Type: application/json' \
		-H 'User-Agent: curl/7.64.1' --data "$SEED_BODY" "http://127.0.0.1:$1$PATH_AND_QUERY" 2>/dev/null || true
}
trap 'exit 130' INT TERM

# This VM's memory is backed by the host lazily: touching a page the guest has not used lately
# costs about 15 us (1 GiB: 4.4 s, against 0.1 s for pages touched before), which alone moves a
# JVM's start by seconds. prime_memory touches and frees PRIME_MB MiB (default 1024; 0 switches
# it off), so that every start runs on pages the host already backs.
PRIME_MB=${PRIME_MB:-1024}
prime_memory() {
	if (( PRIME_MB > 0 )); then
		python3 -c "n = $PRIME_MB << 20; b = bytearray(n); b[::4096] = b'\\x01' * len(range(0, n, 4096))"
	fi
}

# Builds the sample app and the benchmarks module from this checkout, clean (a class or resource
# left from an earlier build would be measured too). The clean removes benchmarks/target, so the
# output folder $1 is made afterwards and gets the build's log.
BUILD_CMD="mvn -B -q -Pbenchmarks -DskipTests -pl sample-app,benchmarks -am clean package"
build_project() {
	local out=$1 build_log
	build_log=$(mktemp)
	log "build: $BUILD_CMD"
	$BUILD_CMD > "$build_log" 2>&1 || { tail -50 "$build_log"; die "the build failed"; }
	mkdir -p "$out"
	mv "$build_log" "$out/build.log"
}

# The sample app as the benchmarks start it: without the queue server it starts inside
# itself for its Message Queue demo (ElasticMQ, a Scala/Pekko server that no user's function
# app carries) and without that demo's trigger; its API Gateway spec stays on.
SAMPLE_ARGS="--sample.local-queue.enabled=false --sample.local-queue.url=http://127.0.0.1:9/000000000000 --function-runtime.triggers.message-queues[orders].enabled=false"
