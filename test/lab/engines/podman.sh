# shellcheck shell=bash
# Podman engine of the lab (sourced by lab.sh): rootful Podman 5 with netavark (nftables driver)
# and aardvark-dns, from a Debian sid chroot (fetch-engines.sh podman5; it needs a newer glibc
# than this machine has).
#
# One mount namespace per lab (propagation private: nothing leaks to the machine), held by a
# `sleep` whose argv names the lab dir. In it: the sid root bound onto itself, proc, /sys and
# /dev, tmpfs on run and tmp, the lab dir bound at the SAME path inside, the lab host's
# resolv.conf over the sid root's, then pivot_root into it (entering the namespace with
# nsenter --mount lands in the sid root, no chroot needed). Every podman of the
# lab (the API service, podman-cli.sh, firewall-reload) runs there, in the lab host netns, with
# the lab's own containers.conf and storage.conf: storage, network configs and the socket all
# live under $LABDIR, so two labs never share state and conmon's argv names the lab dir.

PODMAN_ROOT=$ENGINE_DIR/root

engine_sock() { printf '%s\n' "$LABDIR/podman/podman.sock"; }
engine_path() { printf '%s\n' "$PATH"; } # CMD uses the machine's docker CLI against the compat API

podman_holder() { cat "$LABDIR/podman/mntns.pid"; }

# Run a command in the lab's podman world: mount namespace (sid root), lab host netns, lab config.
in_podman() {
  nsenter --mount="/proc/$(podman_holder)/ns/mnt" --net="/run/netns/$HOST_NS" -- \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root PODMAN_IGNORE_CGROUPSV1_WARNING=1 \
    CONTAINERS_CONF="$LABDIR/podman/containers.conf" CONTAINERS_STORAGE_CONF="$LABDIR/podman/storage.conf" "$@"
}

write_podman_config() {
  mkdir -p "$LABDIR/podman/storage" "$LABDIR/podman/run" "$LABDIR/podman/networks" "$LABDIR/podman/tmp"
  # crun refuses this machine's hybrid cgroups; journald does not run in the chroot.
  cat >"$LABDIR/podman/containers.conf" <<EOF
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$LABDIR/podman/events.log"
runtime = "runc"
tmp_dir = "$LABDIR/podman/tmp"
image_copy_tmp_dir = "$LABDIR/podman/tmp"
[network]
firewall_driver = "nftables"
network_config_dir = "$LABDIR/podman/networks"
EOF
  cat >"$LABDIR/podman/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$LABDIR/podman/storage"
runroot = "$LABDIR/podman/run"
EOF
}

start_podman_namespace() {
  printf '# the lab host resolv.conf (BP_LAB_RESOLV_CONF); DNS tests rewrite it in place\nnameserver 198.51.100.2\n' >"$LABDIR/resolv.conf"
  local r=$PODMAN_ROOT
  mkdir -p "$r/tmp" "$r/run" "$r/.bridgeport-oldroot"
  # pivot_root, not chroot: `podman exec` (runc exec) joins the container's mount namespace
  # with setns, which starts at whatever is mounted on the namespace's "/". Under a chroot
  # that is the machine's root, and exec'd commands ran there instead of in the container.
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid nsenter --net="/run/netns/$HOST_NS" -- unshare --mount --propagation private -- bash -c "$(declare -f net_sysfs_of_netns)"'
    set -e
    r=$1 lab=$2
    mount --bind "$r" "$r"
    mount -t proc proc "$r/proc"
    mount --rbind /sys "$r/sys"
    net_sysfs_of_netns "$lab/podman/sysfs" "$r"
    mount --rbind /dev "$r/dev"
    mount -t tmpfs tmpfs "$r/run"
    mount -t tmpfs tmpfs "$r/tmp"
    mkdir -p "$r$lab" "$r/run/lock"
    mount --bind "$lab" "$r$lab"
    mount --bind "$lab/resolv.conf" "$r/etc/resolv.conf"
    cd "$r"
    pivot_root . .bridgeport-oldroot
    cd /
    umount -l /.bridgeport-oldroot
    exec -a "bridgeport-lab-podmanns $lab" sleep infinity' \
    lab-podmanns "$r" "$LABDIR" </dev/null >>"$LABDIR/podman/mntns.log" 2>&1 &
  echo $! >"$LABDIR/podman/mntns.pid"
  local i pid=$!
  for ((i = 0; i < 100; i++)); do
    if [[ $(argv_of "$pid") == "bridgeport-lab-podmanns $LABDIR"* ]]; then
      [[ $(nsenter --mount="/proc/$pid/ns/mnt" cat /etc/resolv.conf) == "$(cat "$LABDIR/resolv.conf")" ]] && return 0
      break
    fi
    alive "$pid" || break
    sleep 0.05
  done
  cat "$LABDIR/podman/mntns.log" >&2 2>/dev/null || true
  die "the lab's podman mount namespace did not come up"
}

start_podman_service() {
  # --time=0: never exit when idle. The socket serves the Docker-compatible API (/v1.xx/…,
  # the `docker` CLI) and the libpod API (/v5.x/libpod/…) on the same path.
  setsid nsenter --mount="/proc/$(podman_holder)/ns/mnt" --net="/run/netns/$HOST_NS" -- \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root PODMAN_IGNORE_CGROUPSV1_WARNING=1 \
    CONTAINERS_CONF="$LABDIR/podman/containers.conf" CONTAINERS_STORAGE_CONF="$LABDIR/podman/storage.conf" \
    podman system service --time=0 "unix://$(engine_sock)" </dev/null >>"$LABDIR/podman.log" 2>&1 &
  echo $! >"$LABDIR/podman/service.pid"
  await_engine_api "podman system service" $! "$LABDIR/podman.log"
}

engine_start() {
  # podman-remote and `podman --remote` read CONTAINER_HOST; the `docker` CLI reads DOCKER_HOST.
  # shellcheck disable=SC2034 # read by lab.sh
  ENGINE_CMD_ENV=(CONTAINER_HOST="unix://$(engine_sock)")
  write_podman_config
  start_podman_namespace
  start_podman_service
}

engine_import_image() { # the busybox tarball on stdin
  in_podman podman import --quiet --change 'CMD ["sh"]' - "$IMAGE" >/dev/null
}

engine_restart() { # as a package upgrade or `systemctl restart podman` would: containers keep running
  stop_pid podman-service "$(cat "$LABDIR/podman/service.pid" 2>/dev/null)" 30
  start_podman_service
}

engine_firewall_reload() { # what `firewall-cmd --reload` hooks run: netavark re-adds every network's rules
  in_podman /usr/lib/podman/netavark firewall-reload # Debian installs netavark here, not in libexec
}

# Processes of this lab's podman: every one in its mount namespace (podman, conmon,
# aardvark-dns, netavark), and container processes found by the cgroups of the containers in
# its storage (cgroupfs puts them in /libpod_parent/libpod-<id>, shared by all labs by name).
podman_pids() {
  local holder d id f
  holder=$(podman_holder 2>/dev/null)
  if [[ $holder =~ ^[0-9]+$ ]] && cmdline_has "$holder" "$LABDIR"; then
    for d in /proc/[0-9]*; do
      [[ $d/ns/mnt -ef /proc/$holder/ns/mnt && ${d#/proc/} != "$holder" ]] && printf '%s\n' "${d#/proc/}"
    done
  fi
  for id in $(podman_container_ids); do
    for f in /sys/fs/cgroup/*/libpod_parent/libpod-"$id"* /sys/fs/cgroup/libpod_parent/libpod-"$id"*; do
      [[ -d $f ]] && find "$f" -name cgroup.procs -exec cat {} + 2>/dev/null
    done
  done
  return 0
}

podman_container_ids() {
  local d
  for d in "$LABDIR"/podman/storage/overlay-containers/*/; do
    d=${d%/}
    d=${d##*/}
    [[ $d =~ ^[0-9a-f]{64}$ ]] && printf '%s\n' "$d"
  done
  return 0
}

engine_stop() {
  local -a pids
  local f id
  if [[ -S $(engine_sock) ]] && alive "$(podman_holder 2>/dev/null)"; then
    timeout 60 bash -c "$(declare -f in_podman podman_holder); $(declare -p LABDIR HOST_NS PODMAN_ROOT); in_podman podman rm -f -a -t 0" >/dev/null 2>&1 ||
      log "podman rm -f -a failed (continuing)"
  fi
  stop_pid podman-service "$(cat "$LABDIR/podman/service.pid" 2>/dev/null)" 20
  mapfile -t pids < <(podman_pids)
  kill_pids "podman of $LAB" "${pids[@]}"
  stop_pid mount-namespace "$(podman_holder 2>/dev/null)" 5
  # Container cgroups of this lab (by id; /libpod_parent itself is shared and stays).
  for id in $(podman_container_ids); do
    for f in /sys/fs/cgroup/*/libpod_parent/libpod-"$id"* /sys/fs/cgroup/libpod_parent/libpod-"$id"*; do
      [[ -d $f ]] && find "$f" -depth -type d -exec rmdir {} + 2>/dev/null
    done
  done
  return 0
}
