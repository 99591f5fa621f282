#!/bin/bash
# Kills a loaded H2 file store (kill -9) at a random moment N times, each time checking in a new process that every
# event id the load attempted can be received again within 90 s. A failure keeps a copy of the database as bad<i>.
# Usage (after `mvn -o install -DskipTests`): bench/h2-kill-loop.sh N [WORKDIR]
# docs/hardening.md, "An unclean stop could leave H2 rows that no write gets past".
set -u
cd "$(dirname "$0")/.."
N=${1:-10}
W=${2:-/tmp/h2-kill}
rm -rf "$W"; mkdir -p "$W/classes"
LIB="$PWD/connector-app/target/lib/*"
javac -cp "$LIB" -d "$W/classes" bench/H2KillLoad.java
cat > "$W/logback.xml" <<'XML'
<configuration><appender name="O" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="O"/></root></configuration>
XML
RUN="java -Xmx256m -Dlogback.configurationFile=$W/logback.xml -cp $W/classes:$LIB H2KillLoad"
D="$W/db"; mkdir -p "$D"; start=0
for i in $(seq 1 "$N"); do
  $RUN load "$D" "$start" > "$W/load.out" 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(2.5, 6), 2))")"
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  out=$(timeout 90 $RUN check "$D" 2>&1 | grep "BAD\|checked\|rebuilt" | tail -8)
  [ -z "$out" ] && out="HANG or crash: no answer within 90 s"
  echo "kill $i: $(echo "$out" | tr '\n' ' ')"
  if echo "$out" | grep -q "BAD\|HANG"; then
    cp -r "$D" "$W/bad$i"; rm -rf "$D"; mkdir -p "$D"; start=0; continue
  fi
  start=$(( $(echo "$out" | grep -o "max [0-9]*" | awk '{print $2}') + 1000 ))
done
