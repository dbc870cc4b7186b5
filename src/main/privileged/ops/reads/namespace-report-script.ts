// A fixed shell script run under `unshare --mount` (a private mount namespace: nothing it mounts is
// visible to the system, and all of it vanishes with the process). It takes no arguments; it reads
// lines `named NAME`, `pid PID` (read it) and `nsid PID` (only its nsid: its view is cached) from
// stdin as the engine learns them (container pids arrive while Docker is still being inspected), and
// prints one section per namespace, headed by an `@@` line.
// - Each namespace is read with nsenter + `ip -batch` (process start-up is the cost here, so that is
//   all the per-namespace work), a few at a time, each into its own file.
// - Inside a container, `ip netns list` sees only the host's entry of a private /run/netns, so it
//   reports the host's nsid from the container's side.
// - At the end one `ip -batch` binds every container namespace there and reports each one's nsid
//   from the host's side.
// Named namespaces are reached through a descriptor opened on the real /run/netns before the
// private tmpfs hides it. The host's entry is named HOST_ALIAS (the engine's parser looks for it).
import { HOST_ALIAS } from '../../contract/read-operations';

export const NAMESPACE_REPORT_SCRIPT = `
exec 3</run/netns 2>/dev/null || exec 3</dev/null
mount -t tmpfs bridgeport-ns-reader /run || exit 1
mkdir /run/netns /run/bp
: > /run/netns/${HOST_ALIAS} && mount --bind /proc/self/ns/net /run/netns/${HOST_ALIAS} || exit 1
printf 'addr show\\nnetns list\\n' > /run/bp/commands
read_ns() { # $1 = section header, $2 = namespace file
  { echo "@@$1"; nsenter --net="$2" ip -j -d -batch /run/bp/commands 2>/dev/null || echo "@@error"; } > "/run/bp/out.$3"
}
pids=""
n=0
running=0
while read -r kind arg; do
  n=$((n + 1))
  case "$kind" in
    named) read_ns "named $arg" "/proc/$$/fd/3/$arg" "$n" & ;;
    pid) case "$arg" in *[!0-9]*|"") continue ;; esac
      pids="$pids $arg"
      read_ns "pid $arg" "/proc/$arg/ns/net" "$n" & ;;
    nsid) case "$arg" in *[!0-9]*|"") continue ;; esac
      pids="$pids $arg"
      continue ;;
    *) continue ;;
  esac
  running=$((running + 1))
  if [ "$running" -ge 4 ]; then wait; running=0; fi
done
wait
echo "@@nsids"
for pid in $pids; do echo "netns attach $pid $pid"; done > /run/bp/attach
echo "netns list" >> /run/bp/attach
ip -j -force -batch /run/bp/attach 2>/dev/null
cat /run/bp/out.* 2>/dev/null
exit 0
`;
