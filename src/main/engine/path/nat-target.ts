// What a DNAT, REDIRECT, SNAT or MASQUERADE rule does to the packet. Pure apart from the state it
// is given to rewrite.
import type { Message } from '../../../shared/message';
import type { ParsedRule } from '../../netcore/rules/parsed-rule';
import { addressPart, isIpv4 } from '../../netcore/addresses/ipv4';
import { pathMessage as p } from './path-message';
import type { StepVerdict } from './path-types';
import type { WalkEnv } from './walk-state';

/** `summary` completes "Rule … <summary>."; `unknown` names what could not be followed. */
export type NatEffect = { verdict: StepVerdict; summary: Message } | { unknown: Message };

/** 'a.b.c.d[-e.f.g.h][:p[-q]]', ':p' or 'p[-q]' (REDIRECT): the first address and port of each range. */
export function parseNatTo(value: string, portsOnly = false): { address: string | null; port: number | null } | null {
  const [addressRange, portRange] = portsOnly ? ['', value] : (value.split(':') as [string, string | undefined]);
  const address = addressRange.split('-')[0] ?? '';
  if (address !== '' && !isIpv4(address)) return null;
  const port = portRange === undefined || portRange === '' ? null : Number(portRange.split('-')[0]);
  if (port !== null && !Number.isInteger(port)) return null;
  return { address: address === '' ? null : address, port };
}

function dnat(rule: ParsedRule, env: WalkEnv): NatEffect {
  const to = rule.toDestination === null ? null : parseNatTo(rule.toDestination);
  if (to === null) return { unknown: p('nat.unknownTarget', { target: 'DNAT', args: rule.targetArgs }) };
  const { packet } = env.state;
  packet.destination = to.address ?? packet.destination;
  packet.port = to.port ?? packet.port;
  env.state.dnat = true;
  return { verdict: 'dnat', summary: p('nat.destinationRewritten', { to: `${packet.destination}:${packet.port}`, how: 'DNAT' }) };
}

function redirect(rule: ParsedRule, env: WalkEnv): NatEffect {
  const to = rule.toDestination === null ? { address: null, port: null } : parseNatTo(rule.toDestination, true);
  const { state } = env;
  // REDIRECT sends to the host itself: loopback for local traffic, else the arrival interface's address.
  const primary = state.inInterface === null ? '127.0.0.1' : env.facts.primaryAddress(state.inInterface);
  if (to === null || primary === null) return { unknown: p('nat.unknownRedirect', { interface: state.inInterface ?? 'output', args: rule.targetArgs }) };
  state.packet.destination = addressPart(primary);
  state.packet.port = to.port ?? state.packet.port;
  state.dnat = true;
  return { verdict: 'dnat', summary: p('nat.redirected', { to: `${state.packet.destination}:${state.packet.port}`, how: 'REDIRECT' }) };
}

function snat(rule: ParsedRule, env: WalkEnv): NatEffect {
  const to = rule.toDestination === null ? null : parseNatTo(rule.toDestination);
  if (to === null || to.address === null) return { unknown: p('nat.unknownTarget', { target: 'SNAT', args: rule.targetArgs }) };
  env.state.packet.source = to.address;
  env.state.snat = true;
  return { verdict: 'snat', summary: p('nat.sourceRewritten', { to: to.address, how: 'SNAT' }) };
}

function masquerade(env: WalkEnv): NatEffect {
  const out = env.state.outInterface;
  const primary = out === null ? null : env.facts.primaryAddress(out);
  if (primary === null) return { unknown: masqueradeWithoutAddress('MASQUERADE', out) };
  env.state.packet.source = addressPart(primary);
  env.state.snat = true;
  return { verdict: 'masquerade', summary: p('nat.masqueraded', { address: env.state.packet.source, interface: out! }) };
}

/** A MASQUERADE (`how`: the target or statement) out of an interface without an IPv4 address, or none known. */
export function masqueradeWithoutAddress(how: string, out: string | null): Message {
  return out === null ? p('nat.unknownMasqueradeNowhere', { how }) : p('nat.unknownMasquerade', { how, interface: out });
}

export function applyNat(rule: ParsedRule, env: WalkEnv): NatEffect | null {
  switch (rule.target) {
    case 'DNAT':
      return dnat(rule, env);
    case 'REDIRECT':
      return redirect(rule, env);
    case 'SNAT':
      return snat(rule, env);
    case 'MASQUERADE':
      return masquerade(env);
    default:
      return null;
  }
}
