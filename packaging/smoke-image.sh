#!/usr/bin/env bash
# Runs the image tarball without Docker and checks that it serves: the layers are unpacked in order into a root file
# system, which is then mounted read-only (as Kubernetes' readOnlyRootFilesystem), with a fresh folder as the data
# volume on /var/lib/deskbridge and a tmpfs on /tmp; the image's own entrypoint, command, user, working directory and
# environment (read from its configuration) run in it under chroot in new mount and PID namespaces, with a demo
# configuration (a Conversation API installation over the demo knowledge base) on /etc/deskbridge. Then:
# `api-key create` as the image's user, GET /health answers {"status":"up"}, one API message is answered from the
# knowledge base (the embedding model's native code works on the image's glibc), the process runs as uid 65532, the
# H2 store and the knowledge cache are on the volume, and SIGTERM stops it with exit code 0.
#
#   sudo bash packaging/smoke-image.sh connector-app/target/deskbridge-image.tar [PORT]   # PORT default 18080
#
# Needs root (chroot, mounts), unshare (util-linux), tar, jq and curl. Host network: the port must be free.
# shellcheck disable=SC2016 # the checks are eval'd strings, expanded when they run
set -euo pipefail
tarball=${1:?usage: smoke-image.sh IMAGE.tar [PORT]}
port=${2:-18080}
root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "error: smoke-image.sh must run as root (chroot and mounts); run it with sudo" >&2; exit 2; }
for tool in jq curl unshare chroot; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing; install it (apt-get install $tool)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/deskbridge-smoke.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/image" "$work/rootfs" "$work/volume" "$work/config"
tar -xf "$tarball" -C "$work/image"
config=$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
  tar --warning=no-unknown-keyword -xzpf "$work/image/$layer" -C "$work/rootfs" --numeric-owner
done

# the data volume as Docker would create it: owned like the image's folder
chown --reference="$work/rootfs/var/lib/deskbridge" "$work/volume"
chmod --reference="$work/rootfs/var/lib/deskbridge" "$work/volume"
cp -r "$root/connector-app/src/main/resources/demo-kb" "$work/config/kb"
cat >"$work/config/deskbridge.yaml" <<'EOF'
# smoke-image.sh: one Conversation API installation over the demo knowledge base
knowledge: kb
installations:
  - id: web
    vendor: api
    mode: auto
    routing:
      defaultGroup: general
EOF

user=$(jq -r '.config.User' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
mapfile -t env < <(jq -r '.config.Env[]' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t cmd < <(jq -r '.config.Cmd[]' "$config")
echo "== image: user $user, workdir $workdir, entrypoint ${entrypoint[*]}, command ${cmd[*]}"

# in_image COMMAND…: runs in the image's read-only root as its user, with its environment (plus the port override)
in_image() {
  # exec: the caller's $! is unshare itself, and killing it kills the namespace (--kill-child)
  exec unshare --mount --pid --fork --kill-child -- /bin/bash -c '
    set -e
    r=$1; v=$2; c=$3; shift 3
    mount --bind "$r" "$r"
    mount --bind "$v" "$r/var/lib/deskbridge"
    mount --bind "$c" "$r/etc/deskbridge"
    mount -t proc proc "$r/proc"
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$r/tmp"   # as docker --tmpfs /tmp:exec; ONNX Runtime needs exec
    mount -t tmpfs -o mode=755 tmpfs "$r/dev"
    for d in null zero random urandom; do touch "$r/dev/$d"; mount --bind "/dev/$d" "$r/dev/$d"; done
    mount -o remount,bind,ro "$r/etc/deskbridge"
    mount -o remount,bind,ro "$r"
    exec "$@"' smoke "$work/rootfs" "$work/volume" "$work/config" \
    chroot --userspec="$user" --groups= "$work/rootfs" /usr/bin/env -i "${env[@]}" DESKBRIDGE_SERVER_PORT="$port" \
      /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "$@"
}

echo "== api-key create (the image's CLI, as $user)"
key=$(in_image "${entrypoint[@]}" api-key create --installation web --name smoke --config /etc/deskbridge/deskbridge.yaml \
  | grep -o 'dbk_[A-Za-z0-9_-]*' | head -1)
[ -n "$key" ] || { echo "error: api-key create printed no key" >&2; exit 1; }

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "error: port $port is in use; give another: smoke-image.sh IMAGE.tar PORT" >&2
  exit 2
fi
echo "== serve on port $port"
in_image "${entrypoint[@]}" "${cmd[@]}" >"$work/serve.log" 2>&1 &
pid=$!
health=
for _ in $(seq 1 180); do
  health=$(curl -sf "http://127.0.0.1:$port/health" || true)
  [ -n "$health" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
failures=0
check() { if eval "$2"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi; }
check "GET /health: $health" '[ "$health" = "{\"status\":\"up\"}" ]'
if [ -n "$health" ]; then
  answer=$(curl -sS -X POST "http://127.0.0.1:$port/api/v1/conversations/smoke-1/messages" \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"text":"How long does delivery take?","channel":"chat"}')
  echo "      $answer" | cut -c1-200
  check "an API message answered from the knowledge base" \
    '[ "$(jq -r .decision <<<"$answer")" = reply ] && [ "$(jq -r .reply.articleId <<<"$answer")" != null ]'
fi
# the JVM: the launcher exec's java, so it is PID 1 of the new PID namespace, as in a container
java_pid=
for p in $(pgrep -f 'opt/deskbridge/deskbridge.jar' || true); do
  if [ "$(readlink "/proc/$p/root")" = "$work/rootfs" ]; then java_pid=$p; fi
done
if [ -n "$health" ]; then
  check "the JVM runs as uid 65532 (pid $java_pid)" \
    '[ -n "$java_pid" ] && awk "/^Uid:/ {exit !(\$2 == 65532 && \$3 == 65532)}" /proc/$java_pid/status'
  check "the JVM is PID 1 of its PID namespace (the launcher exec's java)" \
    'awk "/^NSpid:/ {exit !(\$NF == 1)}" /proc/$java_pid/status'
  check "its root file system is read-only" \
    'awk "\$5 == \"/\" {split(\$6, o, \",\"); if (o[1] == \"ro\") ro = 1} END {exit !ro}" /proc/$java_pid/mountinfo'
  check "the H2 store is on the volume" 'ls "$work/volume/store/" | grep -q "\.mv\.db$"'
  check "the knowledge cache is on the volume" '[ -d "$work/volume/cache" ]'
  echo "      volume: $(cd "$work/volume" && find . -maxdepth 2 | sort | tr '\n' ' ')"
  echo "      /tmp: $(cd "/proc/$java_pid/root/tmp" && find . -maxdepth 1 | sort | tr '\n' ' ')"
fi
# what `docker stop` and Kubernetes do: SIGTERM to the container's PID 1
kill -TERM "${java_pid:-$pid}" 2>/dev/null || true
status=0
wait "$pid" || status=$?
pid=
check "SIGTERM: exit code $status" '[ "$status" = 0 ]'
echo "== the first lines of serve's output"
head -n 8 "$work/serve.log" | cut -c1-240
if [ "$failures" -gt 0 ]; then
  echo "== the end of serve's output" && tail -n 30 "$work/serve.log"
  echo "error: $failures check(s) failed" >&2
  exit 1
fi
