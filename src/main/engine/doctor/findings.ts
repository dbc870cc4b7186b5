// Per-network findings shared by the checks and the fix planner: does a network's traffic get out
// through filter FORWARD, and is it masqueraded? Pure.
import { inEnglish } from '../../../shared/i18n/english';
import type { Message } from '../../../shared/message';
import { nativeMasquerade, reachesOutside, wantsMasquerade, type BridgeNetwork, type TrafficModel, type Walk } from './bridge-traffic';
import type { DoctorContext } from './doctor-context';

export type ForwardState = 'ok' | 'policy-drop' | 'rule-drop' | 'unknown';

export interface ForwardFinding {
  net: BridgeNetwork;
  out: Walk;
  reply: Walk;
  state: ForwardState;
}

function stateOf(walk: Walk): ForwardState {
  switch (walk.verdict.kind) {
    case 'accept':
      return 'ok';
    case 'drop':
      return walk.verdict.ruleId === null ? 'policy-drop' : 'rule-drop';
    case 'reject':
      return 'rule-drop';
    default:
      return 'unknown';
  }
}

const WORST: ForwardState[] = ['rule-drop', 'policy-drop', 'unknown', 'ok'];

export function forwardFindingsOf(traffic: TrafficModel, bridges: readonly BridgeNetwork[]): ForwardFinding[] {
  return bridges.filter(reachesOutside).map((net) => {
    const out = traffic.outbound(net);
    const reply = traffic.reply(net);
    const states = [stateOf(out), stateOf(reply)];
    return { net, out, reply, state: WORST.find((s) => states.includes(s))! };
  });
}

export function forwardFindings(ctx: DoctorContext): ForwardFinding[] {
  return ctx.traffic ? forwardFindingsOf(ctx.traffic, ctx.bridges) : [];
}

export interface MasqueradeFinding {
  net: BridgeNetwork;
  /** The rule that masquerades its traffic, in words; null when none does. */
  by: string | null;
  /** The same as a message. */
  byMessage: Message | null;
  caveats: string[];
}

export function masqueradeFindings(ctx: DoctorContext): MasqueradeFinding[] {
  const { traffic } = ctx;
  const fw = ctx.facts.firewall;
  if (!traffic || !fw.readable) return [];
  return ctx.bridges.filter(wantsMasquerade).map((net) => {
    const walk = traffic.postrouting(net);
    const byMessage = walk.snat ? walk.decidedByMessage : nativeMasquerade(fw.ruleset, net, ctx.outside);
    return { net, by: byMessage && inEnglish(byMessage), byMessage, caveats: walk.caveats };
  });
}
