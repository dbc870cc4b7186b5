# shellcheck shell=bash
# Docker and Podman on one lab host (BP_LAB_ENGINE=docker28+podman5), as users who "run both"
# have them: dockerd (engines/docker.sh) and the Podman service (engines/podman.sh) in the same
# lab host netns, each with its own state under the lab dir (docker/, ctd/, podman/). Sourced by
# lab.sh after set_engine set ENGINE_BIN (Docker's bin/) and ENGINE_DIR (the Podman root).
#
# Both engine files define the same engine_* functions. Each is sourced in turn and its functions
# are kept under a prefix (docker_engine_start, podman_engine_start …). The shared helpers that
# call engine_sock/engine_path (lab_docker) mean the engine named by ENGINE_PART, which
# as_part sets for the duration of one call (bash locals are seen by the functions called).

ENGINE_FUNCTIONS=(engine_sock engine_path engine_start engine_stop engine_restart engine_firewall_reload engine_import_image)

keep_engine_functions_as() { # PREFIX: the engine_* just sourced become PREFIX_engine_*
  local f
  for f in "${ENGINE_FUNCTIONS[@]}"; do
    eval "${1}_$(declare -f "$f")"
    unset -f "$f"
  done
}

# shellcheck source=docker.sh
. "$LAB_SH_DIR/engines/docker.sh"
keep_engine_functions_as docker
# shellcheck source=podman.sh
. "$LAB_SH_DIR/engines/podman.sh"
keep_engine_functions_as podman

ENGINE_PART=docker # outside as_part (CMD's DOCKER_HOST and PATH, the keep message): Docker
as_part() { # docker|podman CMD...: run CMD with engine_sock/engine_path meaning that engine
  local ENGINE_PART=$1
  shift
  "$@"
}

engine_sock() { "${ENGINE_PART}_engine_sock"; }
engine_path() { "${ENGINE_PART}_engine_path"; }

engine_start() {
  as_part docker docker_engine_start
  as_part podman podman_engine_start # sets ENGINE_CMD_ENV=(CONTAINER_HOST=…)
  ENGINE_CMD_ENV+=(BP_LAB_PODMAN_SOCK="$(as_part podman engine_sock)" BP_LAB_DOCKER_SOCK="$(as_part docker engine_sock)")
}

engine_stop() { # each removes its own containers first; neither needs the other running
  as_part podman podman_engine_stop
  as_part docker docker_engine_stop
}

engine_restart() { # both daemons, as a host reboot of the services would
  as_part docker docker_engine_restart
  as_part podman podman_engine_restart
}

engine_firewall_reload() { as_part podman podman_engine_firewall_reload; }

engine_import_image() { # the busybox tarball on stdin, into both engines
  local tarball=$LABDIR/image.tar
  cat >"$tarball"
  as_part docker docker_engine_import_image <"$tarball"
  as_part podman podman_engine_import_image <"$tarball"
  rm -f "$tarball"
}
