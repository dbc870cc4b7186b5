// A packet path when the firewall could not be read: no answer is given as if it had been. Without the
// rules a published port looks like a host socket (its DNAT happens before any socket lookup) and a
// DROP looks like delivery, so the outcome is 'unknown', with the reason, and no steps. Pure.
import type { Message } from '../../../shared/message';
import { pathMessage as p, said } from './path-message';
import type { PathResult } from './path-types';

/**
 * `reasons` are the firewall reader's warnings; `reasonMessages` the same as messages when the reader
 * gives them (otherwise each reason is shown as its English text).
 */
export function withoutFirewall(traced: PathResult, reasons: readonly string[], reasonMessages?: readonly Message[]): PathResult {
  const messages = reasons.map((text, i) => reasonMessages?.[i] ?? p('what', { what: text }));
  const why = messages[0] ?? p('outcome.firewallUnread');
  const { protocol, destination, port } = traced.packet;
  return {
    steps: [],
    outcome: { kind: 'unknown', ...said(p('outcome.withoutFirewall', { to: `${destination}:${port}/${protocol}`, why })) },
    caveats: [...reasons],
    caveatMessages: messages,
    packet: traced.packet,
  };
}
