#!/usr/bin/env bash
# Two builds side by side in one sitting (issue #10 item 15): the connectors of BEFORE and AFTER run as separate
# `serve` JVMs (each with its own jvm.options) against one Zendesk fake and one load generator, alternating step by
# step, each rate REPEAT times; the end prints medians [min-max] per build of throughput, reply and ack latency,
# connector CPU per event, and the pre-write window where /metrics publishes deskbridge_prewrite_window.
#
#   bench/compare.sh                                   # before = commit 206d2f1 (built in a temporary worktree),
#                                                      # after = this checkout (built here)
#   BEFORE=/work/before/connector-app/target bench/compare.sh   # an already built "before"
#   RATES=23,100,150,200 REPEAT=3 bench/compare.sh     # the throughput steps too
#   bench/compare.sh --fake-bot                        # extra arguments go to `deskbridge bench`
#
# Results: target/bench/compare.txt (console) and target/bench/compare.json. Nothing is installed (no mvn install).
# Run it on an otherwise idle machine; the "other cores" column shows what else ran meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

BEFORE_COMMIT=${BEFORE_COMMIT:-206d2f1}
RATES=${RATES:-23,100}
STEP_SECONDS=${STEP_SECONDS:-30}
WARMUP=${WARMUP:-20}
REPEAT=${REPEAT:-3}
OUT=${OUT:-target/bench}
AFTER=${AFTER:-connector-app/target}

if [ "${SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q package -DskipTests
fi
if [ -z "${BEFORE:-}" ]; then
  tree=$(mktemp -d /tmp/deskbridge-before-XXXXXX)
  git worktree add --detach "$tree" "$BEFORE_COMMIT" >/dev/null
  (cd "$tree" && mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests)
  BEFORE="$tree/connector-app/target"
  echo "before: $BEFORE_COMMIT built in $tree (remove with: git worktree remove --force $tree)"
fi
mkdir -p "$OUT"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" \
  | tee "$OUT/compare.txt"
java -jar "$AFTER/deskbridge.jar" bench --build before="$BEFORE" --build after="$AFTER" --rate "$RATES" \
  --seconds "$STEP_SECONDS" --warmup "$WARMUP" --repeat "$REPEAT" --all-steps --json "$OUT/compare.json" "$@" \
  | tee -a "$OUT/compare.txt"
