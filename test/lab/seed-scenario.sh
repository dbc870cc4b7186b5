#!/usr/bin/env bash
# Builds Bridgeport's seed scenario inside a running lab (run it as the lab's CMD, or from a
# test that runs inside the lab):  bash test/lab/lab.sh bash test/lab/seed-scenario.sh
#
#   w1, w2      httpd on the default bridge, published 8080->80 and 8181->80
#   intranet    user network 172.28.0.0/16, gateway 172.28.0.1
#   dual        httpd on the default bridge and on intranet
#   i1          httpd on intranet only
#   hostnet     --network host;  nonet  --network none   (both "sleep 1d")
#   bphand0     a bridge made by hand in the lab host namespace
#   $BP_LAB-ns1 a named namespace: veth bpv0 (on bphand0) <-> bpv1 10.99.0.2/24
#
# Prints nothing on stdout; progress goes to stderr. Exits non-zero on the first failed check.
set -euo pipefail

log() { printf '[seed] %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

: "${BP_LAB:?run me inside the lab: bash test/lab/lab.sh bash $0}"
: "${BP_LAB_HOST_NS:?BP_LAB_HOST_NS not set (run inside the lab)}"
: "${BP_LAB_IMAGE:?BP_LAB_IMAGE not set (run inside the lab)}"
: "${DOCKER_HOST:?DOCKER_HOST not set (run inside the lab)}"

# Safety: the hand-made bridge and veth are created in *this* process's namespace. Refuse
# unless that is the lab host namespace, never the machine's own.
[[ " $(ip netns identify 2>/dev/null | tr '\n' ' ') " == *" $BP_LAB_HOST_NS "* ]] ||
  die "not inside network namespace $BP_LAB_HOST_NS; refusing to touch this one"

readonly IMG=$BP_LAB_IMAGE NS1=$BP_LAB-ns1
# The default network: Docker's is "bridge"; Podman's compat API puts containers without
# --network on its own default network "podman" (bridge podman0) and names it so in inspect.
DEFAULT_NET=bridge
[[ ${BP_LAB_ENGINE:-} == podman* ]] && DEFAULT_NET=podman
readonly DEFAULT_NET

exists() { docker "$1" inspect "$2" >/dev/null 2>&1; }

run() { # NAME DOCKER-RUN-ARGS...: start a container unless it already exists, check it runs
  local name=$1
  shift
  if ! exists container "$name"; then
    docker run -d --name "$name" "$@" >/dev/null || die "docker run $name"
  fi
  [[ $(docker inspect -f '{{.State.Running}}' "$name") == true ]] || die "$name is not running"
}

http_ok() { # URL: busybox wget (curl may be absent), retried while httpd starts
  local i
  for ((i = 0; i < 50; i++)); do
    # `timeout`, not `wget -T`: Debian 12's busybox 1.35 wget segfaults on -T.
    timeout 3 busybox wget -q -O - "$1" 2>/dev/null | grep -q 'bridgeport lab' && return 0
    sleep 0.2
  done
  return 1
}

networks_of() { # names, sorted, space-terminated
  docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{"\n"}}{{end}}' "$1" | sed "/^$/d" | sort | tr '\n' ' '
}

log "w1, w2: httpd published on 8080 and 8181"
run w1 -p 8080:80 "$IMG" httpd -f -p 80 -h /www
run w2 -p 8181:80 "$IMG" httpd -f -p 80 -h /www
http_ok http://127.0.0.1:8080/ || die "w1 does not answer on 127.0.0.1:8080"
http_ok http://127.0.0.1:8181/ || die "w2 does not answer on 127.0.0.1:8181"

log "network intranet 172.28.0.0/16"
if ! exists network intranet; then
  docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 intranet >/dev/null ||
    die "docker network create intranet"
fi
[[ $(docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' intranet) == "172.28.0.0/16 172.28.0.1" ]] ||
  die "intranet has the wrong subnet/gateway"

log "dual: default bridge + intranet"
run dual "$IMG" httpd -f -p 80 -h /www
[[ $(networks_of dual) == *intranet* ]] || docker network connect intranet dual || die "network connect intranet dual"
[[ $(networks_of dual) == "$(printf '%s\n' "$DEFAULT_NET" intranet | sort | tr '\n' ' ')" ]] ||
  die "dual is on '$(networks_of dual)', want $DEFAULT_NET + intranet"

log "i1: intranet only"
run i1 --network intranet "$IMG" httpd -f -p 80 -h /www
[[ $(networks_of i1) == "intranet " ]] || die "i1 is on '$(networks_of i1)', want intranet only"
ip=$(docker inspect -f '{{(index .NetworkSettings.Networks "intranet").IPAddress}}' i1)
http_ok "http://$ip/" || die "i1 does not answer on $ip:80"

log "hostnet (--network host), nonet (--network none)"
run hostnet --network host "$IMG" sleep 1d
run nonet --network none "$IMG" sleep 1d
[[ $(docker inspect -f '{{.HostConfig.NetworkMode}}' hostnet) == host ]] || die "hostnet is not on the host network"
[[ $(docker inspect -f '{{.HostConfig.NetworkMode}}' nonet) == none ]] || die "nonet is not on network none"

log "bphand0: a bridge made by hand"
ip link show bphand0 >/dev/null 2>&1 || ip link add bphand0 type bridge || die "ip link add bphand0"
ip link set bphand0 up || die "ip link set bphand0 up"
ip -d link show bphand0 | grep -q 'bridge ' || die "bphand0 is not a bridge"

log "$NS1: veth bpv0 (on bphand0) <-> bpv1 10.99.0.2/24"
[[ -e /run/netns/$NS1 ]] || ip netns add "$NS1" || die "ip netns add $NS1"
ip -n "$NS1" link set lo up
if ! ip link show bpv0 >/dev/null 2>&1; then
  # The peer is created straight inside ns1.
  ip link add bpv0 type veth peer name bpv1 netns "$NS1" || die "ip link add bpv0/bpv1"
fi
ip link set bpv0 master bphand0 || die "enslave bpv0 to bphand0"
ip link set bpv0 up || die "ip link set bpv0 up"
ip -n "$NS1" addr replace 10.99.0.2/24 dev bpv1 || die "address on bpv1"
ip -n "$NS1" link set bpv1 up || die "ip link set bpv1 up"
ip link show bpv0 | grep -q 'master bphand0' || die "bpv0 is not enslaved to bphand0"
ip -n "$NS1" -br addr show bpv1 | grep -q '10\.99\.0\.2/24' || die "bpv1 lacks 10.99.0.2/24"

log "seed scenario ready"
