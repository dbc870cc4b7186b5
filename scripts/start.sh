#!/usr/bin/env bash
# Installs the app's dependencies and starts the Bridgeport window.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node.sh
npm ci --no-audit --no-fund
exec npm start
