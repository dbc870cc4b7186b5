#!/usr/bin/env bash
# The real `podman` CLI of a running podman5 lab (root only), for tests that need what the
# Docker-compatible API does not offer:  bash test/lab/engines/podman-cli.sh network ls
# Reads BP_LAB_DIR (set inside the lab), or takes the lab name as BP_LAB.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
LABDIR=${BP_LAB_DIR:-/tmp/bridgeport-lab-${BP_LAB:?set BP_LAB_DIR or BP_LAB}}
LAB=${LABDIR#/tmp/bridgeport-lab-}
HOST_NS=$LAB-host
[[ $(cat "$LABDIR/engine" 2>/dev/null) == *podman* ]] || { echo "podman-cli: $LABDIR is not a podman lab" >&2; exit 2; }
ENGINE_DIR=""
# shellcheck source=podman.sh
. "$(dirname "$0")/podman.sh" # only in_podman and podman_holder run
in_podman podman "$@"
