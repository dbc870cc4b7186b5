// IPv4 blocks (a CIDR as its first and last address) for network validation: strict parsing of what a
// user typed, lenient parsing of what Docker and the kernel report, overlap and containment. Pure.
import ipaddr from 'ipaddr.js';
import { formatIpv4, parseCidr, parseIpv4 } from '../../netcore/addresses/ipv4';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';

export interface Block {
  first: number;
  last: number;
  prefix: number;
  /** Canonical 'a.b.c.d/len'. */
  text: string;
}

export function blockOf(network: number, prefix: number): Block {
  const size = 2 ** (32 - prefix);
  const first = Math.floor(network / size) * size;
  return { first, last: first + size - 1, prefix, text: `${formatIpv4(first)}/${prefix}` };
}

/** What Docker or `ip` reports ('a.b.c.d/len' or a bare address); host bits are cleared. Null when not IPv4. */
export function looseBlock(text: string): Block | null {
  const cidr = parseCidr(text);
  return cidr ? blockOf(cidr.network, cidr.prefix) : null;
}

export const overlaps = (a: Block, b: Block) => a.first <= b.last && b.first <= a.last;
export const containsBlock = (outer: Block, inner: Block) => outer.first <= inner.first && inner.last <= outer.last;
export const containsAddress = (block: Block, address: number) => block.first <= address && address <= block.last;

/** A dotted IPv4 address exactly as typed (no leading zeros, no spaces), as a number; null otherwise. */
export function strictIpv4(text: string): number | null {
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? parseIpv4(text) : null;
}

/** 'a.b.c.d/len' exactly as typed; `problem` says what is wrong in words, with the fix when there is one (`problemMessage`: the same as a message). */
export type StrictBlock = { block: Block; problem?: undefined; problemMessage?: undefined } | { block?: undefined; problem: string; problemMessage: Message };

const problem = (said: Message): StrictBlock => ({ problem: inEnglish(said), problemMessage: said });

export function strictBlock(text: string): StrictBlock {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
  const address = match ? strictIpv4(match[1]!) : null;
  if (!match || address === null) return problem(message('engine-errors:network.block.notIpv4', { text }));
  const prefix = Number(match[2]);
  if (prefix > 32) return problem(message('engine-errors:network.block.prefixOver32', { text }));
  const block = blockOf(address, prefix);
  if (block.first !== address) return problem(message('engine-errors:network.block.hostBits', { text, network: block.text }));
  return { block };
}

/** Blocks no container network may use, with what they are. */
const SPECIAL_BLOCKS: Array<[Block, string]> = [
  [looseBlock('0.0.0.0/8')!, '"this network" (0.0.0.0/8)'],
  [looseBlock('127.0.0.0/8')!, 'loopback (127.0.0.0/8)'],
  [looseBlock('169.254.0.0/16')!, 'link-local (169.254.0.0/16)'],
  [looseBlock('224.0.0.0/4')!, 'multicast (224.0.0.0/4)'],
  [looseBlock('240.0.0.0/4')!, 'reserved (240.0.0.0/4)'],
];

/** The special range a block touches, in words, or null. */
export function specialRangeOf(block: Block): string | null {
  return SPECIAL_BLOCKS.find(([special]) => overlaps(special, block))?.[1] ?? null;
}

export { formatIpv4 };
