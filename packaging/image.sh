#!/usr/bin/env bash
# The container image in one command, without a Docker daemon or a container registry:
#
#   bash packaging/image.sh [MAVEN ARGS…]      # -> connector-app/target/deskbridge-image.tar
#
# 1. the base image (Debian bookworm minbase + openjdk-17-jre-headless, user 65532), built by
#    packaging/base-image.sh from Debian packages the first time only (as root: sudo unless already root), kept in
#    ${DESKBRIDGE_BASE_IMAGE:-${XDG_CACHE_HOME:-~/.cache}/deskbridge/base-bookworm-jre17.tar} (delete it to rebuild,
#    e.g. for Debian's security updates);
# 2. mvn -Pimage package of connector-app and the modules it needs (tests skipped: `mvn verify` runs them), where Jib
#    puts the distribution on that base and writes the image tarball;
# 3. packaging/check-image.sh: the tarball's configuration and layers checked.
# packaging/smoke-image.sh (root) then runs the image without Docker and checks /health and one answer.
# Load it with `docker load -i connector-app/target/deskbridge-image.tar` (or podman load, or ctr images import).
set -euo pipefail
root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
base=${DESKBRIDGE_BASE_IMAGE:-${XDG_CACHE_HOME:-$HOME/.cache}/deskbridge/base-bookworm-jre17.tar}

if [ ! -s "$base" ]; then
  echo "== base image $base is missing: building it (a few minutes, once; as root)"
  if [ "$(id -u)" = 0 ]; then bash "$root/packaging/base-image.sh" "$base"
  else sudo bash "$root/packaging/base-image.sh" "$base"; fi
fi
echo "== mvn -Pimage package (base $base)"
cd "$root"
mvn -B -ntp -Pimage -pl connector-app -am package -DskipTests \
  -Dimage.base="$base" -Djib.disableUpdateChecks=true "$@"
bash "$root/packaging/check-image.sh" "$root/connector-app/target/deskbridge-image.tar"
