// What the flows view cannot see, and why, in sentences: messages of catalogue engine-flows, with
// their English beside them. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../shared/message';
import { NO_PRIVILEGE_MESSAGE } from '../access/no-privilege';

export interface FlowVisibility {
  /** net.netfilter.nf_conntrack_acct in the host's namespace. */
  accounting: boolean;
  /** net.bridge.bridge-nf-call-iptables: null when br_netfilter is not loaded at all. */
  bridgeNetfilter: boolean | null;
  /** Connections forgotten because the table was full. */
  dropped: number;
}

const flows = (key: string, params: Record<string, MessageParam> = {}) => message(`engine-flows:${key}`, params);

/** The limitations as messages, one per sentence. */
export function flowLimitationMessages(v: FlowVisibility): Message[] {
  const notes: Message[] = [];
  if (!v.accounting) notes.push(flows('limitation.accountingOff'));
  if (v.bridgeNetfilter !== true) notes.push(flows(v.bridgeNetfilter === null ? 'limitation.bridgeUnseenNotLoaded' : 'limitation.bridgeUnseen'));
  if (v.dropped > 0) notes.push(flows('limitation.tableFull', { count: v.dropped }));
  return notes;
}

/** Conntrack could not be read without privilege (the reason is engine/access's, said once in engine-common). */
export const CONNTRACK_UNREAD = flows('limitation.conntrackUnread', { reason: NO_PRIVILEGE_MESSAGE });

/** The report's `limitations` and `limitationsMessages`. */
export const limitationsOf = (notes: Message[]) => ({ limitations: notes.map(inEnglish), limitationsMessages: notes });
