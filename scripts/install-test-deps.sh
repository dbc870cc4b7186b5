#!/usr/bin/env bash
# Installs the system packages the lab and browser tests use (Debian/Ubuntu, as root), if missing.
set -euo pipefail
# debootstrap + debian-archive-keyring: test/lab/engines/fetch-engines.sh (podman5 root, newer Docker packages).
# zsh: test/lab/completion.test.ts runs the zsh completion script.
# fonts-nanum: Korean glyphs in Chromium's screenshots of the Korean window (the e2e suite in ko-KR).
packages=(docker.io iptables nftables iproute2 conntrack dnsmasq-base busybox-static chromium util-linux pkexec polkitd dbus dbus-bin debootstrap debian-archive-keyring curl zsh fonts-nanum)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "[setup] installing ${missing[*]}" >&2
apt-get update -qq
# The Docker service must not start in the machine's own namespace (the lab starts its own dockerd):
# a policy-rc.d that refuses service starts, only for this install and only if none exists.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
