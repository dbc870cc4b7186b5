#!/usr/bin/env bash
# Installs what the tests need and runs every suite: lint, typecheck, unit, lab (real Docker in a
# network namespace), end-to-end (Chromium against `bridgeport serve` in the lab) and the Electron
# launch test. Needs root: the lab creates network namespaces and its own Docker engine.
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
bash test/lab/lab.sh npx vitest run --project lab --reporter=default --reporter=json --outputFile.json=test-results/lab.json || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-e2e.json \
  bash test/lab/lab.sh npx playwright test --project e2e --reporter=list,json || status=1
# The same end-to-end files with the served app as a normal user elevated through pkexec/polkit.
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-e2e-user.json \
  bash test/lab/lab.sh npx playwright test --project e2e-user --reporter=list,json || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-electron.json \
  npx playwright test --project electron --reporter=list,json || status=1
npx tsx scripts/summarize-tests.ts test-results/unit.json test-results/lab.json \
  test-results/playwright-e2e.json test-results/playwright-e2e-user.json test-results/playwright-electron.json || status=1
exit $status
