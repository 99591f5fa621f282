#!/usr/bin/env bash
# The issue #3 load benchmark: every configuration, one after another, one table at the end.
#
#   bench/run-issue3.sh                 # build, then run with the defaults below
#   RATES=23,50 STEP_SECONDS=10 bench/run-issue3.sh   # a quicker look
#
# Configurations (each on fresh connector processes, a fresh fake and a fresh store):
#   H2 file, 1 instance, real bot | H2 file, 1 instance, fake bot |
#   PostgreSQL, 1 instance, fake bot | PostgreSQL, 2 instances, fake bot
# Each runs a warm-up at the first rate, then the rates as steps until one is not sustained.
# Results: target/bench/issue3.txt (console) and target/bench/issue3.json (every step).
# Run it on an otherwise idle machine: the "other" CPU column shows what else ran meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

RATES=${RATES:-23,50,75,100,150,200,250,300,400}
STEP_SECONDS=${STEP_SECONDS:-30}
WARMUP=${WARMUP:-30}
OUT=${OUT:-target/bench}

if [ "${SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q package -DskipTests
fi
mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)" \
  | tee "$OUT/issue3.txt"
java -jar connector-app/target/deskbridge.jar bench --compare --rate "$RATES" --seconds "$STEP_SECONDS" \
  --warmup "$WARMUP" --repeat-disturbed "${REPEAT_DISTURBED:-3}" --json "$OUT/issue3.json" "$@" | tee -a "$OUT/issue3.txt"
