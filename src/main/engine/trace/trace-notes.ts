// What a kernel trace cannot show, said beside it. Pure.
import type { KernelStep } from '../../../shared/trace-model';
import type { PacketOrigin } from '../path/path-types';

export interface TraceNoteFacts {
  origin: PacketOrigin['kind'];
  caught: boolean;
  timeoutSeconds: number;
  target: string;
  /** The iptables variant of the host: legacy rules never appear in an nftables trace. */
  variant: 'nft' | 'legacy' | null;
  steps: readonly KernelStep[];
  otherPackets: number;
}

export function traceNotes(f: TraceNoteFacts): string[] {
  const notes: string[] = [];
  if (!f.caught) {
    notes.push(
      f.origin === 'lan'
        ? `No packet to ${f.target} arrived within ${f.timeoutSeconds} s: send one from the LAN while the trace waits (a connection from another machine to this host).`
        : `The probe to ${f.target} never reached the host's rules within ${f.timeoutSeconds} s.`,
    );
  }
  if (f.variant === 'legacy') notes.push("This host's iptables is iptables-legacy: its rules are not nftables and never appear in the kernel's trace, so the trace shows only native nftables chains.");
  notes.push(
    f.origin === 'container'
      ? "The trace follows the packet through the host's network namespace, from where it leaves the container: the container's own rules, and what happens to the answer, are not part of it."
      : "The trace follows the packet through the host's network namespace: a container's own rules, and what happens to the answer, are not part of it.",
  );
  if (f.caught && f.steps.length > 0 && !f.steps.some((s) => s.kind === 'rule' || s.kind === 'policy')) notes.push('The packet met no chain of any table on its way.');
  if (f.otherPackets > 0) notes.push(`${f.otherPackets} more packet${f.otherPackets === 1 ? '' : 's'} of the flow (retransmissions) were marked and not followed: the first is what the kernel decided.`);
  return notes;
}
