// Whether this process can do the privileged reads (entering other network namespaces).
export function isPrivileged(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
