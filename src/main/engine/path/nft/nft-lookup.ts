// Map lookups of nft rules (`… vmap @jumps`, `dnat to ip daddr . tcp dport map @targets`): the data
// the packet's key selects, none, or what could not be decided. Pure.
import { isRecord, kindOf, lookupOf, type NftValue } from '../../../netcore/nft/nft-json-value';
import type { NftRuleSource } from '../../../netcore/rules/parsed-rule';
import { elementFits, elementsOf } from './nft-compare';
import { readValue } from './nft-value';
import type { WalkEnv } from '../walk-state';

export type Lookup = { kind: 'found'; data: NftValue } | { kind: 'none' } | { kind: 'unknown'; what: string };

function pairOf(element: NftValue): [NftValue, NftValue] | null {
  if (Array.isArray(element) && element.length === 2) return [element[0], element[1]];
  // Some versions wrap a map element: { "elem": { "val": key, … } } paired in an array.
  const k = kindOf(element);
  if (k?.kind === 'elem' && isRecord(k.body) && Array.isArray(k.body.val) && k.body.val.length === 2) return [k.body.val[0], k.body.val[1]];
  return null;
}

/** Looks the packet's key up in the map of `{ key, data }` (vmap) or `{ map: { key, data } }`. */
export function lookUp(env: WalkEnv, body: unknown, source: NftRuleSource): Lookup {
  const lookup = lookupOf(body);
  if (!lookup) return { kind: 'unknown', what: 'a map lookup of an unknown shape' };
  const key = readValue(env, lookup.key);
  if (key.kind === 'unknown') return { kind: 'unknown', what: key.what };
  if (key.kind === 'absent') return { kind: 'none' };
  const elements = elementsOf(lookup.data, source);
  if (typeof elements === 'string') return { kind: 'unknown', what: elements };
  let undecided: string | null = null;
  for (const element of elements) {
    const pair = pairOf(element);
    if (!pair) return { kind: 'unknown', what: `the map element ${JSON.stringify(element)}` };
    const fit = elementFits(key, pair[0]);
    if (fit === true) return { kind: 'found', data: pair[1] };
    if (typeof fit === 'string') undecided ??= fit;
  }
  return undecided ? { kind: 'unknown', what: undecided } : { kind: 'none' };
}

/** `{ "map": { key, data } }` as a value (the address of a dnat statement). */
export function mapValue(env: WalkEnv, expr: NftValue, source: NftRuleSource): Lookup | null {
  const k = kindOf(expr);
  return k?.kind === 'map' ? lookUp(env, k.body, source) : null;
}
