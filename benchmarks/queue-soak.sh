#!/usr/bin/env bash
# Queue soak: 10,000 messages through one Message Queue trigger (batches of up to 10) against
# the in-JVM ElasticMQ, over loopback, by QueueTriggerSoakTests; asserts none lost and none
# handed to the function twice. Writes the figures to benchmarks/results/queue-soak-<stamp>.md
# (unless NO_REPORT=1); never to docs/.
# Usage: bash benchmarks/queue-soak.sh   (OFFLINE=1 adds -o to Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mvn -B -q ${OFFLINE:+-o} -pl function-runtime-test -am test -Dtest=QueueTriggerSoakTests \
  -Dsurefire.failIfNoSpecifiedTests=false
figures=function-runtime-test/target/queue-soak.txt
cat "$figures"
if [[ "${NO_REPORT:-0}" != 1 ]]; then
  {
    echo "# Queue soak $stamp"
    echo
    echo "\`bash benchmarks/queue-soak.sh\` on $(nproc) cores, $(java -version 2>&1 | head -1)"
    echo
    echo '```'
    cat "$figures"
    echo '```'
  } > "benchmarks/results/queue-soak-$stamp.md"
  echo "benchmarks/results/queue-soak-$stamp.md"
fi
