// Whether this process can do the privileged reads: entering other network namespaces needs
// CAP_SYS_ADMIN (setns, mount), which root normally has. Checking the capability rather than the
// uid is what the kernel checks, and lets a test drop it without switching users.
import { readFileSync } from 'node:fs';

const CAP_SYS_ADMIN = 21n;

/** Parses the CapEff line of /proc/self/status. Pure. */
export function hasSysAdmin(procStatus: string): boolean {
  const match = /^CapEff:\s*([0-9a-f]+)$/m.exec(procStatus);
  if (!match?.[1]) return false;
  return ((BigInt(`0x${match[1]}`) >> CAP_SYS_ADMIN) & 1n) === 1n;
}

export function isPrivileged(): boolean {
  try {
    return hasSysAdmin(readFileSync('/proc/self/status', 'utf8'));
  } catch {
    return false;
  }
}
