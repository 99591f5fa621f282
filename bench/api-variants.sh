#!/usr/bin/env bash
# The Conversation API at a fixed rate (issue #14: p99 <= 50 ms at 100 requests/s), several variants in one sitting:
# each variant is its own `bench api` run (its own connector JVM), the variants alternating round by round, so that
# the VM's drift falls on all of them alike. A variant is NAME=TARGET[:JVM OPTIONS], TARGET a built
# connector-app/target folder (its own jvm.options) and the options added after that file's, comma-separated.
# TARGET may end in @N to set that variant's --clients (default 0, meaning one virtual thread per request; builds
# older than 9e30190 refuse 0 and need @1).
#
#   bench/api-variants.sh before=/tmp/before/connector-app/target@1 after=connector-app/target \
#     'g1=connector-app/target:-XX:-UseSerialGC,-XX:+UseG1GC,-XX:MaxGCPauseMillis=20'
#   ROUNDS=3 RATE=100 STEP_SECONDS=30 WARMUP=60 bench/api-variants.sh ...
#
# Prints each run's result line and, at the end, p50 / p99 per variant and round. Run it on an idle machine.
set -euo pipefail
ROUNDS=${ROUNDS:-3}
RATE=${RATE:-100}
SECONDS_PER_STEP=${STEP_SECONDS:-30}  # not SECONDS: bash counts its own run time in that variable
WARMUP=${WARMUP:-60}
OUT=${OUT:-target/bench/api-variants}
mkdir -p "$OUT"
: > "$OUT/summary.txt"
for round in $(seq 1 "$ROUNDS"); do
  for variant in "$@"; do
    name=${variant%%=*}
    spec=${variant#*=}
    target=${spec%%:*}
    clients=0
    if [[ "$target" == *@* ]]; then
      clients=${target##*@}
      target=${target%@*}
    fi
    args=()
    if [[ "$spec" == *:* ]]; then
      IFS=',' read -ra opts <<< "${spec#*:}"
      for o in "${opts[@]}"; do args+=("--jvm-arg=$o"); done
    fi
    echo "== round $round, $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
    java -jar "$target/deskbridge.jar" bench api --rate "$RATE" --clients "$clients" --seconds "$SECONDS_PER_STEP" \
      --warmup "$WARMUP" --json "$OUT/$name-$round.json" ${JFR:+--jfr "$OUT/jfr-$name-$round"} "${args[@]}" | tee "$OUT/$name-$round.txt" \
      | grep -E "step|warm-up"
    line=$(grep -E "^\| Conversation API" "$OUT/$name-$round.txt" | tail -1)
    echo "$name round $round: $line" >> "$OUT/summary.txt"
  done
done
echo
echo "| variant, round | load | requests | answers/s | p50 | p90 | p99 | max | 202 | errors | CPU ms/request | RSS MB | cores |"
sed -E 's/\| Conversation API, [^|]*\|//' "$OUT/summary.txt"
