# Sourced: puts a Node >= 22.12 on PATH (Electron 45 and the test tools need it). When the machine's
# Node is older, Node 24 is installed from the npm registry (package node@24) into .tools/node24.
bp_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bp_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if [ -x "$bp_root/.tools/node24/node_modules/.bin/node" ]; then
  PATH="$bp_root/.tools/node24/node_modules/.bin:$PATH"
fi
if ! bp_node_ok; then
  echo "[setup] Node $(node --version 2>/dev/null || echo none) is too old: installing Node 24 into .tools/node24" >&2
  npm install --silent --no-save --no-audit --no-fund --prefix "$bp_root/.tools/node24" node@24 >&2
  PATH="$bp_root/.tools/node24/node_modules/.bin:$PATH"
  bp_node_ok || { echo "[setup] could not get Node >= 22.12" >&2; exit 1; }
fi
export PATH
