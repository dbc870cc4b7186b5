// Lines of `nft -a monitor` (nftables 1.0.x prints trace events as text even with -j): the kernel's
// own account of one packet, chain by chain. Only the parts Bridgeport shows are read: where the
// packet was (family, table, chain), the rule it met (its text and handle) and the verdict; the
// packet line's interfaces, addresses and ports. Pure.

export interface TracedPacket {
  iif: string | null;
  oif: string | null;
  source: string | null;
  destination: string | null;
  protocol: string | null;
  sourcePort: number | null;
  destinationPort: number | null;
}

export type TraceEventKind = 'packet' | 'rule' | 'policy' | 'return';

export interface NftTraceEvent {
  /** The kernel's trace id: one per packet. */
  id: string;
  family: string;
  table: string;
  chain: string;
  kind: TraceEventKind;
  /** 'rule': the rule as nft prints it, without its handle. */
  rule?: string;
  handle?: number;
  /** accept, drop, continue, jump, goto, return, queue … (a policy: accept or drop). */
  verdict?: string;
  /** The chain of a jump or goto. */
  target?: string;
  packet?: TracedPacket;
}

const TRACE_HEAD = /^trace id (\S+) (\S+) (\S+) (\S+) (.*)$/;
const VERDICT_TAIL = /\s*\(verdict (\S+?)(?: (\S+))?\)\s*$/;
const HANDLE_TAIL = /\s*# handle (\d+)\s*$/;

const quoted = (text: string, key: string): string | null => new RegExp(`(?:^| )${key} "([^"]*)"`).exec(text)?.[1] ?? null;
const word = (text: string, key: string): string | null => new RegExp(`(?:^| )${key} (\\S+)`).exec(text)?.[1] ?? null;
const port = (text: string, protocol: string | null, key: string): number | null => {
  if (!protocol) return null;
  const value = word(text, `${protocol} ${key}`);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
};

export function parseTracedPacket(fields: string): TracedPacket {
  const protocol = /(?:^| )(tcp|udp|sctp|udplite) (?:sport|dport)/.exec(fields)?.[1] ?? (/(?:^| )icmp type/.test(fields) ? 'icmp' : null);
  return {
    iif: quoted(fields, 'iif'),
    oif: quoted(fields, 'oif'),
    source: word(fields, 'ip saddr') ?? word(fields, 'ip6 saddr'),
    destination: word(fields, 'ip daddr') ?? word(fields, 'ip6 daddr'),
    protocol,
    sourcePort: port(fields, protocol, 'sport'),
    destinationPort: port(fields, protocol, 'dport'),
  };
}

function parseRest(rest: string): Omit<NftTraceEvent, 'id' | 'family' | 'table' | 'chain'> | null {
  if (rest.startsWith('packet: ')) return { kind: 'packet', packet: parseTracedPacket(rest.slice('packet: '.length)) };
  const policy = /^policy (\S+)/.exec(rest);
  if (policy) return { kind: 'policy', verdict: policy[1]! };
  if (/^return\b/.test(rest)) return { kind: 'return', verdict: 'return' };
  const verdict = VERDICT_TAIL.exec(rest);
  if (!verdict) return null;
  let text = rest.slice(0, verdict.index);
  // nft cannot print a rule it has no description for ("unknown rule handle 3").
  const unknown = /^unknown rule handle (\d+)$/.exec(text);
  if (unknown) return { kind: 'rule', rule: '', handle: Number(unknown[1]), verdict: verdict[1]!, ...(verdict[2] ? { target: verdict[2] } : {}) };
  if (!text.startsWith('rule ')) return null;
  text = text.slice('rule '.length);
  const handle = HANDLE_TAIL.exec(text);
  if (handle) text = text.slice(0, handle.index);
  return { kind: 'rule', rule: text.trim(), ...(handle ? { handle: Number(handle[1]) } : {}), verdict: verdict[1]!, ...(verdict[2] ? { target: verdict[2] } : {}) };
}

/** One trace line, or null for anything else the monitor prints (added tables, rules …). */
export function parseNftTraceLine(line: string): NftTraceEvent | null {
  const head = TRACE_HEAD.exec(line.trimEnd());
  if (!head) return null;
  const rest = parseRest(head[5]!);
  if (!rest) return null;
  return { id: head[1]!, family: head[2]!, table: head[3]!, chain: head[4]!, ...rest };
}

/** True for the monitor's line announcing that this table was added (the monitor is listening). */
export function isTableAdded(line: string, family: string, table: string): boolean {
  return line.trim() === `add table ${family} ${table}` || line.trim().startsWith(`add table ${family} ${table} `);
}

/** True for any addition to this table the monitor reports (the table, or a chain added to it later). */
export function isTableEvent(line: string, family: string, table: string): boolean {
  const text = line.trim();
  return isTableAdded(text, family, table) || text.startsWith(`add chain ${family} ${table} `);
}
