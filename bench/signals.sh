#!/usr/bin/env bash
# The escalation signals before and after a change, side by side in one run (issue #13 items 4-6 and 8): both builds'
# `eval` decide the same cases (the hand-written five-language cases, tune and held-out halves, in
# connector-core/src/test/resources/signals/; CLARIN-Emo sentences and reviews, Komentarze, KInIT; iSarcasmEval
# task A test) with an empty knowledge base, and `eval-signals` tabulates recall, false alarms on no_handover cases,
# precision and F1 per language and signal.
#
#   bench/signals.sh                                   # before = commit c1098a2 (export built in a temporary folder),
#                                                      # after = this checkout (built here)
#   BEFORE=/tmp/before/connector-app/target bench/signals.sh   # an already built "before"
#   SKIP_BUILD=1 AFTER=/tmp/after bench/signals.sh     # an already built "after"
#
# Results: target/signals/*.json (eval reports) and target/signals/signals.md (the tables). The data sets stay in
# DATASETS (default ../shared/datasets); derived files are written to target/signals/data and must not be committed.
# Nothing is installed (no mvn install). The two builds run one after the other, case by case identical input.
set -euo pipefail
cd "$(dirname "$0")/.."

BEFORE_COMMIT=${BEFORE_COMMIT:-c1098a2}
DATASETS=${DATASETS:-../shared/datasets}
OUT=${OUT:-target/signals}
AFTER=${AFTER:-connector-app/target}
CASES=connector-core/src/test/resources/signals

if [ "${SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -o package -DskipTests -pl connector-app -am || mvn -B -q package -DskipTests -pl connector-app -am
fi
if [ -z "${BEFORE:-}" ]; then
  tree=$(mktemp -d /tmp/deskbridge-before-XXXXXX)
  git archive "$BEFORE_COMMIT" | tar -x -C "$tree"
  (cd "$tree" && (mvn -B -q -o package -DskipTests -pl connector-app -am || mvn -B -q package -DskipTests -pl connector-app -am))
  BEFORE="$tree/connector-app/target"
  echo "before: $BEFORE_COMMIT built in $tree"
fi
mkdir -p "$OUT/data"
: > "$OUT/data/empty.jsonl"
J="java -jar $AFTER/deskbridge.jar"
$J datasets clarin-emo --in "$DATASETS/clarin-emo-pl" --out "$OUT/data/clarin-sentences"
$J datasets clarin-emo --in "$DATASETS/clarin-emo-pl" --out "$OUT/data/clarin-reviews" --reviews
$J datasets komentarze --in "$DATASETS/komentarze-pl" --out "$OUT/data/komentarze"
$J datasets kinit --in "$DATASETS/kinit-reviews-sk" --out "$OUT/data/kinit"
$J datasets isarcasm --in "$DATASETS/isarcasmeval-en/task_A_En_test.csv" --out "$OUT/data/isarcasm"

sets=(tune:$CASES/escalation-tune.jsonl held-out:$CASES/escalation-held-out.jsonl)
for d in clarin-sentences clarin-reviews komentarze kinit isarcasm; do sets+=("$d:$OUT/data/$d/cases.jsonl"); done
: > "$OUT/signals.md"
for entry in "${sets[@]}"; do
  name=${entry%%:*}; cases=${entry#*:}
  for build in before after; do
    dir=$BEFORE; [ "$build" = after ] && dir=$AFTER
    java -jar "$dir/deskbridge.jar" eval --kb "$OUT/data/empty.jsonl" --cases "$cases" --json "$OUT/$build-$name.json" \
      > /dev/null
  done
  { echo "### $name"; echo
    $J eval-signals --report "before=$OUT/before-$name.json" --report "after=$OUT/after-$name.json" --markdown; echo
  } | tee -a "$OUT/signals.md"
done
