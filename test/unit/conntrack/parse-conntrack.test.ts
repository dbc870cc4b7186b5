// conntrack -L / -E text lines captured in a Docker 28 lab (test/fixtures/conntrack/README.md):
// w1 172.17.0.2 (published 8080->80), w2 172.17.0.3, LAN client 198.51.100.2, lab host uplink
// 198.51.100.1. Every captured line parses; lines that are not entries never become one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isConntrackEntry,
  parseConntrackLine,
  parseConntrackOutput,
  type ConntrackEntry,
  type ConntrackLine,
} from '../../../src/main/netcore/conntrack/parse-conntrack';

const DIR = join(__dirname, '../../fixtures/conntrack');
const W1 = '172.17.0.2';
const W2 = '172.17.0.3';
const LAN = '198.51.100.2';
const UPLINK = '198.51.100.1';

const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const entries = (name: string): ConntrackEntry[] => {
  const lines = parseConntrackOutput(read(name));
  expect(lines.filter((l) => !isConntrackEntry(l))).toEqual([]);
  return lines as ConntrackEntry[];
};
const only = (list: ConntrackEntry[], pick: (e: ConntrackEntry) => boolean): ConntrackEntry => {
  const found = list.filter(pick);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('every captured text line', () => {
  const textFixtures = readdirSync(DIR).filter((f) => /^(list|events)-.*\.txt$/.test(f));

  it('finds the text fixtures', () => {
    expect(textFixtures.length).toBeGreaterThanOrEqual(9);
  });

  it.each(textFixtures)('%s: one entry per non-blank line, none unparsed', (name) => {
    const text = read(name);
    const lineCount = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(lineCount).toBeGreaterThan(0);
    const list = entries(name);
    expect(list).toHaveLength(lineCount);
    for (const e of list) {
      expect(['ipv4', 'ipv6']).toContain(e.family);
      expect(e.original.src).not.toBe('');
      expect(e.reply.dst).not.toBe('');
    }
  });

  it('events carry their kind, a timestamp with -o timestamp, an id with -o id', () => {
    const list = entries('events-extended-id-timestamp.acct1.txt');
    expect(new Set(list.map((e) => e.event))).toEqual(new Set(['new', 'update', 'destroy']));
    for (const e of list) {
      expect(e.timestamp).toBeGreaterThan(1.7e9);
      expect(e.id).toBeGreaterThan(0);
    }
    // Plain -E: no family token (inferred from the addresses), no id, no timestamp.
    for (const e of entries('events-plain.acct1.txt')) {
      expect(e.family).toBe('ipv4');
      expect(e.id).toBeUndefined();
      expect(e.timestamp).toBeUndefined();
      expect(e.event).toBeDefined();
    }
  });
});

describe('flows of the lab scenario', () => {
  const list = entries('list-extended-id.acct1.txt');

  it('LAN -> host:8080 is DNATed to w1: the reply comes from w1, not from the host port', () => {
    const e = only(list, (x) => x.original.dport === 8080);
    expect(e).toMatchObject({ family: 'ipv4', protocol: 'tcp', protocolNumber: 6, state: 'TIME_WAIT', flags: ['ASSURED'], mark: 0, use: 1 });
    expect(e.original).toMatchObject({ src: LAN, dst: UPLINK, dport: 8080 });
    expect(e.reply).toMatchObject({ src: W1, dst: LAN, sport: 80, dport: e.original.sport });
    expect(e.reply.src).not.toBe(e.original.dst);
    expect(e.id).toBeGreaterThan(0);
  });

  it('w2 -> the LAN httpd is masqueraded: the reply goes to the uplink address, not to w2', () => {
    const e = only(list, (x) => x.protocol === 'tcp' && x.original.dport === 8099);
    expect(e.original).toMatchObject({ src: W2, dst: LAN });
    expect(e.reply).toMatchObject({ src: LAN, dst: UPLINK, sport: 8099 });
    expect(e.reply.dst).not.toBe(e.original.src);
  });

  it('w2 -> w1 by IP is untranslated', () => {
    const e = only(list, (x) => x.protocol === 'tcp' && x.original.src === W2 && x.original.dst === W1);
    expect(e.reply).toMatchObject({ src: W1, dst: W2, sport: 80, dport: e.original.sport });
  });

  it('ICMP has type/code/echo id instead of ports, and the conntrack id after them', () => {
    const e = only(list, (x) => x.protocol === 'icmp' && x.original.src === W2);
    expect(e.original).toMatchObject({ src: W2, dst: W1, icmpType: 8, icmpCode: 0 });
    expect(e.reply).toMatchObject({ icmpType: 0, icmpCode: 0, icmpId: e.original.icmpId });
    expect(e.original.sport).toBeUndefined();
    expect(e.id).toBeGreaterThan(0);
    expect(e.id).not.toBe(e.original.icmpId);
  });

  it('unanswered UDP is [UNREPLIED] and has no state', () => {
    const e = only(list, (x) => x.protocol === 'udp');
    expect(e).toMatchObject({ protocolNumber: 17, flags: ['UNREPLIED'] });
    expect(e.state).toBeUndefined();
    expect(e.original).toMatchObject({ src: W2, dst: LAN, dport: 53, packets: 1 });
    expect(e.reply).toMatchObject({ packets: 0, bytes: 0 });
  });

  it('reads accounting counters per direction, and none when accounting is off', () => {
    const e = only(list, (x) => x.original.dport === 8080);
    expect(e.original.packets).toBeGreaterThan(0);
    expect(e.original.bytes).toBeGreaterThan(0);
    expect(e.reply.packets).toBeGreaterThan(0);
    expect(e.reply.bytes).toBeGreaterThan(0);
    for (const off of entries('list-extended-id.acct0.txt')) {
      expect(off.original.packets).toBeUndefined();
      expect(off.reply.bytes).toBeUndefined();
    }
  });

  it('keeps a protocol conntrack has no name for (IGMP as `unknown 2`)', () => {
    const e = only(entries('list-extended.acct0.txt'), (x) => x.protocol === 'unknown');
    expect(e).toMatchObject({ protocolNumber: 2, timeout: expect.any(Number), flags: ['UNREPLIED'] });
    expect(e.original).toEqual({ src: '0.0.0.0', dst: '224.0.0.22' });
  });

  it('reads IPv6 entries', () => {
    const [e] = entries('list-ipv6-extended-id.acct1.txt') as [ConntrackEntry];
    expect(e).toMatchObject({ family: 'ipv6', protocol: 'tcp', state: 'ESTABLISHED', flags: ['ASSURED'] });
    expect(e.original).toMatchObject({ src: '::1', dst: '::1', sport: 40000, dport: 8099, packets: 0 });
  });
});

describe('events of one connection', () => {
  it('follows LAN -> :8080 from NEW to DESTROY by its id; DESTROY has counters and no timeout', () => {
    const list = entries('events-extended-id-timestamp.acct1.txt');
    const first = list.find((e) => e.original.dport === 8080)!;
    const flow = list.filter((e) => e.id === first.id);
    const events = flow.map((e) => e.event);
    expect(events[0]).toBe('new');
    expect(events.at(-1)).toBe('destroy');
    expect(events.slice(1, -1).every((e) => e === 'update')).toBe(true);
    // Which side closes first varies (FIN_WAIT or LAST_ACK in between): only the ends are fixed.
    const states = flow.map((e) => e.state);
    expect(states.slice(0, 3)).toEqual(['SYN_SENT', 'SYN_RECV', 'ESTABLISHED']);
    expect(states.slice(-2)).toEqual(['TIME_WAIT', 'TIME_WAIT']);
    expect(flow[0]?.flags).toEqual(['UNREPLIED']);
    expect(flow[2]?.flags).toEqual(['ASSURED']);
    // -E prints counters on DESTROY only, even with accounting on.
    expect(flow.slice(0, -1).every((e) => e.original.packets === undefined)).toBe(true);
    const end = flow.at(-1)!;
    expect(end.timeout).toBeUndefined();
    expect(end.original.packets).toBeGreaterThan(0);
    expect(end.reply.bytes).toBeGreaterThan(0);
    const timestamps = flow.map((e) => e.timestamp!);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
  });

  it('a DESTROY caused by a process carries [USERSPACE] and its netlink portid', () => {
    const list = entries('events-extended-id-timestamp.acct1.txt');
    const e = only(list, (x) => x.event === 'destroy' && x.protocol === 'udp');
    expect(e.flags).toEqual(['UNREPLIED', 'USERSPACE']);
    expect(e.portid).toBeGreaterThan(0);
  });
});

describe('lines that are not (complete) entries', () => {
  const unparsed = (line: string): ConntrackLine | null => parseConntrackLine(line);

  it('skips blank lines', () => {
    expect(unparsed('')).toBeNull();
    expect(unparsed('   \t')).toBeNull();
  });

  it.each([
    'conntrack v1.4.7 (conntrack-tools): 29 flow events have been shown.',
    'WARNING: We have hit ENOBUFS! We are losing events.',
    '<flow type="new"><meta direction="original">',
    // cut short: no reply tuple
    '    [NEW] ipv4     2 tcp      6 120 SYN_SENT src=198.51.100.2 dst=198.51.100.1 sport=60820 dport=8080 [UNREPLIED]',
    // ktimestamp's bracketed dates contain spaces
    '[DESTROY] tcp 6 src=10.0.0.1 dst=10.0.0.2 sport=1 dport=2 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1 [start=Sun Dec  6 07:10:19 2026]',
    // family token and addresses disagree
    'ipv6 10 tcp 6 60 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=1 dport=2 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1',
    // a counter that does not fit a JavaScript number exactly
    'tcp 6 60 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=1 dport=2 packets=1 bytes=18446744073709551615 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1',
    // the same field twice
    'tcp 6 60 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=1 sport=3 dport=2 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1',
    'tcp 6 60 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=1 dport=2 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1 id=1 id=2',
    // a port that is not a number
    'tcp 6 60 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=x dport=2 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1',
  ])('keeps %j as unparsed', (line) => {
    expect(unparsed(line)).toEqual({ unparsed: line });
  });

  it('keeps unknown trailing fields as printed instead of dropping the entry', () => {
    const line = 'ipv4 2 tcp 6 60 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=1 dport=2 src=10.0.0.2 dst=10.0.0.1 sport=2 dport=1 [ASSURED] mark=5 zone=3 helper=ftp use=2 id=9';
    expect(unparsed(line)).toMatchObject({ mark: 5, zone: 3, use: 2, id: 9, other: { helper: 'ftp' } });
  });
});
