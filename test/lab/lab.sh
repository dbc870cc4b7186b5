#!/usr/bin/env bash
# Bridgeport test lab: a throw-away "Docker host" inside network namespaces.
#
#   bash test/lab/lab.sh CMD [ARGS...]      build a lab, run CMD inside it, tear it down
#   bash test/lab/lab.sh --teardown LAB     clean up a lab kept with BP_LAB_KEEP=1
#   bash test/lab/lab.sh --restart-dockerd LAB   restart the lab's engine daemon (dockerd / podman service)
#   bash test/lab/lab.sh --firewall-reload LAB   podman labs: `netavark firewall-reload`
#
# BP_LAB_ENGINE picks the engine: docker28 (default), docker26, docker20 (the machine's
# docker.io), podman5, or docker28+podman5 (both on one lab host). Engine-specific start/stop
# lives in test/lab/engines/*.sh.
#
# Nothing here touches the machine's own network namespace: every link, address, route,
# iptables rule and sysctl lives in namespaces named "$LAB-*" that teardown deletes.
# See test/lab/README.md and /work/shared/LAB.md for the why of each step.
# shellcheck disable=SC2317  # shellcheck 0.9 thinks trap-run functions are unreachable after the final `exit`
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

readonly IMAGE=bridgeport-lab/busybox:1
# dockerd/containerd are started via nsenter and setsid; make sure we find the system ones.
export PATH="${PATH:+$PATH:}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

LAB="" LABDIR="" CMD_PID="" TORN_DOWN=0
LAB_SH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ENGINE="" ENGINE_DIR="" ENGINE_BIN=""
ENGINE_CMD_ENV=() # VAR=value pairs an engine adds to CMD's environment

log() { printf '[lab] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------
# Names. LAB must stay short: "${LAB}up" / "${LAB}lan" are interface names (<= 15 chars).
# ---------------------------------------------------------------------------------------
set_lab() {
  LAB=$1
  LABDIR=/tmp/bridgeport-lab-$LAB
  HOST_NS=$LAB-host
  LAN_NS=$LAB-lan
  DOCKER_SOCK=$LABDIR/docker.sock
  CTD_DIR=$LABDIR/ctd
  CTD_SOCK=$CTD_DIR/containerd.sock
  # Per-lab cgroup parent: lets teardown find (and rmdir) exactly this lab's container cgroups.
  # Absolute: a relative parent would be resolved against runc's own cgroup.
  CGROUP_NAME=bridgeport-lab-$LAB
  CGROUP_PARENT=/$CGROUP_NAME
}

random_lab_name() {
  # od reads exactly 5 bytes: no "tr </dev/urandom | head" pipe that dies of SIGPIPE under pipefail.
  local alphabet=abcdefghijklmnopqrstuvwxyz0123456789 name=bp b
  for b in $(od -An -N5 -tu1 /dev/urandom); do name+=${alphabet:b%36:1}; done
  printf '%s\n' "$name"
}

lab_docker() { DOCKER_HOST=unix://$(engine_sock) PATH=$(engine_path) command docker "$@"; }

# ---------------------------------------------------------------------------------------
# Engine: BP_LAB_ENGINE for a new lab, the lab's "engine" file for --teardown and friends.
# Fetched engines live in $BP_LAB_ENGINES (default test/lab/.engines); a missing one is
# fetched here (CI starts from a clean clone).
# ---------------------------------------------------------------------------------------
set_engine() {
  ENGINE=$1
  local engines=${BP_LAB_ENGINES:-$LAB_SH_DIR/.engines}
  case $ENGINE in
    docker20) ENGINE_DIR="" ENGINE_BIN="" ;;
    docker26 | docker28) ENGINE_DIR=$engines/$ENGINE ENGINE_BIN=$engines/$ENGINE/bin ;;
    podman5) ENGINE_DIR=$engines/$ENGINE ENGINE_BIN="" ;;
    docker28+podman5) ENGINE_DIR=$engines/podman5 ENGINE_BIN=$engines/docker28/bin ;; # engines/both.sh
    *) die "unknown BP_LAB_ENGINE '$ENGINE' (docker28 docker26 docker20 podman5 docker28+podman5)" ;;
  esac
  case $ENGINE in
    *+*)
      # shellcheck source=engines/both.sh
      . "$LAB_SH_DIR/engines/both.sh" ;;
    podman*)
      # shellcheck source=engines/podman.sh
      . "$LAB_SH_DIR/engines/podman.sh" ;;
    *)
      # shellcheck source=engines/docker.sh
      . "$LAB_SH_DIR/engines/docker.sh" ;;
  esac
}

ensure_engine() { # every engine of ENGINE ("docker28+podman5" has two)
  local name
  for name in ${ENGINE//+/ }; do ensure_fetched "$name"; done
}

ensure_fetched() { # NAME: fetch once; concurrent labs wait for each other's fetch
  local engines=${BP_LAB_ENGINES:-$LAB_SH_DIR/.engines}
  [[ $1 == docker20 || -e $engines/$1/ready ]] && return 0
  log "engine $1 is not fetched yet: fetching (once)"
  mkdir -p "$engines"
  BP_LAB_ENGINES=$engines flock "$engines/.fetch.lock" \
    bash "$LAB_SH_DIR/engines/fetch-engines.sh" "$1" >&2 || die "fetching engine $1 failed"
}

lab_engine_of() { # LAB dir -> the engine it was started with (labs from before engines: docker20)
  cat "$1/engine" 2>/dev/null || echo docker20
}

# ---------------------------------------------------------------------------------------
# Process helpers. We only ever signal pids we can tie to this lab.
# ---------------------------------------------------------------------------------------
alive() { # running and not a zombie
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

argv_of() { # PID: its argv on one line (builtins only: teardown calls this for every pid)
  local -a argv
  mapfile -d '' -t argv 2>/dev/null <"/proc/$1/cmdline" || return 1
  printf '%s' "${argv[*]}"
}

cmdline_has() { # PID NEEDLE: does the pid's argv mention NEEDLE?
  local args
  args=$(argv_of "$1") || return 1
  [[ $args == *"$2"* ]]
}

wait_gone() { # PID SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do alive "$1" || return 0; sleep 0.1; done
  ! alive "$1"
}

stop_pid() { # NAME PID GRACE_SECONDS: SIGTERM, wait, then SIGKILL
  local name=$1 pid=$2 grace=$3
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 0
  # A stale pid file could point at a recycled pid: only signal it if its argv names our lab dir.
  if ! cmdline_has "$pid" "$LABDIR"; then
    log "not stopping pid $pid ($name): its command line does not mention $LABDIR"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$grace"; then
    log "$name (pid $pid) still alive after ${grace}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || log "$name (pid $pid) did not die"
  fi
}

kill_pids() { # REASON PID...: SIGKILL leftovers (never ourselves)
  local reason=$1 pid
  shift
  for pid in "$@"; do
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    alive "$pid" || continue
    log "killing leftover pid $pid ($reason): $(argv_of "$pid" | cut -c1-120)"
    kill -KILL "$pid" 2>/dev/null || true
  done
  for pid in "$@"; do wait_gone "$pid" 5 || true; done
}

pids_with_arg() { # pids whose argv mentions $1 (shims: "-address $CTD_SOCK"; daemons: $LABDIR)
  local d pid
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    cmdline_has "$pid" "$1" && printf '%s\n' "$pid"
  done
  return 0
}

pids_in_lab_netns() { # every process living in one of our namespaces (docker-proxy, hostnet containers, daemons a test started …)
  local d f
  for f in /run/netns/"$LAB"-*; do
    [[ -e $f ]] || continue
    for d in /proc/[0-9]*; do
      # -ef compares device+inode after following the /proc/PID/ns/net magic link.
      [[ $d/ns/net -ef $f ]] && printf '%s\n' "${d#/proc/}"
    done
  done
  return 0
}

pids_in_lab_cgroups() { # container processes (they live in their own netns, but in our cgroup parent)
  local f
  for f in /sys/fs/cgroup/*/"$CGROUP_NAME" /sys/fs/cgroup/"$CGROUP_NAME"; do
    [[ -d $f ]] && find "$f" -name cgroup.procs -exec cat {} + 2>/dev/null
  done
  return 0
}

# ---------------------------------------------------------------------------------------
# Teardown: idempotent, best effort, never fails. Runs on EXIT (also after INT/TERM/HUP).
# ---------------------------------------------------------------------------------------
teardown() {
  set +e
  [[ $TORN_DOWN == 1 || -z $LAB ]] && return 0
  TORN_DOWN=1
  trap '' INT TERM HUP # a second Ctrl-C must not leave half a lab behind
  local t0=$EPOCHREALTIME ns m f
  local -a pids
  log "tearing down $LAB"

  # 1. The engine: its containers (killed at once), daemons and engine-specific leftovers.
  engine_stop

  # 2. Leftovers: anything whose argv names the lab dir, processes in our cgroups and in our
  #    namespaces.
  mapfile -t pids < <(pids_with_arg "$LABDIR")
  kill_pids "argv mentions $LABDIR" "${pids[@]}"
  mapfile -t pids < <(pids_in_lab_cgroups)
  kill_pids "in cgroup $CGROUP_PARENT" "${pids[@]}"
  mapfile -t pids < <(pids_in_lab_netns)
  kill_pids "inside a $LAB-* namespace" "${pids[@]}"

  # 3. Namespaces: every "$LAB-*", including the ones tests made.
  for f in /run/netns/"$LAB"-*; do
    [[ -e $f ]] || continue
    ns=${f#/run/netns/}
    ip netns del "$ns" 2>/dev/null || log "ip netns del $ns failed"
  done

  # 4. Mounts under the lab dir (overlay2 layers, netns bind mounts, shm …), deepest first.
  if [[ -n $LABDIR ]]; then
    while IFS= read -r m; do
      umount -l "$m" 2>/dev/null || log "umount -l $m failed"
    done < <(awk -v d="$LABDIR" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r)
  fi

  # 5. Our (now empty) cgroup parents, children first.
  for f in /sys/fs/cgroup/*/"$CGROUP_NAME" /sys/fs/cgroup/"$CGROUP_NAME"; do
    [[ -d $f ]] && find "$f" -depth -type d -exec rmdir {} + 2>/dev/null
  done

  # 6. The lab dir. --one-file-system: never follow into a mount that refused to go away.
  [[ -n $LABDIR && -d $LABDIR ]] && rm -rf --one-file-system "$LABDIR"
  [[ -d $LABDIR ]] && log "could not remove $LABDIR completely"
  log "teardown done in $(elapsed "$t0")s"
  return 0
}

await_engine_api() { # NAME PID LOG: wait until the engine's socket answers `docker info`, or die with its log
  local name=$1 pid=$2 logfile=$3 deadline=$((SECONDS + ${BP_LAB_DOCKER_TIMEOUT:-60}))
  while ((SECONDS < deadline)); do
    if lab_docker info >/dev/null 2>&1; then return 0; fi
    alive "$pid" || { log "$name exited early"; break; }
    sleep 0.2
  done
  log "$name log tail ($logfile):"
  tail -n 40 "$logfile" >&2 || true
  die "$name did not answer docker info"
}

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

on_exit() {
  local rc=$?
  if [[ ${BP_LAB_KEEP:-0} == 1 && -n $LAB ]]; then
    log "BP_LAB_KEEP=1: lab $LAB kept."
    log "  enter:    nsenter --net=/run/netns/$HOST_NS env DOCKER_HOST=unix://$(engine_sock) bash"
    log "  clean up: bash ${BASH_SOURCE[0]} --teardown $LAB"
  else
    teardown
  fi
  exit "$rc"
}

on_signal() { # SIGNAME NUMBER
  trap '' INT TERM HUP
  log "got SIG$1"
  if [[ -n $CMD_PID ]] && alive "$CMD_PID"; then
    # Ctrl-C already reached CMD (same process group): give it a moment to finish by itself
    # before we TERM it; a second SIGINT would make tools like vitest skip their cleanup.
    if [[ $1 == INT ]]; then wait_gone "$CMD_PID" 3 || true; fi
    if alive "$CMD_PID"; then
      kill -TERM "$CMD_PID" 2>/dev/null || true
      wait_gone "$CMD_PID" 10 || kill -KILL "$CMD_PID" 2>/dev/null || true
    fi
  fi
  exit $((128 + $2))
}

# ---------------------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------------------
make_namespaces() {
  ip netns add "$HOST_NS"
  ip netns add "$LAN_NS"
  ip -n "$HOST_NS" link set lo up
  ip -n "$LAN_NS" link set lo up
  # Create the pair directly inside the namespaces: never even briefly in the root namespace.
  ip -n "$HOST_NS" link add "${LAB}up" type veth peer name "${LAB}lan" netns "$LAN_NS"
  ip -n "$HOST_NS" addr add 198.51.100.1/24 dev "${LAB}up"
  ip -n "$HOST_NS" link set "${LAB}up" up
  ip -n "$LAN_NS" addr add 198.51.100.2/24 dev "${LAB}lan"
  ip -n "$LAN_NS" link set "${LAB}lan" up
  ip -n "$LAN_NS" route add default via 198.51.100.1
}

# The lab host's own /etc/resolv.conf. dockerd reads /etc/resolv.conf when it creates a container,
# so containerd and dockerd run in a mount namespace of their own where $LABDIR/resolv.conf is
# bound over /etc/resolv.conf: DNS tests change the lab host's DNS (udhcpc rewrites that file in
# place) exactly as DHCP changes a laptop's, and the machine's own /etc/resolv.conf is never
# touched. Propagation "slave": mounts made in there never reach the machine's mount table.
mount_holder() { cat "$LABDIR/mntns.pid"; }

# Run inside a new mount namespace that is in the lab host netns: /sys stays the machine's
# (cgroups live under it), but the network parts are bound from a sysfs mounted in this netns,
# so daemons reading /sys/class/net see the lab's links, as on a real host. The class/net
# entries are symlinks into devices/virtual/net: both are bound. MNT ROOT: a scratch mount
# point and the root the daemons will see ("" or a chroot's).
net_sysfs_of_netns() {
  mkdir -p "$1"
  mount -t sysfs sysfs "$1"
  mount --bind "$1/class/net" "$2/sys/class/net"
  mount --bind "$1/devices/virtual/net" "$2/sys/devices/virtual/net"
}

start_mount_namespace() {
  printf '# the lab host resolv.conf (BP_LAB_RESOLV_CONF); DNS tests rewrite it in place\nnameserver 198.51.100.2\n' >"$LABDIR/resolv.conf"
  # exec -a: the holder's argv names the lab dir, so teardown finds it like every other lab process.
  # It starts in the lab host netns so that it can give the daemons a /sys/class/net of that
  # netns (net_sysfs_of_netns): Docker 28 reads bridge port states there.
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid nsenter --net="/run/netns/$HOST_NS" -- unshare --mount --propagation slave -- bash -c \
    "$(declare -f net_sysfs_of_netns)"'
    set -e; mount --bind "$1" /etc/resolv.conf; net_sysfs_of_netns "$2/sysfs" ""
    exec -a "bridgeport-lab-mntns $2" sleep infinity' \
    lab-mntns "$LABDIR/resolv.conf" "$LABDIR" </dev/null >>"$LABDIR/mntns.log" 2>&1 &
  echo $! >"$LABDIR/mntns.pid"
  local i pid=$!
  for ((i = 0; i < 100; i++)); do
    if [[ $(argv_of "$pid") == "bridgeport-lab-mntns $LABDIR"* ]]; then
      [[ $(nsenter --mount="/proc/$pid/ns/mnt" cat /etc/resolv.conf) == "$(cat "$LABDIR/resolv.conf")" ]] && return 0
      break
    fi
    alive "$pid" || break
    sleep 0.05
  done
  cat "$LABDIR/mntns.log" >&2 2>/dev/null || true
  die "the lab's mount namespace did not come up"
}

build_image() {
  local root=$LABDIR/rootfs applet
  mkdir -p "$root"/{bin,etc,www,tmp,proc,sys,dev,root,var/run}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox" # busybox-static: no libraries needed in the image
  for applet in $(/bin/busybox --list); do
    [[ $applet == busybox ]] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf '<!doctype html><title>bridgeport lab</title><h1>bridgeport lab</h1>\n' >"$root/www/index.html"
  # import cannot set CMD by itself; --change can.
  tar -C "$root" -c . | engine_import_image
  rm -rf "$root"
}

usage() {
  cat >&2 <<EOF
usage: [BP_LAB_ENGINE=docker28|docker26|docker20|podman5|docker28+podman5] bash ${BASH_SOURCE[0]} CMD [ARGS...]
       bash ${BASH_SOURCE[0]} --teardown LAB
       bash ${BASH_SOURCE[0]} --restart-dockerd LAB
       bash ${BASH_SOURCE[0]} --firewall-reload LAB
EOF
  exit 2
}

existing_lab() { # OPTION LAB: a running lab and its engine
  [[ ${2:-} =~ ^bp[a-z0-9]{5}$ ]] || die "$1 needs a lab name like bpab12c"
  set_lab "$2"
  set_engine "$(lab_engine_of "$LABDIR")"
}

main() {
  (($# > 0)) || usage
  [[ $(id -u) == 0 ]] || die "needs root (network namespaces, dockerd)"

  if [[ $1 == --teardown ]]; then
    existing_lab "$@"
    BP_LAB_KEEP=0
    trap on_exit EXIT
    return 0
  fi

  # An engine daemon restart, as users get one from their package manager (tests of what
  # survives it), and Podman's firewall reload (what a firewalld reload hook runs).
  if [[ $1 == --restart-dockerd || $1 == --firewall-reload ]]; then
    existing_lab "$@"
    [[ -d $LABDIR && -e /run/netns/$HOST_NS ]] || die "no running lab $2"
    if [[ $1 == --restart-dockerd ]]; then
      engine_restart
      log "lab $LAB: $ENGINE daemon restarted"
    else
      engine_firewall_reload
      log "lab $LAB: $ENGINE firewall reloaded"
    fi
    return 0
  fi

  set_engine "${BP_LAB_ENGINE:-docker28}"
  ensure_engine

  local t0=$EPOCHREALTIME i
  trap on_exit EXIT
  trap 'on_signal INT 2' INT
  trap 'on_signal TERM 15' TERM
  trap 'on_signal HUP 1' HUP

  # mkdir is the lock: a name whose dir or namespaces exist belongs to another lab.
  local name="" candidate
  for ((i = 0; i < 20; i++)); do
    candidate=$(random_lab_name)
    if [[ ! -e /run/netns/$candidate-host ]] && mkdir -m 0700 "/tmp/bridgeport-lab-$candidate" 2>/dev/null; then
      name=$candidate
      break
    fi
  done
  [[ -n $name ]] || die "could not pick a free lab name"
  set_lab "$name"
  echo "$ENGINE" >"$LABDIR/engine"

  log "lab $LAB: namespaces"
  make_namespaces
  log "lab $LAB: engine $ENGINE"
  engine_start
  log "lab $LAB: image $IMAGE"
  build_image
  log "lab $LAB ready in $(elapsed "$t0")s; running: $*"

  # CMD runs in the lab host namespace (nsenter --net only: `ip netns exec` would remount /sys).
  # It runs as a background job we `wait` for, so a SIGTERM sent to this script is handled at
  # once instead of after CMD ends. In the subshell, `trap -` undoes the SIGINT/SIGQUIT ignore
  # that bash gives background jobs, and `<&0` keeps our stdin (else it would be /dev/null).
  (
    trap - INT QUIT
    exec nsenter --net="/run/netns/$HOST_NS" -- env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u CONTAINER_HOST \
      PATH="$(engine_path)" DOCKER_HOST="unix://$(engine_sock)" ${ENGINE_CMD_ENV[@]+"${ENGINE_CMD_ENV[@]}"} \
      BP_LAB="$LAB" BP_LAB_DIR="$LABDIR" BP_LAB_ENGINE="$ENGINE" \
      BP_LAB_HOST_NS="$HOST_NS" BP_LAB_LAN_NS="$LAN_NS" BP_LAB_IMAGE="$IMAGE" BP_LAB_RESOLV_CONF="$LABDIR/resolv.conf" BRIDGEPORT_RESOLV_CONF="$LABDIR/resolv.conf" "$@"
  ) <&0 &
  CMD_PID=$!
  local rc=0
  wait "$CMD_PID" || rc=$?
  CMD_PID=""
  ((rc == 0)) || log "command exited with $rc"
  exit "$rc"
}

# On one line: bash reads scripts as it runs them, so a lab.sh edited while a lab is running
# must not feed the running shell new lines after main returns.
main "$@"; exit
