#!/usr/bin/env bash
# Idle connections, slow uploads and large declared bodies against the sample app on a
# 256 MB heap, on loopback only, bounded in connections and time; writes its figures to
# benchmarks/results/hostile-<stamp>.md. Outside the default build (it takes minutes).
# Usage: bash scripts/hostile/hostile.sh [idle=8500] [slow=220] [declared=190]
set -euo pipefail
cd "$(dirname "$0")/../.."
IDLE=${1:-8500}
SLOW=${2:-220}
DECLARED=${3:-190}
PORT=18090
JAR=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT=benchmarks/results/hostile-$STAMP.md
ulimit -n 20000 || true

mvn -B -q -DskipTests install
java -Xmx256m -jar "$JAR" --server.port=$PORT --logging.level.function-runtime.router=WARN \
  > sample-app/target/hostile.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

RESULT=$(timeout 900 java scripts/hostile/Hostile.java $PORT "$IDLE" "$SLOW" "$DECLARED")
jcmd $APP GC.run >/dev/null
HEAP=$(jcmd $APP GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
OOM=$(grep -c OutOfMemoryError sample-app/target/hostile.log || true)
ALIVE=$(kill -0 $APP 2>/dev/null && echo yes || echo no)
echo "$RESULT"
{
  echo "# Hostile clients, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Command: \`bash scripts/hostile/hostile.sh $IDLE $SLOW $DECLARED\` on $(nproc) cores, $(java -version 2>&1 | head -1), sample app with \`-Xmx256m\` and the runtime's server limits."
  echo
  echo "| figure | value |"
  echo "|---|---|"
  echo "$RESULT" | sed -E 's/^([^=]+)=(.*)$/| \1 | \2 |/'
  echo "| heap used after GC at the end (KB) | $HEAP |"
  echo "| OutOfMemoryError in the log | $OOM |"
  echo "| process alive at the end | $ALIVE |"
} > "$OUT"
echo "written to $OUT"
