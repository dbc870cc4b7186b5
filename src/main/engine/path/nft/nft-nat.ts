// What an nft NAT statement (dnat, snat, masquerade, redirect) does to the packet. Pure apart from
// the state it rewrites.
import type { Message } from '../../../../shared/message';
import { addressPart, isIpv4 } from '../../../netcore/addresses/ipv4';
import { isRecord, kindOf, type NftValue } from '../../../netcore/nft/nft-json-value';
import { portNumberOf } from '../../../netcore/nft/service-ports';
import type { NftRuleSource } from '../../../netcore/rules/parsed-rule';
import { masqueradeWithoutAddress, type NatEffect } from '../nat-target';
import { pathMessage as p } from '../path-message';
import type { WalkEnv } from '../walk-state';
import { mapValue } from './nft-lookup';

export const NFT_NAT_STATEMENTS = new Set(['dnat', 'snat', 'masquerade', 'redirect']);

type Target = { address: string | null; port: number | null } | { none: true } | { unknown: Message };

/** The first address or port of a literal, a range or a prefix. */
function first(value: NftValue): string | number | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  const k = kindOf(value);
  if (k?.kind === 'range' && Array.isArray(k.body)) return first(k.body[0]);
  if (k?.kind === 'prefix' && isRecord(k.body)) return first(k.body.addr);
  return null;
}

function resolved(env: WalkEnv, value: NftValue, source: NftRuleSource): NftValue | { none: true } | { unknown: Message } {
  const lookup = mapValue(env, value, source);
  if (lookup === null) return value;
  if (lookup.kind === 'found') return lookup.data;
  // What a lookup could not decide is nft's own text (a key expression, a set name).
  return lookup.kind === 'none' ? { none: true } : { unknown: p('what', { what: lookup.what }) };
}

/** The address and port a dnat/snat statement gives; a map may give both as `addr . port`. */
function targetOf(env: WalkEnv, body: unknown, source: NftRuleSource): Target {
  if (!isRecord(body)) return { address: null, port: null };
  let address: string | null = null;
  let port: number | null = null;
  for (const [field, raw] of [['addr', body.addr], ['port', body.port]] as const) {
    if (raw === undefined || raw === null) continue;
    const value = resolved(env, raw, source);
    if (isRecord(value) && ('none' in value || 'unknown' in value)) return value as Target;
    const k = kindOf(value);
    const parts = k?.kind === 'concat' && Array.isArray(k.body) ? k.body.map(first) : [first(value)];
    for (const part of parts) {
      if (typeof part === 'string' && isIpv4(part) && field === 'addr') address = part;
      else if (typeof part === 'number') port = part;
      else if (typeof part === 'string' && /^\d+$/.test(portNumberOf(part))) port = Number(portNumberOf(part));
      else return { unknown: p('nat.unknownField', { field, value: JSON.stringify(raw) }) };
    }
  }
  return { address, port };
}

function sourceOf(env: WalkEnv): string | null {
  const out = env.state.outInterface;
  const primary = out === null ? null : env.facts.primaryAddress(out);
  return primary === null ? null : addressPart(primary);
}

/** The effect of a NAT statement; null when a map holds nothing for this packet (no rewrite). */
export function applyNftNat(env: WalkEnv, kind: string, body: unknown, source: NftRuleSource): NatEffect | null {
  const { state } = env;
  if (kind === 'masquerade') {
    const address = sourceOf(env);
    if (address === null) return { unknown: masqueradeWithoutAddress('masquerade', state.outInterface) };
    state.packet.source = address;
    state.snat = true;
    return { verdict: 'masquerade', summary: p('nat.masqueraded', { address, interface: state.outInterface! }) };
  }
  if (kind === 'redirect') {
    const port = isRecord(body) && body.port !== undefined ? first(body.port) : null;
    const primary = state.inInterface === null ? '127.0.0.1' : env.facts.primaryAddress(state.inInterface);
    if (primary === null || (port !== null && typeof port !== 'number')) return { unknown: p('nat.unknownStatement', { statement: 'redirect', what: JSON.stringify(body) }) };
    state.packet.destination = addressPart(primary);
    state.packet.port = port ?? state.packet.port;
    state.dnat = true;
    return { verdict: 'dnat', summary: p('nat.redirected', { to: `${state.packet.destination}:${state.packet.port}`, how: 'redirect' }) };
  }
  const target = targetOf(env, body, source);
  if ('none' in target) return null;
  if ('unknown' in target) return { unknown: p('nat.unknownStatement', { statement: kind, what: target.unknown }) };
  if (kind === 'dnat') {
    state.packet.destination = target.address ?? state.packet.destination;
    state.packet.port = target.port ?? state.packet.port;
    state.dnat = true;
    return { verdict: 'dnat', summary: p('nat.destinationRewritten', { to: `${state.packet.destination}:${state.packet.port}`, how: 'dnat' }) };
  }
  if (target.address === null) return { unknown: p('nat.unknownStatement', { statement: 'snat', what: JSON.stringify(body) }) };
  state.packet.source = target.address;
  state.snat = true;
  return { verdict: 'snat', summary: p('nat.sourceRewritten', { to: target.address, how: 'snat' }) };
}
