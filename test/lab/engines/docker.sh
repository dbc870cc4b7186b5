# shellcheck shell=bash
# Docker engines of the lab (sourced by lab.sh): docker20 (the machine's docker.io), docker26
# and docker28 (fetched into test/lab/.engines/<name>/bin by fetch-engines.sh).
#
# Each lab runs its own containerd and dockerd in the lab host netns and in the lab's mount
# namespace (see start_mount_namespace in lab.sh). The engine's bin/ goes first on PATH for the
# daemons (they find containerd, the shim, docker-proxy and docker-init by PATH) and for CMD (so
# tests' `docker` is the matching client). runc stays Debian 12's /usr/sbin/runc: sid's needs a
# newer glibc than this machine has, and bin/ has none.

engine_sock() { printf '%s\n' "$DOCKER_SOCK"; }

engine_path() { # PATH for the daemons and CMD
  if [[ -n $ENGINE_BIN ]]; then printf '%s:%s\n' "$ENGINE_BIN" "$PATH"; else printf '%s\n' "$PATH"; fi
}

containerd_major() { # the first digit of `containerd --version` (1 or 2)
  local v
  v=$(PATH=$(engine_path) containerd --version 2>/dev/null | awk '{ print $3 }')
  v=${v#v}
  printf '%s\n' "${v%%.*}"
}

start_containerd() {
  # We run our own containerd rather than let dockerd start one: dockerd 20.10 only manages
  # its own if /run/containerd/containerd.sock does not exist, otherwise it silently shares
  # that one (and its shims) with everybody. Ours has its own root, state, sockets and pid.
  # It must run in the lab netns too: shims inherit its netns, and so do --network host containers.
  mkdir -p "$CTD_DIR"
  # containerd 2.x reads config version 3 (it would migrate 2 on every start, with a warning);
  # its CRI plugin is split in two and aufs is gone.
  local version=2 disabled='"io.containerd.grpc.v1.cri", "io.containerd.snapshotter.v1.aufs"'
  if [[ $(containerd_major) == 2 ]]; then
    version=3 disabled='"io.containerd.grpc.v1.cri", "io.containerd.cri.v1.runtime", "io.containerd.cri.v1.images"'
  fi
  cat >"$CTD_DIR/config.toml" <<EOF
version = $version
root = "$CTD_DIR/root"
state = "$CTD_DIR/state"
# dockerd uses its own graph driver: no CRI, no containerd snapshotters beyond the defaults.
disabled_plugins = [$disabled, "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs"]
[grpc]
  address = "$CTD_SOCK"
[ttrpc]
  address = "$CTD_SOCK.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$CTD_DIR/opt"
EOF
  # setsid: Ctrl-C on the terminal must not reach the daemons; teardown stops them in order.
  setsid nsenter --net="/run/netns/$HOST_NS" --mount="/proc/$(mount_holder)/ns/mnt" -- env PATH="$(engine_path)" \
    containerd --config "$CTD_DIR/config.toml" </dev/null >>"$LABDIR/containerd.log" 2>&1 &
  echo $! >"$CTD_DIR/containerd.pid"
  local i
  for ((i = 0; i < 200; i++)); do
    [[ -S $CTD_SOCK ]] && return 0
    alive "$(cat "$CTD_DIR/containerd.pid")" || break
    sleep 0.1
  done
  tail -n 30 "$LABDIR/containerd.log" >&2 || true
  die "containerd did not come up (log: $LABDIR/containerd.log)"
}

dockerd_cgroup() { # dockerd's own cgroup v2 under the lab's cgroup parent; empty without cgroup v2
  local mount
  mount=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
  [[ -n $mount ]] && printf '%s/%s/dockerd\n' "$mount" "$CGROUP_NAME"
  return 0
}

start_dockerd() {
  # Our own config file: never read /etc/docker/daemon.json. The key path has no command-line
  # flag in 20.10; without it dockerd would create /etc/docker/key.json on the machine.
  printf '{ "deprecated-key-path": "%s" }\n' "$LABDIR/key.json" >"$LABDIR/daemon.json"
  # dockerd gets a cgroup v2 of its own, as systemd's docker.service gives it: Bridgeport scopes
  # its redirect of the DNS queries dockerd forwards (Docker 28) to that cgroup. The lab's
  # teardown removes it with the lab's other cgroups.
  local cgroup
  cgroup=$(dockerd_cgroup)
  local -a into_cgroup=()
  if [[ -n $cgroup ]]; then
    mkdir -p "$cgroup"
    # shellcheck disable=SC2016 # expanded by the inner bash
    into_cgroup=(bash -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' lab-dockerd-cgroup "$cgroup")
  fi
  setsid ${into_cgroup[@]+"${into_cgroup[@]}"} nsenter --net="/run/netns/$HOST_NS" --mount="/proc/$(mount_holder)/ns/mnt" -- env PATH="$(engine_path)" dockerd \
    --config-file "$LABDIR/daemon.json" \
    --data-root "$LABDIR/docker" \
    --exec-root "$LABDIR/exec" \
    --pidfile "$LABDIR/dockerd.pid" \
    -H "unix://$DOCKER_SOCK" \
    --containerd "$CTD_SOCK" \
    --containerd-namespace "$LAB" \
    --containerd-plugins-namespace "$LAB-plugins" \
    --cgroup-parent "$CGROUP_PARENT" \
    </dev/null >>"$LABDIR/dockerd.log" 2>&1 &
  echo $! >"$LABDIR/dockerd.launch.pid"
  await_engine_api "dockerd" $! "$LABDIR/dockerd.log"
}

engine_start() {
  start_mount_namespace
  start_containerd
  start_dockerd
}

engine_restart() { # a Docker daemon restart, as users get one from their package manager
  stop_pid dockerd "$(cat "$LABDIR/dockerd.pid" 2>/dev/null)" 30
  start_dockerd
}

engine_firewall_reload() { # Docker has no "firewall reload"; a daemon restart rewrites its rules
  die "--firewall-reload is a Podman (netavark) command; $ENGINE has none (use --restart-dockerd)"
}

engine_stop() {
  # 1. Containers first: docker rm -f SIGKILLs them at once, a daemon shutdown would wait
  #    10 s for every "sleep" that ignores SIGTERM as pid 1.
  local -a ids pids
  local f m
  if [[ -S $DOCKER_SOCK ]] && timeout 10 env DOCKER_HOST="unix://$DOCKER_SOCK" docker info >/dev/null 2>&1; then
    mapfile -t ids < <(timeout 10 env DOCKER_HOST="unix://$DOCKER_SOCK" docker ps -aq 2>/dev/null)
    if ((${#ids[@]})); then
      timeout 60 env DOCKER_HOST="unix://$DOCKER_SOCK" docker rm -f "${ids[@]}" >/dev/null 2>&1 ||
        log "docker rm -f failed (continuing)"
    fi
  fi
  # 2. dockerd by its pid file (fallback: the pid we launched), then our containerd.
  stop_pid dockerd "$(cat "$LABDIR/dockerd.pid" 2>/dev/null || cat "$LABDIR/dockerd.launch.pid" 2>/dev/null)" 20
  stop_pid containerd "$(cat "$CTD_DIR/containerd.pid" 2>/dev/null)" 10
  stop_pid mount-namespace "$(cat "$LABDIR/mntns.pid" 2>/dev/null)" 5
  # 3. Shims of our containerd (argv has "-address $CTD_SOCK").
  mapfile -t pids < <(pids_with_arg "$CTD_SOCK")
  kill_pids containerd-shim "${pids[@]}"
  # 4. Shim sockets live in /run/containerd/s/<hash>, outside the lab dir; a shim that was
  #    killed leaves its socket behind. Its address is recorded in the task's bundle.
  if [[ -d $CTD_DIR/state ]]; then
    while IFS= read -r f; do
      m=$(cat "$f" 2>/dev/null)
      m=${m#unix://}
      [[ $m == /run/containerd/s/* && -S $m ]] && rm -f "$m"
    done < <(find "$CTD_DIR/state" -name address -type f 2>/dev/null)
  fi
  return 0
}

engine_import_image() { # the busybox tarball on stdin; import cannot set CMD by itself, --change can
  lab_docker import --change 'CMD ["sh"]' - "$IMAGE" >/dev/null
}
