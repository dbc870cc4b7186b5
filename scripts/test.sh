#!/usr/bin/env bash
# Installs what the tests need and runs every suite: lint, typecheck, unit, lab (real engines in
# network namespaces: every lab file on Docker 28; the topology, NAT/ports, path, publish and DNS
# sync files also on Docker 20.10, the DNS sync also on Docker 26 (each forwards DNS its own way); the Podman files on rootful Podman 5; the both-engines files on Docker 28
# and Podman 5 in one host), end-to-end (Chromium against `bridgeport serve` in a Docker 28 lab)
# and the Electron launch test. Needs root: the lab creates network namespaces and its own engines
# (fetched once from Debian sid into test/lab/.engines).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "run as root (sudo bash scripts/test.sh): the lab tests create network namespaces and a Docker engine" >&2
  exit 1
fi
bash scripts/install-test-deps.sh
. scripts/lib/node.sh
echo "[test] node $(node --version), npm $(npm --version)" >&2
# The Electron binary is fetched on first launch where the network allows; the tests never need it.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
npm run build
npm run lint
npm run typecheck

rm -rf test-results && mkdir -p test-results
status=0
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1
bash test/lab/engines/fetch-engines.sh docker28 docker26 podman5
lab_suite() { # ENGINE [FILES...]: the lab files on one engine, reported in test-results/lab-ENGINE.json
  local engine=$1
  shift
  echo "[test] lab on $engine" >&2
  BP_LAB_ENGINE=$engine bash test/lab/lab.sh npx vitest run --project lab --reporter=default --reporter=json \
    --outputFile.json="test-results/lab-$engine.json" "$@" || status=1
}
lab_suite docker28
lab_suite docker20 test/lab/snapshot.test.ts test/lab/ports-nat.test.ts test/lab/path.test.ts test/lab/publish-*.test.ts test/lab/dns-sync.test.ts
lab_suite docker26 test/lab/dns-sync.test.ts test/lab/trace.test.ts
lab_suite podman5
lab_suite docker28+podman5
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-e2e.json \
  bash test/lab/lab.sh npx playwright test --project e2e --reporter=list,json || status=1
# The same end-to-end files with the served app as a normal user elevated through pkexec/polkit.
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-e2e-user.json \
  bash test/lab/lab.sh npx playwright test --project e2e-user --reporter=list,json || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-electron.json \
  npx playwright test --project electron --reporter=list,json || status=1
npx tsx scripts/summarize-tests.ts test-results/unit.json test-results/lab-docker28.json test-results/lab-docker20.json test-results/lab-docker26.json test-results/lab-podman5.json test-results/lab-docker28+podman5.json \
  test-results/playwright-e2e.json test-results/playwright-e2e-user.json test-results/playwright-electron.json || status=1
exit $status
