#!/usr/bin/env bash
# Builds the container image's base from Debian packages, without Docker or a container registry:
#   Debian 12 (bookworm) minbase + openjdk-17-jre-headless, security updates applied, a non-root user, the data folder;
# saved as a `docker save`-style tarball (manifest.json, config.json, one uncompressed layer) that Jib reads as its
# base image through `<from><image>tar://…</image></from>` (the `image` profile of connector-app).
#
#   sudo bash packaging/base-image.sh [OUT.tar]     # default ${XDG_CACHE_HOME:-~/.cache}/deskbridge/base-bookworm-jre17.tar
#
# Needs root (debootstrap chroots and creates device nodes), debootstrap (apt-get install debootstrap) and a Debian
# mirror: MIRROR (default http://deb.debian.org/debian) and SECURITY_MIRROR (default http://deb.debian.org/debian-security).
# Point both at a snapshot.debian.org date to pin every package; otherwise the base holds the newest bookworm
# packages of the day, and /usr/share/deskbridge/base-packages.txt inside the image lists them with their versions.
# File dates in the layer are clamped to SOURCE_DATE_EPOCH (default 2026-01-01) and its entries sorted; the digest is
# still not guaranteed to repeat (package scripts write generated files such as the Java trust store).
set -euo pipefail

out=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/deskbridge/base-bookworm-jre17.tar}
mirror=${MIRROR:-http://deb.debian.org/debian}
security_mirror=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
suite=bookworm
epoch=${SOURCE_DATE_EPOCH:-1767225600}
# the user the image runs as (the "nonroot" uid of distroless images) and its folders
uid=65532
data=/var/lib/deskbridge

if [ "$(id -u)" != 0 ]; then
  echo "error: packaging/base-image.sh must run as root (debootstrap chroots); run it with sudo" >&2
  exit 2
fi
if ! command -v debootstrap >/dev/null; then
  echo "error: debootstrap is missing; install it with: apt-get install debootstrap" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/deskbridge-base.XXXXXX")
rootfs=$work/rootfs
cleanup() {
  for m in proc sys dev/pts; do
    if mountpoint -q "$rootfs/$m" 2>/dev/null; then umount -l "$rootfs/$m"; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== debootstrap $suite (minbase) from $mirror into $rootfs"
debootstrap --variant=minbase --arch=amd64 "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  echo "error: debootstrap failed; the log above is the end of $work/debootstrap.log" >&2
  exit 1
}

cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
EOF
# no recommended packages, no documentation or translations in the image
cat >"$rootfs/etc/apt/apt.conf.d/90deskbridge" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
EOF
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/90deskbridge" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF

mount -t proc proc "$rootfs/proc"
mount -t sysfs sysfs "$rootfs/sys"
mount --bind /dev/pts "$rootfs/dev/pts"
in_root() {
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    SOURCE_DATE_EPOCH="$epoch" "$@"
}

echo "== security updates and openjdk-17-jre-headless"
in_root apt-get -q update >"$work/apt.log" 2>&1
in_root apt-get -q -y dist-upgrade >>"$work/apt.log" 2>&1
# ca-certificates: TLS to the helpdesks; tzdata: routing.hours zones are the JDK's own, but the OS's zone file for logs
in_root apt-get -q -y install openjdk-17-jre-headless ca-certificates tzdata >>"$work/apt.log" 2>&1 || {
  tail -n 30 "$work/apt.log" >&2
  echo "error: apt-get install failed in the chroot; see the log above" >&2
  exit 1
}
in_root java -version 2>&1 | sed 's/^/   /'

echo "== user $uid, $data, /etc/deskbridge"
in_root groupadd -K GID_MAX=65534 --gid "$uid" deskbridge
in_root useradd -K UID_MAX=65534 -K SUB_UID_COUNT=0 -K SUB_GID_COUNT=0 --uid "$uid" --gid "$uid" --home-dir "$data" --no-create-home --shell /usr/sbin/nologin deskbridge
install -d -m 0750 -o "$uid" -g "$uid" "$rootfs$data"
install -d -m 0755 "$rootfs/etc/deskbridge" "$rootfs/usr/share/deskbridge"
# shellcheck disable=SC2016 # dpkg-query's own ${Field} syntax
in_root dpkg-query -W -f='${Package} ${Version}\n' >"$rootfs/usr/share/deskbridge/base-packages.txt"
echo "   $(wc -l <"$rootfs/usr/share/deskbridge/base-packages.txt") packages; $(grep '^openjdk-17-jre-headless ' "$rootfs/usr/share/deskbridge/base-packages.txt")"

for m in dev/pts sys proc; do umount "$rootfs/$m"; done

# what a container does not need: package lists and caches (apt-get update first to install more), logs,
# the Java class data sharing archive stays (faster start)
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/root/.bash_history \
  "$rootfs"/usr/share/doc/*/changelog* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/etc/machine-id "$rootfs"/var/lib/dbus/machine-id \
  "$rootfs"/var/cache/ldconfig/aux-cache "$rootfs"/etc/passwd- "$rootfs"/etc/group- "$rootfs"/etc/shadow- \
  "$rootfs"/etc/gshadow- "$rootfs"/etc/subuid- "$rootfs"/etc/subgid-
: >"$rootfs/etc/hostname"
# the container runtime provides /dev; device nodes made by debootstrap are left out of the layer
find "$rootfs/dev" -mindepth 1 -delete

echo "== layer and image tarball"
layer=$work/image/layer.tar
mkdir -p "$work/image"
tar --create --file "$layer" --directory "$rootfs" --sort=name --numeric-owner \
  --mtime="@$epoch" --clamp-mtime --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --xattrs --xattrs-include='security.capability' .
diff_id=sha256:$(sha256sum "$layer" | cut -d' ' -f1)
java_home=/usr/lib/jvm/java-17-openjdk-amd64
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
cat >"$work/image/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=$java_home"],
  "Cmd":["/bin/sh"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"packaging/base-image.sh: debootstrap --variant=minbase $suite, openjdk-17-jre-headless, user $uid"}]}
EOF
cat >"$work/image/manifest.json" <<EOF
[{"Config":"config.json","RepoTags":["deskbridge-base:bookworm-jre17"],"Layers":["layer.tar"]}]
EOF
mkdir -p "$(dirname "$out")"
tar --create --file "$out.part" --directory "$work/image" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  manifest.json config.json layer.tar
mv "$out.part" "$out"
echo "== $out: $(du -m "$out" | cut -f1) MB, layer $diff_id"
