#!/usr/bin/env bash
# Soak test: the sample app under mixed traffic above capacity for a bounded time, on
# loopback only; records answers, losses, per-instance concurrency, heap after GC and
# threads at start and end, and writes the figures to benchmarks/results/soak-<stamp>.md.
# Usage: bash scripts/soak/soak.sh [seconds=60] [clients=48]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-60}
CLIENTS=${2:-48}
PORT=18089
JAR=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar

mvn -B -q -DskipTests install
java -Xmx256m -jar "$JAR" --server.port=$PORT --logging.level.function-runtime.router=WARN \
  --function-runtime.functions[sleep.handler].requests-limit=20 > sample-app/target/soak.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

heap() { jcmd $APP GC.run >/dev/null; sleep 1; jcmd $APP GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'; }
threads() { jcmd $APP Thread.print | grep -c '^"'; }

# warm-up, so that "start" is measured on a running, warmed application
java scripts/soak/Soak.java $PORT 5 8 >/dev/null
HEAP_START=$(heap); THREADS_START=$(threads)
RESULT=$(java scripts/soak/Soak.java $PORT "$SECONDS_TO_RUN" "$CLIENTS")
sleep 65  # idle worker and Tomcat threads are dropped after 60 s
HEAP_END=$(heap); THREADS_END=$(threads)

echo "$RESULT"
echo "heapAfterGcStartKb=$HEAP_START heapAfterGcEndKb=$HEAP_END threadsStart=$THREADS_START threadsEnd=$THREADS_END"
OUT=benchmarks/results/soak-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "# Soak run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Command: \`bash scripts/soak/soak.sh $SECONDS_TO_RUN $CLIENTS\` on $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo
  echo "| figure | value |"
  echo "|---|---|"
  echo "$RESULT" | sed -E 's/^([^=]+)=(.*)$/| \1 | \2 |/'
  echo "| heap used after GC, start → end (KB) | $HEAP_START → $HEAP_END |"
  echo "| live threads, start → end | $THREADS_START → $THREADS_END |"
} > "$OUT"
echo "written to $OUT"
