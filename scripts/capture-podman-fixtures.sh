#!/usr/bin/env bash
# Captures raw fixtures from a real podman5 lab (rules, links, libpod and Docker-compat API JSON):
#   BP_LAB_ENGINE=podman5 bash test/lab/lab.sh bash scripts/capture-podman-fixtures.sh test/fixtures/podman5
# Scenario: network appnet; p1 on the default `podman` network publishing 9090:80 (httpd);
# p2 on appnet publishing 9191:80/tcp and 5353:53/udp.
set -euo pipefail
: "${BP_LAB_DIR:?run me inside a podman lab}"
[[ ${BP_LAB_ENGINE:-} == podman* ]] || { echo "not a podman lab" >&2; exit 2; }
out=$1
mkdir -p "$out"
here=$(cd "$(dirname "$0")/.." && pwd)
pod() { bash "$here/test/lab/engines/podman-cli.sh" "$@"; }
sock=${DOCKER_HOST#unix://}
api() { curl -fsS --unix-socket "$sock" "http://d$1"; }
json() { python3 -m json.tool --indent 1; }

pod network exists appnet || pod network create appnet >/dev/null
pod container exists p1 || pod run -d --name p1 -p 9090:80 "$BP_LAB_IMAGE" httpd -f -p 80 -h /www >/dev/null
pod container exists p2 || pod run -d --name p2 --network appnet -p 9191:80/tcp -p 5353:53/udp "$BP_LAB_IMAGE" httpd -f -p 80 -h /www >/dev/null
for _ in $(seq 50); do timeout 3 busybox wget -q -O - http://127.0.0.1:9090/ >/dev/null 2>&1 && break; sleep 0.2; done
p2=$(pod inspect -f '{{.Id}}' p2)

nft -j list ruleset | json >"$out/nft-ruleset.json"
nft list ruleset >"$out/nft-ruleset.txt"
iptables-save -c >"$out/iptables-save.txt"
ip -j -d link show | json >"$out/ip-link.json"
ip -j -d addr show | json >"$out/ip-addr.json"
ss -Hltnup >"$out/ss-listeners.txt"
api /v5.0.0/libpod/version | json >"$out/libpod-version.json"
api /v5.0.0/libpod/info | json >"$out/libpod-info.json"
api /v5.0.0/libpod/networks/json | json >"$out/libpod-networks.json"
api '/v5.0.0/libpod/containers/json?all=true' | json >"$out/libpod-containers.json"
api "/v5.0.0/libpod/containers/$p2/json" | json >"$out/libpod-container-p2.json"
api /version | json >"$out/compat-version.json"
api /info | json >"$out/compat-info.json"
api /networks | json >"$out/compat-networks.json"
api '/containers/json?all=1' | json >"$out/compat-containers.json"
api "/containers/$p2/json" | json >"$out/compat-container-p2.json"
pod exec p1 cat /etc/resolv.conf >"$out/resolv-p1.conf"
pod exec p2 cat /etc/resolv.conf >"$out/resolv-p2.conf"
pod exec p2 cat /etc/hosts >"$out/hosts-p2.txt"
pod network inspect appnet podman | json >"$out/podman-network-inspect.json"
bash "$here/test/lab/engines/podman-cli.sh" version >"$out/podman-version.txt"
echo "lab $BP_LAB; captured $(date -u +%FT%TZ)" >"$out/captured.txt"
