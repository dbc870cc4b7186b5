// A fixed shell script run under `unshare --mount` (a private mount namespace, so nothing it mounts
// is visible to the system). Arguments are data, never spliced into the script:
//   $1 = number of named namespaces, then their names, then container pids.
// It prints one section per namespace, each headed by an `@@` line, so a single process reads
// every namespace. Container namespaces are bound under a private tmpfs /run/netns so that `ip`
// can report their nsids from the host's side and the host's nsid from their side.
export const NAMESPACE_REPORT_SCRIPT = `
named=$1; shift
while [ "$named" -gt 0 ]; do
  echo "@@named $1"
  ip -j -d -n "$1" addr show || echo "@@error"
  shift; named=$((named - 1))
done
mount -t tmpfs bridgeport-ns-reader /run || exit 1
mkdir /run/netns
: > /run/netns/host && mount --bind /proc/self/ns/net /run/netns/host || exit 1
for pid do
  : > "/run/netns/$pid" && mount --bind "/proc/$pid/ns/net" "/run/netns/$pid" 2>/dev/null
done
echo "@@nsids"
ip -j netns list
for pid do
  echo "@@pid $pid"
  printf 'addr show\\nnetns list\\n' | ip -j -d -n "$pid" -batch - || echo "@@error"
done
`;

/** The name under which the host namespace appears inside each container's view. */
export const HOST_ALIAS = 'host';
