#!/usr/bin/env bash
# Installs the app's dependencies, builds it and starts the Bridgeport window. Where the Electron
# binary is missing and cannot be fetched, it says so in one line and opens the same interface in
# the default browser through `bridgeport serve --elevate` (asked once at start, like the app), and
# runs until serve ends (Ctrl-C: exit 0).
# Install and build run only when needed: `npm ci` when package.json or package-lock.json is newer
# than the last install, `npm run build` when a source is newer than out/. BRIDGEPORT_SKIP_SETUP=1
# skips both (a checkout already installed and built). ELECTRON_SKIP_BINARY_DOWNLOAD=1: never fetch
# the Electron binary, go to the browser at once.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node.sh

# FILE PATHS...: is FILE missing, or does one of PATHS hold something newer?
stale() {
  local stamp=$1
  shift
  [ ! -e "$stamp" ] || [ -n "$(find "$@" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

if [ "${BRIDGEPORT_SKIP_SETUP:-}" != 1 ]; then
  # npm records what it installed in node_modules/.package-lock.json.
  if stale node_modules/.package-lock.json package.json package-lock.json; then
    npm ci --no-audit --no-fund
  fi
  sources=(src package.json package-lock.json electron.vite.config.ts tsconfig.base.json tsconfig.node.json tsconfig.web.json)
  for built in out/main/index.js out/main/cli.js out/preload/index.cjs out/renderer/index.html; do
    if stale "$built" "${sources[@]}"; then
      npm run --silent build
      break
    fi
  done
fi

# The Electron binary: electron 45 fetches it on first use, not at install.
if ! missing=$(node scripts/lib/electron-binary.mjs) && [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" != 1 ]; then
  echo "[start] fetching the Electron binary once (ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips this)" >&2
  fetched=$(node node_modules/electron/install.js 2>&1) || why=$(grep -m1 -o '[A-Za-z]*Error.*' <<<"$fetched" || echo "its installer failed")
  missing=$(node scripts/lib/electron-binary.mjs) && why=''
fi
if node scripts/lib/electron-binary.mjs >/dev/null; then
  exec npx electron-vite preview --skipBuild
fi

if [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" = 1 ]; then
  why='ELECTRON_SKIP_BINARY_DOWNLOAD=1'
fi
echo "bridgeport: the Electron binary is missing ($missing) and was not fetched (${why:-unknown reason}): opening the same interface in your browser through \"bridgeport serve\" instead" >&2

# serve in the background, its first line (the URL with the token) read here; it shares this
# terminal (a password prompt, Ctrl-C). The trap hands a signal this script gets on to serve, which
# stops once even when Ctrl-C reaches it both ways.
serve_pid=''
interrupts=0
trap 'interrupts=$((interrupts + 1)); [ -z "$serve_pid" ] || kill -TERM "$serve_pid" 2>/dev/null || true' INT TERM HUP
coproc SERVE { exec node bin/bridgeport.js --elevate serve; }
# shellcheck disable=SC2153 # SERVE_PID: set by coproc
serve_pid=$SERVE_PID
[ "$interrupts" = 0 ] || kill -TERM "$serve_pid" # a signal came before serve's pid was known
exec 3<&"${SERVE[0]}"
if IFS= read -r url <&3; then
  echo "$url"
  cat <&3 & # whatever serve prints after its URL
  if ! command -v xdg-open >/dev/null; then
    echo "bridgeport: no xdg-open here to open a browser: open $url yourself" >&2
  else
    # In the background: xdg-open may wait for the browser it starts.
    { xdg-open "$url" >/dev/null 2>&1 || echo "bridgeport: xdg-open could not open a browser: open $url yourself" >&2; } &
  fi
fi
status=0
wait "$serve_pid" || status=$?
# A trapped signal ends `wait` early (status > 128): wait again for serve's own exit status.
while [ "$status" -gt 128 ] && [ "$interrupts" -gt 0 ]; do
  interrupts=$((interrupts - 1))
  status=0
  wait "$serve_pid" || status=$?
done
exit "$status"
