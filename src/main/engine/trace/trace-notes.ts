// What a kernel trace cannot show, said beside it: messages (catalogue engine-trace). Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
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

const note = (key: string, params: Record<string, string | number> = {}) => message(`engine-trace:note.${key}`, params);

export function traceNoteMessages(f: TraceNoteFacts): Message[] {
  const notes: Message[] = [];
  if (!f.caught) notes.push(note(f.origin === 'lan' ? 'noLanPacket' : 'probeNotSeen', { target: f.target, seconds: f.timeoutSeconds }));
  if (f.variant === 'legacy') notes.push(note('legacyInvisible'));
  notes.push(note(f.origin === 'container' ? 'hostNamespaceFromContainer' : 'hostNamespace'));
  if (f.caught && f.steps.length > 0 && !f.steps.some((s) => s.kind === 'rule' || s.kind === 'policy')) notes.push(note('noChain'));
  if (f.otherPackets > 0) notes.push(note('otherPackets', { count: f.otherPackets }));
  return notes;
}

/** The notes in English, as the CLI and --json print them. */
export const traceNotes = (f: TraceNoteFacts): string[] => traceNoteMessages(f).map(inEnglish);
