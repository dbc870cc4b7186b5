#!/usr/bin/env bash
# Fetches the container engines the lab runs, without touching the machine's apt setup:
#   docker28  Docker from Debian sid (28.x at the time of writing; the version is read, not assumed)
#   docker26  Docker from Debian trixie (26.x)
#   podman5   a Debian sid chroot with rootful Podman 5, netavark (nftables driver), aardvark-dns
# Each lands in $BP_LAB_ENGINES/<name> (default test/lab/.engines) and is fetched once: a
# finished fetch leaves a `ready` file; a half-finished one is started again.
#
#   bash test/lab/engines/fetch-engines.sh docker28 podman5
set -euo pipefail
cd "$(dirname "$0")"
ENGINES=${BP_LAB_ENGINES:-$(cd .. && pwd)/.engines}
MIRROR=${BP_LAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
log() { printf '[engines] %s\n' "$*" >&2; }

# apt-get against a private sources list and state: the machine's own apt lists stay as they are.
private_apt() { # SUITE DIR ARGS...   (apt-get; APT=apt-cache for queries)
  local suite=$1 dir=$2
  shift 2
  mkdir -p "$dir/apt/state/lists/partial" "$dir/apt/cache/archives/partial"
  printf 'deb [signed-by=%s] %s %s main\n' "$KEYRING" "$MIRROR" "$suite" >"$dir/apt/sources.list"
  "${APT:-apt-get}" -qq -o APT::Sandbox::User=root -o Dir::Etc::sourcelist="$dir/apt/sources.list" -o Dir::Etc::sourceparts=/dev/null \
    -o Dir::State="$dir/apt/state" -o Dir::Cache="$dir/apt/cache" -o Dir::State::status=/var/lib/dpkg/status "$@"
}

fetch_docker() { # NAME SUITE
  local name=$1 suite=$2 dir=$ENGINES/$1 deb
  [[ -e $dir/ready ]] && { log "$name: cached in $dir"; return 0; }
  rm -rf "$dir" && mkdir -p "$dir/debs" "$dir/root" "$dir/bin"
  log "$name: downloading docker.io, docker-cli, containerd from $suite"
  private_apt "$suite" "$dir" update
  # docker-init is tini-static: in the tini package up to trixie, a package of its own in sid.
  local -a pkgs=(docker.io docker-cli containerd tini)
  APT=apt-cache private_apt "$suite" "$dir" show tini-static >/dev/null 2>&1 && pkgs+=(tini-static)
  (cd "$dir/debs" && private_apt "$suite" "$dir" download "${pkgs[@]}")
  for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
  # One folder of the engine's programs, first on PATH when the lab starts that dockerd (it finds
  # containerd, the shim, docker-proxy and docker-init by PATH). runc stays Debian 12's own:
  # sid's needs a newer glibc than this machine has.
  local p
  for p in dockerd docker containerd containerd-shim-runc-v2 ctr; do
    for f in "$dir/root/usr/bin/$p" "$dir/root/usr/sbin/$p"; do [[ -x $f ]] && ln -sf "$f" "$dir/bin/$p"; done
  done
  for f in "$dir"/root/usr/lib/docker/cli-plugins/* "$dir"/root/usr/libexec/docker/*docker-proxy* "$dir"/root/usr/sbin/docker-proxy "$dir"/root/usr/bin/docker-proxy; do
    [[ -x $f ]] && [[ $(basename "$f") == docker-proxy ]] && ln -sf "$f" "$dir/bin/docker-proxy"
  done
  # Static: `docker run --init` bind-mounts it into images that may have no libc.
  [[ -x $dir/root/usr/bin/tini-static ]] && ln -sf "$dir/root/usr/bin/tini-static" "$dir/bin/docker-init"
  [[ -x $dir/bin/dockerd && -x $dir/bin/docker-proxy && -x $dir/bin/docker-init ]] ||
    { log "$name: dockerd, docker-proxy or docker-init (tini-static) missing in the packages"; return 1; }
  "$dir/bin/dockerd" --version >&2
  rm -rf "$dir/debs" "$dir/apt"
  touch "$dir/ready"
}

fetch_podman() {
  local dir=$ENGINES/podman5
  [[ -e $dir/ready ]] && { log "podman5: cached in $dir"; return 0; }
  command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; return 1; }
  rm -rf "$dir" && mkdir -p "$dir"
  log "podman5: debootstrap sid (about 2 minutes)"
  debootstrap --variant=minbase --keyring="$KEYRING" \
    --include=podman,netavark,aardvark-dns,nftables,iptables,iproute2,runc,conmon,catatonit,busybox-static \
    sid "$dir/root" "$MIRROR" >"$dir/debootstrap.log" 2>&1 || { tail -n 20 "$dir/debootstrap.log" >&2; return 1; }
  # crun refuses this machine's hybrid cgroups; journald does not run in the chroot.
  mkdir -p "$dir/root/etc/containers"
  cat >"$dir/root/etc/containers/containers.conf" <<'CONF'
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
[network]
firewall_driver = "nftables"
CONF
  # podman itself needs /proc to run: the package database tells its version.
  chroot "$dir/root" dpkg-query -W podman netavark aardvark-dns >&2
  touch "$dir/ready"
}

for engine in "$@"; do
  case $engine in
    docker28) fetch_docker docker28 sid ;;
    docker26) fetch_docker docker26 trixie ;;
    podman5) fetch_podman ;;
    docker20) command -v dockerd >/dev/null || { log "docker20 is the machine's docker.io (install-test-deps)"; exit 1; } ;;
    *) log "unknown engine $engine (docker20 docker26 docker28 podman5)"; exit 2 ;;
  esac
done
