#!/usr/bin/env bash
# Captures raw fixtures from a real Docker lab after the seed scenario (rules, API JSON, resolv.conf):
#   BP_LAB_ENGINE=docker28 bash test/lab/lab.sh bash scripts/capture-docker-fixtures.sh test/fixtures/docker28
# Also writes what scripts/capture-lab-fixtures.ts writes (containers, networks, namespaces).
set -euo pipefail
: "${BP_LAB_DIR:?run me inside a lab}"
[[ ${BP_LAB_ENGINE:-} == docker* ]] || { echo "not a docker lab" >&2; exit 2; }
out=$1
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. scripts/lib/node.sh
mkdir -p "$out"
bash test/lab/seed-scenario.sh
npx tsx scripts/capture-lab-fixtures.ts "$out"
sock=${DOCKER_HOST#unix://}
api() { curl -fsS --unix-socket "$sock" "http://d$1" | python3 -m json.tool --indent 1; }
iptables-save -c >"$out/iptables-save.txt"
nft -j list ruleset | python3 -m json.tool --indent 1 >"$out/nft-ruleset.json"
nft list ruleset >"$out/nft-ruleset.txt"
api /version >"$out/compat-version.json"
api /networks >"$out/compat-networks.json"
docker exec i1 cat /etc/resolv.conf >"$out/resolv-i1-intranet.conf"
docker exec w1 cat /etc/resolv.conf >"$out/resolv-w1-bridge.conf"
ss -Hltnup >"$out/ss-listeners.txt"
