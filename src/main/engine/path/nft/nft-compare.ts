// Does a value read from the packet fit the right side of an nft match: a literal, a prefix, a
// range, an anonymous set or a named set of the rule's table? Three answers: yes, no, or the text
// of what cannot be decided. Pure.
import { inCidr, parseIpv4 } from '../../../netcore/addresses/ipv4';
import { isRecord, kindOf, unwrapElem, type NftValue } from '../../../netcore/nft/nft-json-value';
import { portNumberOf } from '../../../netcore/nft/service-ports';
import type { NftRuleSource } from '../../../netcore/rules/parsed-rule';
import { PROTOCOL_NUMBERS, type Read } from './nft-value';

export type Fit = boolean | string;

function numberOf(value: NftValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  if (value in PROTOCOL_NUMBERS) return PROTOCOL_NUMBERS[value]!;
  const n = Number(/^(0x[0-9a-f]+|\d+)$/i.test(value) ? value : portNumberOf(value));
  return Number.isFinite(n) ? n : null;
}

function interfaceFits(pattern: string, name: string): boolean {
  return pattern.endsWith('*') && !pattern.endsWith('\\*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern.replace(/\\\*$/, '*');
}

function literalFits(read: Read, value: NftValue): Fit {
  switch (read.kind) {
    case 'address':
      return typeof value === 'string' ? value === read.value : `address ${JSON.stringify(value)}`;
    case 'number': {
      const n = numberOf(value);
      return n === null ? `value ${JSON.stringify(value)}` : n >>> 0 === read.value >>> 0;
    }
    case 'name':
      return typeof value === 'string' ? interfaceFits(value, read.value) : `value ${JSON.stringify(value)}`;
    case 'flags':
      return typeof value === 'string' ? read.value.has(value) : `value ${JSON.stringify(value)}`;
    default:
      return `value ${JSON.stringify(value)}`;
  }
}

function rangeFits(read: Read, low: NftValue, high: NftValue): Fit {
  const toNumber = read.kind === 'address' ? (v: NftValue) => (typeof v === 'string' ? parseIpv4(v) : null) : numberOf;
  const value = read.kind === 'address' ? parseIpv4(read.value) : read.kind === 'number' ? read.value : null;
  const [a, b] = [toNumber(low), toNumber(high)];
  if (value === null || a === null || b === null) return `range ${JSON.stringify([low, high])}`;
  return value >= a && value <= b;
}

/** One element: a literal, a prefix, a range or a concatenation of those. */
export function elementFits(read: Read, element: NftValue): Fit {
  const value = unwrapElem(element);
  const k = kindOf(value);
  if (k?.kind === 'prefix' && isRecord(k.body) && read.kind === 'address') {
    const { addr, len } = k.body;
    return typeof addr === 'string' && typeof len === 'number' ? inCidr(`${addr}/${len}`, read.value) : `prefix ${JSON.stringify(k.body)}`;
  }
  if (k?.kind === 'range' && Array.isArray(k.body) && k.body.length === 2) return rangeFits(read, k.body[0], k.body[1]);
  if (k?.kind === 'concat' && Array.isArray(k.body)) {
    const parts: unknown[] = k.body;
    if (read.kind !== 'concat' || read.parts.length !== parts.length) return `concatenation ${JSON.stringify(value)}`;
    const fits = read.parts.map((part, i) => elementFits(part, parts[i]));
    return fits.includes(false) ? false : (fits.find((f) => typeof f === 'string') ?? true);
  }
  return literalFits(read, value);
}

/** The elements a right side stands for; a string when a named set is not known. */
export function elementsOf(right: NftValue, source: NftRuleSource): readonly NftValue[] | string {
  if (typeof right === 'string' && right.startsWith('@')) {
    const set = source.sets[right.slice(1)];
    return set ? set.elem : `the set ${right}, which was not listed`;
  }
  const k = kindOf(right);
  if (k?.kind === 'set') return Array.isArray(k.body) ? k.body : [k.body];
  // Flags listed as a plain array: `ct state { established, related }` prints as ["established", "related"].
  if (Array.isArray(right)) return right;
  return [right];
}

/** Whether any element fits: true, false, or what could not be decided. */
export function anyFits(read: Read, elements: readonly NftValue[]): Fit {
  let undecided: string | null = null;
  for (const element of elements) {
    const fit = elementFits(read, element);
    if (fit === true) return true;
    if (typeof fit === 'string') undecided ??= fit;
  }
  return undecided ?? false;
}

function ordered(op: string, read: Read, right: NftValue): Fit {
  const n = numberOf(right);
  if (read.kind !== 'number' || n === null) return `${op} ${JSON.stringify(right)}`;
  return op === '<' ? read.value < n : op === '>' ? read.value > n : op === '<=' ? read.value <= n : read.value >= n;
}

/** `{ "match": { op, left, right } }` once its left side has been read. */
export function compare(op: string, read: Read, right: NftValue, source: NftRuleSource): Fit {
  if (['<', '>', '<=', '>='].includes(op)) return ordered(op, read, right);
  if (op !== '==' && op !== '!=' && op !== 'in') return `the operator ${op}`;
  const elements = elementsOf(right, source);
  if (typeof elements === 'string') return elements;
  const fit = anyFits(read, elements);
  return typeof fit === 'string' || op !== '!=' ? fit : !fit;
}
