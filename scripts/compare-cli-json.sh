#!/usr/bin/env bash
# Proves that the CLI's --json outputs did not change across a restructuring: the same commands,
# run by the build of BASE_REF ("base") and by a build of the working tree as it is now
# ("current"), back to back inside ONE throw-away lab (test/lab/lab.sh + the seed scenario), so
# both see the very same containers, ids, veths and rules.
#
#   bash scripts/compare-cli-json.sh BASE_REF          e.g.  bash scripts/compare-cli-json.sh 4f52ae8
#   BP_COMPARE_RETRY=600 bash scripts/compare-cli-json.sh 4f52ae8   # wait for a working tree that builds
#   bash scripts/compare-cli-json.sh --compare RUN_DIR  # compare a finished run's outputs again
#
# Prints one line per command (`identical` / `DIFFERENT` + the diff) and a final
# `N identical, M different`; exits 1 on any difference, 2 on a setup failure. Run as root.
# Compared per command: stdout (normalised, see normalise()), stderr and the exit code.
# Read-only commands run base, current, base again; a DIFFERENT line says whether base and
# base-again differ too (volatility) or agree (a change of the restructuring). Write round-trips
# (publish/unpublish, link add/del) run the whole sequence per build, each from the same lab state
# (reset_state) with a config dir of its own.
#
# What it touches:
#   * a worktree of BASE_REF (detached) in $BP_COMPARE_DIR/base-<sha> (made once, reused after;
#     `git worktree add` is the only git command that writes, and only under .git/worktrees);
#   * a copy of the working tree (tracked + untracked, not ignored files) in
#     $BP_COMPARE_DIR/current: the working tree is edited by others while this runs, so "current"
#     is a snapshot of the moment this script started (SNAPSHOT-OF-WORKTREE.txt lists it), built
#     there. The checkout's own out/ is left alone;
#   * both get node_modules as a symlink to the checkout's, and `npm run build`;
#   * raw (*.out/*.err/*.rc) and normalised (*.norm) outputs and lab state records in
#     $BP_COMPARE_DIR/run-<time>/ (kept for inspection).
#   Everything that changes the network happens inside the lab's namespaces (lab.sh makes and
#   removes them). BP_COMPARE_DIR defaults to /tmp/bridgeport-compare.
#
# Internal mode (lab.sh runs it inside the lab host namespace):
#   bash scripts/compare-cli-json.sh --inside BASE_TREE CURRENT_TREE RUN_DIR
set -euo pipefail

log() { printf '[compare] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------
# The commands. Read-only ones run base, current, then base again (a control: a difference that
# also shows between the two base runs is volatility, not the restructuring).
# LAB_HOST is the lab host's uplink address (lab.sh: ${LAB}up 198.51.100.1/24); the seed
# publishes w1 8080->80 and w2 8181->80 on every host address.
# ---------------------------------------------------------------------------------------------
readonly LAB_HOST=198.51.100.1
readonly -a READ_ONLY=(
  "snapshot|snapshot --json"
  "ports|ports --json"
  "nat|nat --json"
  "path-lan-tcp-8080|path $LAB_HOST:8080 --from lan --json"
  "path-lan-udp-8080|path $LAB_HOST:8080/udp --from lan --json"
  "path-host-loopback-8181|path 127.0.0.1:8181 --from host --json"
  "path-host-8080|path $LAB_HOST:8080 --from host --json"
  "path-container-dual-8181|path $LAB_HOST:8181 --from dual --json"
  "networks-ls|networks ls --json"
  "networks-suggest-subnet|networks suggest-subnet --json"
  "mappings|mappings --json"
  "dns|dns --json"
  "doctor|doctor --json"
  "made|made --json"
  "traffic|traffic --json --count 1"
)
# Write round-trips: the whole sequence runs for base, then current, then base again (the control),
# each with a config dir of its own and from the same lab host state (see reset_state); step N
# of base is compared with step N of current. Steps: CLI arguments; "sh …" runs a shell command in
# the lab (its output is compared too); "files" prints the sequence's config dir (the on-disk
# format each build wrote).
readonly -a ROUND_TRIP_PUBLISH=(
  "publish|publish w1 9191:80 --json"
  "files|files"
  "mappings|mappings --json"
  "ports|ports --json"
  "nat|nat --json"
  "path-lan-9191|path $LAB_HOST:9191 --from lan --json"
  "path-lan-9191-udp|path $LAB_HOST:9191/udp --from lan --json"
  "lan-wget-9191|sh nsenter --net=/run/netns/\$BP_LAB_LAN_NS timeout 3 busybox wget -q -O - http://$LAB_HOST:9191/"
  "ports-after-request|ports --json"
  "reconcile|reconcile --json"
  "unpublish|unpublish w1 9191"
  "mappings-after|mappings --json"
  "ports-after|ports --json"
  "nat-after|nat --json"
  "files-after|files"
)
readonly -a ROUND_TRIP_LINKS=(
  "add-bridge|link add-bridge bpcmp0 --address 10.123.0.1/24 --json"
  "add-veth|link add-veth bpcmpa bpcmpb --master bpcmp0 --json"
  "made|made --json"
  "files|files"
  "down|link down bpcmpb --json"
  "del-veth|link del bpcmpa --json"
  "del-bridge|link del bpcmp0 --json"
  "made-after|made --json"
  "files-after|files"
)
readonly -a SIDES=(base current base-again)

# ---------------------------------------------------------------------------------------------
# Normalisations: ONLY what is inherently volatile between two runs seconds apart. Each is a
# perl substitution on the raw text (keyed by the exact JSON key), so everything else, layout
# included, still compares byte for byte. Outputs that needed none are reported as
# "(raw bytes identical)", the others as "(identical after normalising)".
# ---------------------------------------------------------------------------------------------
normalise() { # LABEL FILE-IN FILE-OUT MAPPING-ID(or empty)
  local label=$1 in=$2 out=$3 id=$4
  local -a subs=()
  # snapshot: `takenAt` is the wall clock of the reading (take-snapshot.ts: new Date()).
  subs+=('s/"takenAt": "[^"]*"/"takenAt": "<time>"/g')
  # publish/mappings/made: `createdAt` is the wall clock of the publish / link creation
  # (port-publisher.ts, link-wiring.ts: new Date()); base and current create at different seconds.
  subs+=('s/"createdAt": "[^"]*"/"createdAt": "<time>"/g')
  case $label in
    *-files*)
      # config dir files: events.jsonl lines carry `at`, the wall clock of each publish/unpublish
      # (event-log.ts: new Date()).
      subs+=('s/"at":"[^"]*"/"at":"<time>"/g')
      ;;
    traffic)
      # traffic: `at` is the wall clock of the sample; rx/tx bytes and packets are live kernel
      # totals of interfaces (ARP, docker-proxy health, our own runs) and the rates are deltas
      # over one interval: they move between two runs. Names, containers and the set and order
      # of interfaces still compare exactly.
      subs+=('s/"at":"[^"]*"/"at":"<time>"/g')
      subs+=('s/"((?:rx|tx)(?:Bytes|Packets|Rate))":-?[0-9.eE+-]+/"$1":"<counter>"/g')
      ;;
  esac
  if [[ -n $id ]]; then
    # publish round-trip: the mapping id is random per publish (port-publisher.ts:
    # randomBytes(6).toString('hex')); it shows as `id`, `mappingId` and in rule comments
    # ("bridgeport:<id>"). Every occurrence of that one value becomes <mapping-id>.
    subs+=("s/\\Q$id\\E/<mapping-id>/g")
  fi
  local prog
  prog=$(printf '%s;\n' "${subs[@]}")
  perl -pe "$prog" "$in" >"$out"
}

# ---------------------------------------------------------------------------------------------
# Inside the lab
# ---------------------------------------------------------------------------------------------
run_cli() { # TREE CONFIG-DIR OUT-PREFIX ARGS...: stdout, stderr, exit code to OUT-PREFIX.{out,err,rc}
  local tree=$1 cfg=$2 prefix=$3 rc=0
  shift 3
  env BRIDGEPORT_CONFIG_DIR="$cfg" \
    BRIDGEPORT_DOCKER_DAEMON_JSON="$BP_LAB_DIR/daemon.json" \
    BRIDGEPORT_DOCKER_DROPIN_DIR="$RUN/empty-dropin" \
    BRIDGEPORT_RESOLVED_UPSTREAM="$RUN/no-resolved-upstream.conf" \
    node "$tree/bin/bridgeport.js" "$@" >"$prefix.out" 2>"$prefix.err" </dev/null || rc=$?
  echo "$rc" >"$prefix.rc"
}

# What a round-trip may leave behind and the next one would see: firewall tables and rules
# (counters left out), route_localnet, bridge ports (hairpin), links and addresses.
fw_state() {
  local strip='s/^(:[^ ]+ [^ ]+) \[[0-9]+:[0-9]+\]$/\1/'
  echo "## nft tables"; nft list tables 2>&1 || true
  echo "## iptables-save"; { iptables-save 2>&1 || true; } | sed -E -e '/^#/d' -e "$strip"
  echo "## ip6tables-save"; { ip6tables-save 2>&1 || true; } | sed -E -e '/^#/d' -e "$strip"
  echo "## route_localnet"; grep -H . /proc/sys/net/ipv4/conf/*/route_localnet 2>&1 || true
  echo "## bridge ports"; bridge -d link show 2>&1 || true
  echo "## links"; ip -br link 2>&1 || true
  echo "## addresses"; ip -br addr 2>&1 || true
}

# Both builds' write sequences must start from the same state, so before each sequence
# (base's too) the lab host is brought back to the state recorded before the first one, for what a
# publish leaves behind by design, in the lab host namespace only:
#  * iptables-nft creates a table the first time a rule goes into it and nothing removes it: the
#    first publish leaves an empty `ip raw` table (built-in chains, no rules). Empty tables that
#    were not there at the start are deleted;
#  * publish turns hairpin on for the container's bridge port (privileged/ops/hairpin.ts,
#    ensureHairpin) and unpublish leaves it on (both builds): hairpin and route_localnet are set
#    back to their recorded values;
#  * rule counters are cumulative and the sequence's own request (lan-wget) moves Docker's rules'
#    counters: every counter is zeroed, so each sequence's outputs count only its own traffic.
# What was done goes to state/reset-<sequence>.<side>.txt; anything else left over shows in the
# report as a difference of the start states.
hairpins() { ip -j -d link show | jq -r '.[] | select(.linkinfo.info_slave_kind == "bridge") | "\(.ifname) \(.linkinfo.info_slave_data.hairpin)"'; }

reset_state() { # STATE-DIR
  local dir=$1 family name t value file want
  while read -r _ family name; do
    grep -qx "table $family $name" "$dir/pristine-tables.txt" && continue
    if [[ $(nft -j list table "$family" "$name" | jq '[.nftables[] | select(.rule or (.chain and (.chain.hook | not)))] | length') == 0 ]]; then
      echo "deleted empty table $family $name"
      nft delete table "$family" "$name"
    fi
  done < <(nft list tables)
  while read -r name want; do
    [[ -n $name ]] || continue
    value=$(ip -j -d link show dev "$name" 2>/dev/null | jq -r '.[0].linkinfo.info_slave_data.hairpin') || continue
    if [[ $value != "$want" ]]; then
      echo "hairpin of $name: $value -> $want"
      ip link set dev "$name" type bridge_slave hairpin "$([[ $want == true ]] && echo on || echo off)"
    fi
  done <"$dir/pristine-hairpin.txt"
  while IFS=: read -r file want; do
    [[ -f $file ]] || continue
    value=$(cat "$file")
    if [[ $value != "$want" ]]; then
      echo "$file: $value -> $want"
      echo "$want" >"$file"
    fi
  done <"$dir/pristine-route-localnet.txt"
  for t in $(iptables-save | sed -n 's/^\*//p'); do iptables -t "$t" -Z; done
  for t in $(ip6tables-save | sed -n 's/^\*//p'); do ip6tables -t "$t" -Z; done
  echo "zeroed all rule counters"
}

record_pristine() { # STATE-DIR
  fw_state >"$1/pristine.txt"
  nft list tables >"$1/pristine-tables.txt"
  hairpins >"$1/pristine-hairpin.txt"
  grep -H . /proc/sys/net/ipv4/conf/*/route_localnet >"$1/pristine-route-localnet.txt"
}

run_step() { # TREE CONFIG-DIR OUT-PREFIX ARGS
  local tree=$1 cfg=$2 prefix=$3 args=$4 rc=0
  case $args in
    files)
      mkdir -p "$cfg"
      (cd "$cfg" && for f in $(find . -type f | LC_ALL=C sort); do echo "== $f"; cat "$f"; done) >"$prefix.out" 2>"$prefix.err" || rc=$?
      echo "$rc" >"$prefix.rc"
      ;;
    sh\ *)
      bash -c "${args#sh }" >"$prefix.out" 2>"$prefix.err" </dev/null || rc=$?
      echo "$rc" >"$prefix.rc"
      ;;
    *)
      # shellcheck disable=SC2086  # the argument strings above are split on purpose
      run_cli "$tree" "$cfg" "$prefix" $args
      ;;
  esac
}

inside() {
  local base=$1 current=$2
  RUN=$3
  : "${BP_LAB:?not inside a lab}" "${BP_LAB_DIR:?}" "${DOCKER_HOST:?}"
  mkdir -p "$RUN/raw" "$RUN/state" "$RUN/empty-dropin"
  log "lab $BP_LAB: seeding the scenario"
  bash "$current/test/lab/seed-scenario.sh"
  # Let the seed's own traffic (wget checks) and Docker's setup settle.
  sleep 2
  docker ps -a --no-trunc --format '{{.Names}} {{.ID}} {{.Status}}' >"$RUN/containers.txt"

  local entry label args side tree
  tree_of() { case $1 in current) echo "$current" ;; *) echo "$base" ;; esac; }
  for entry in "${READ_ONLY[@]}"; do
    label=${entry%%|*} args=${entry#*|}
    log "read-only: $label"
    for side in "${SIDES[@]}"; do
      run_step "$(tree_of "$side")" "$RUN/config-$side" "$RUN/raw/$label.$side" "$args"
    done
  done

  record_pristine "$RUN/state"
  local rt i
  for rt in publish links; do
    local -n seq=ROUND_TRIP_${rt^^}
    for side in "${SIDES[@]}"; do
      tree=$(tree_of "$side")
      reset_state "$RUN/state" >"$RUN/state/reset-$rt.$side.txt"
      fw_state >"$RUN/state/before-rt-$rt.$side.txt"
      i=0
      for entry in "${seq[@]}"; do
        i=$((i + 1))
        label=rt-$rt-$(printf %02d $i)-${entry%%|*} args=${entry#*|}
        log "$side: $label"
        run_step "$tree" "$RUN/config-rt-$rt-$side" "$RUN/raw/$label.$side" "$args"
      done
      fw_state >"$RUN/state/after-rt-$rt.$side.txt"
    done
    unset -n seq
  done
}

# ---------------------------------------------------------------------------------------------
# Outside: trees, builds, the lab, then the comparison
# ---------------------------------------------------------------------------------------------
build_tree() { # DIR NAME: npm run build, log in DIR/build.log; returns non-zero when it fails
  log "building $2 in $1 (log: $1/build.log)"
  if ! (cd "$1" && NO_COLOR=1 FORCE_COLOR=0 npm run build) >"$1/build.log" 2>&1 || [[ ! -f $1/out/main/cli.js ]]; then
    grep -E 'error|Error|MISSING' "$1/build.log" | head -n 10 | sed 's/^/[compare]   /' >&2
    return 1
  fi
}

snapshot_worktree() { # MAIN DEST: tracked + untracked (not ignored) files as they are now
  local main=$1 current=$2
  rm -rf "$current"
  mkdir -p "$current"
  (cd "$main" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e $f || -L $f ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -C "$current" -xf -)
  ln -s "$(readlink -f "$main/node_modules")" "$current/node_modules"
  {
    echo "HEAD $(git -C "$main" rev-parse HEAD)"
    git -C "$main" --no-optional-locks status --porcelain
  } >"$current/SNAPSHOT-OF-WORKTREE.txt"
  log "current = working tree of $main at HEAD $(git -C "$main" rev-parse --short HEAD) plus $(($(wc -l <"$current/SNAPSHOT-OF-WORKTREE.txt") - 1)) changed/untracked paths"
}

mapping_id_of() { # PUBLISH-JSON-FILE: the mapping id, or nothing
  node -e 'try { const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (typeof s.id === "string") process.stdout.write(s.id) } catch {}' "$1"
}

compare_pair() { # LABEL LEFT-NAME LEFT-PREFIX RIGHT-NAME RIGHT-PREFIX LEFT-ID RIGHT-ID -> prints, returns 0 if identical
  local label=$1 lname=$2 l=$3 rname=$4 r=$5 lid=$6 rid=$7
  local nl=$l.norm nr=$r.norm note="" d
  if [[ ! -f $l.out || ! -f $r.out || ! -f $l.rc || ! -f $r.rc ]]; then
    printf '%-44s DIFFERENT\n    (no output recorded: %s)\n' "$label" "$( [[ -f $l.rc ]] || printf '%s ' "$lname"; [[ -f $r.rc ]] || printf '%s' "$rname")"
    return 1
  fi
  normalise "$label" "$l.out" "$nl" "$lid"
  normalise "$label" "$r.out" "$nr" "$rid"
  # stderr and the exit code are part of the behaviour; put them in the compared text.
  { printf -- '--- stderr\n'; cat "$l.err" 2>/dev/null; printf -- '--- exit code: %s\n' "$(cat "$l.rc")"; } >>"$nl"
  { printf -- '--- stderr\n'; cat "$r.err" 2>/dev/null; printf -- '--- exit code: %s\n' "$(cat "$r.rc")"; } >>"$nr"
  if cmp -s "$l.out" "$r.out" && cmp -s "$l.err" "$r.err"; then
    note="(raw bytes identical)"
  else
    note="(identical after normalising)"
  fi
  if d=$(diff -u --label "$lname/$label" --label "$rname/$label" "$nl" "$nr"); then
    [[ $(cat "$l.rc") == 0 ]] || note+=" [both exit $(cat "$l.rc"): $(head -c 200 "$l.err" | tr '\n' ' ')]"
    printf '%-44s identical %s\n' "$label" "$note"
    return 0
  fi
  printf '%-44s DIFFERENT\n' "$label"
  printf '%s\n' "$d" | sed 's/^/    /'
  [[ -s $l.err ]] && printf '    %s stderr: %s\n' "$lname" "$(head -c 400 "$l.err" | tr '\n' ' ')"
  [[ -s $r.err ]] && printf '    %s stderr: %s\n' "$rname" "$(head -c 400 "$r.err" | tr '\n' ' ')"
  return 1
}

outside() {
  local ref=$1 main sha dir base current run
  main=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  [[ $(id -u) == 0 ]] || die "needs root (the lab)"
  # shellcheck source=lib/node.sh
  . "$main/scripts/lib/node.sh"
  log "node $(node --version)"
  sha=$(git -C "$main" rev-parse --verify "$ref^{commit}") || die "unknown ref $ref"
  dir=${BP_COMPARE_DIR:-/tmp/bridgeport-compare}
  [[ $dir != "$main"/* ]] || die "BP_COMPARE_DIR must be outside the checkout"
  mkdir -p "$dir"

  # 1. Base: a detached worktree of BASE_REF, reused when it is there and clean.
  base=$dir/base-${sha:0:12}
  if [[ -e $base/.git ]] && [[ $(git -C "$base" rev-parse HEAD) == "$sha" ]]; then
    log "reusing base worktree $base"
    [[ -z $(git -C "$base" --no-optional-locks status --porcelain --untracked-files=no) ]] || die "$base has local changes; remove it (git worktree remove --force $base)"
  else
    [[ ! -e $base ]] || die "$base exists but is not a worktree at $sha; remove it first"
    git -C "$main" worktree add --detach "$base" "$sha" >&2
  fi
  [[ -e $base/node_modules ]] || ln -s "$(readlink -f "$main/node_modules")" "$base/node_modules"
  build_tree "$base" "base ($ref = ${sha:0:12})" || die "the base does not build (log: $base/build.log)"

  # 2. Current: a snapshot of the working tree as it is now (others keep editing it). A tree caught
  #    in the middle of an edit may not build: with BP_COMPARE_RETRY=SECONDS the snapshot is taken
  #    again every 20 s until it builds or the time is up.
  current=$dir/current
  local deadline=$((SECONDS + ${BP_COMPARE_RETRY:-0}))
  while :; do
    snapshot_worktree "$main" "$current"
    if build_tree "$current" current; then break; fi
    ((SECONDS + 20 <= deadline)) || die "the working tree does not build (log: $current/build.log)"
    log "the working tree does not build right now (an edit in progress?); trying again in 20 s"
    sleep 20
  done

  # 3. One lab: seed, run everything.
  run=$dir/run-$(date +%Y%m%d-%H%M%S)
  mkdir -p "$run"
  log "outputs in $run"
  local script
  script=$(readlink -f "${BASH_SOURCE[0]}")
  cp "$script" "$run/compare-cli-json.sh" # the lab runs this copy: stable even if the file is edited meanwhile
  bash "$current/test/lab/lab.sh" bash "$run/compare-cli-json.sh" --inside "$base" "$current" "$run" </dev/null ||
    die "the lab run failed (see above)"

  # 4. Compare.
  compare_all "$run" "$ref" "$sha" "$(git -C "$main" rev-parse --short HEAD)" "$current"
}

compare_all() { # RUN REF SHA HEAD CURRENT
  local run=$1 ref=$2 sha=$3 head=$4 current=$5
  local entry label same=0 different=0
  echo "== base ${ref} (${sha:0:12}) vs current (working tree of $head, snapshot $current)"
  echo "== read-only commands (base, then current, then base again as a control)"
  for entry in "${READ_ONLY[@]}"; do
    label=${entry%%|*}
    if compare_pair "$label" base "$run/raw/$label.base" current "$run/raw/$label.current" "" ""; then
      same=$((same + 1))
    else
      different=$((different + 1))
      control "$run" "$label" "" ""
    fi
  done
  # traffic's counters are normalised away above; what can still be checked: they are kernel totals,
  # so per interface base <= current <= base-again (run in that order). Catches rx/tx swapped or
  # counters read from the wrong side, which the normalised comparison cannot see.
  local mono
  if mono=$(traffic_monotonic "$run/raw/traffic"); then
    printf '%-44s identical %s\n' "traffic-counters" "(base <= current <= base-again for every rx/tx bytes/packets counter)"
    same=$((same + 1))
  else
    printf '%-44s DIFFERENT\n%s\n' "traffic-counters" "$(sed 's/^/    /' <<<"$mono")"
    different=$((different + 1))
  fi
  local rt i idb idc ida
  for rt in publish links; do
    echo "== write round-trip: $rt (whole sequence for base, then current, then base again; own config dirs)"
    for side in "${SIDES[@]}"; do
      [[ -f $run/state/reset-$rt.$side.txt ]] && echo "   reset before $side: $(paste -sd ';' "$run/state/reset-$rt.$side.txt" | sed 's/;/; /g')"
    done
    # The sequences must have started from the same state, else the comparison says nothing.
    for side in current base-again; do
      if [[ ! -f $run/state/before-rt-$rt.base.txt || ! -f $run/state/before-rt-$rt.$side.txt ]]; then
        echo "   WARNING: no record of the state before the $rt sequences"
        break
      fi
      if ! diff -u --label "before base" --label "before $side" "$run/state/before-rt-$rt.base.txt" "$run/state/before-rt-$rt.$side.txt" >"$run/state/start-diff-$rt.$side.txt"; then
        echo "   WARNING: the $side sequence started from another state than base's:"
        sed 's/^/    /' "$run/state/start-diff-$rt.$side.txt"
      fi
    done
    local -n seq=ROUND_TRIP_${rt^^}
    idb="" idc="" ida=""
    if [[ $rt == publish ]]; then
      idb=$(mapping_id_of "$run/raw/rt-publish-01-publish.base.out")
      idc=$(mapping_id_of "$run/raw/rt-publish-01-publish.current.out")
      ida=$(mapping_id_of "$run/raw/rt-publish-01-publish.base-again.out")
    fi
    i=0
    for entry in "${seq[@]}"; do
      i=$((i + 1))
      label=rt-$rt-$(printf %02d $i)-${entry%%|*}
      if compare_pair "$label" base "$run/raw/$label.base" current "$run/raw/$label.current" "$idb" "$idc"; then
        same=$((same + 1))
      else
        different=$((different + 1))
        control "$run" "$label" "$idb" "$ida"
      fi
    done
    unset -n seq
  done
  echo "$same identical, $different different"
  ((different == 0))
}

traffic_monotonic() { # PREFIX: prints the counters that went backwards; fails if any did (or if unreadable)
  local out
  out=$(jq -rs '
    def counters: [.interfaces[] | .name as $n | ("rxBytes", "txBytes", "rxPackets", "txPackets") as $k | {key: "\($n) \($k)", value: .[$k]}] | from_entries;
    (.[0] | counters) as $a | (.[1] | counters) as $b | (.[2] | counters) as $c
    | ($a | keys[]) as $k | select(($b[$k] == null) or ($c[$k] == null) or ($a[$k] > $b[$k]) or ($b[$k] > $c[$k]))
    | "\($k): base \($a[$k]), current \($b[$k]), base-again \($c[$k])"
  ' "$1.base.out" "$1.current.out" "$1.base-again.out" 2>&1) || { echo "could not read the traffic outputs: $out"; return 1; }
  [[ -z $out ]] || { echo "$out"; return 1; }
}

control() { # RUN LABEL BASE-ID BASE-AGAIN-ID: is base vs base-again also different?
  if compare_pair "$2" base "$1/raw/$2.base" base-again "$1/raw/$2.base-again" "$3" "$4" >/dev/null; then
    echo "    control: base and base-again agree, so this is not volatility"
  else
    echo "    control: base and base-again ALSO differ (volatile?): $1/raw/$2.base-again.out"
  fi
}

if [[ ${1:-} == --compare ]]; then # re-compare a finished run: --compare RUN_DIR (labels as above)
  compare_all "$2" "?" "????????????" "?" "?"
  exit
fi
if [[ ${1:-} == --inside ]]; then
  (($# == 4)) || die "usage: $0 --inside BASE_TREE CURRENT_TREE RUN_DIR"
  inside "$2" "$3" "$4"
  exit
fi
(($# == 1)) || { echo "usage: bash $0 BASE_REF" >&2; exit 2; }
outside "$1"
