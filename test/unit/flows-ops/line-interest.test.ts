// The text pre-filter against the engine's own judgement, on the conntrack lines captured in the
// Docker 28 seed lab and the docker28 snapshot of the same scenario: no line the engine would
// attribute to a container is dropped, and the host's own lines are.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConntrackEntry, parseConntrackLine } from '../../../src/main/netcore/conntrack/parse-conntrack';
import { lineInterest, mayConcern } from '../../../src/main/netcore/conntrack/line-interest';
import { addressBookOf } from '../../../src/main/engine/flows/address-book';
import { concernsContainers } from '../../../src/main/engine/flows/attribute-flow';
import { interestOf } from '../../../src/main/engine/flows/flow-interest';
import { docker28Snapshot } from '../flows/docker28-snapshot';
import { MAX_INTEREST_ADDRESSES } from '../../../src/main/privileged/contract/flow-operations';
import { MAX_REQUEST_LINE } from '../../../src/main/privileged/helper/message-framing';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/conntrack');
const lines = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt') && name !== 'versions.txt' && !name.startsWith('scale'))
  .flatMap((name) => readFileSync(resolve(FIXTURES, name), 'utf8').split('\n'))
  .filter((line) => line.includes('src='));

const book = addressBookOf(docker28Snapshot());
const interest = lineInterest(interestOf(book) ?? []);

describe('mayConcern', () => {
  it('keeps every captured line the engine attributes to a container, and drops the rest of them', () => {
    let kept = 0;
    let dropped = 0;
    for (const line of lines) {
      const entry = parseConntrackLine(line);
      if (!entry || !isConntrackEntry(entry)) throw new Error(`fixture line not parsed: ${line}`);
      const concerns = concernsContainers(entry, book);
      if (concerns) expect(mayConcern(line, interest), line).toBe(true);
      if (mayConcern(line, interest)) kept++;
      else dropped++;
      // The only lines kept that the engine then drops: none in this capture (no DNAT to the host itself).
      expect(mayConcern(line, interest), line).toBe(concerns);
    }
    expect(lines.length).toBeGreaterThan(80);
    expect(kept).toBeGreaterThan(0);
    expect(dropped).toBeGreaterThan(0);
  });

  it("drops the host's own connections: the LAN pinging the host, loopback, IGMP", () => {
    const own = [
      'ipv4     2 icmp     1 29 src=198.51.100.2 dst=198.51.100.1 type=8 code=0 id=13603 src=198.51.100.1 dst=198.51.100.2 type=0 code=0 id=13603 mark=0 use=1 id=3424442790',
      'ipv6     10 tcp      6 59 ESTABLISHED src=::1 dst=::1 sport=40000 dport=8099 src=::1 dst=::1 sport=8099 dport=40000 [ASSURED] mark=0 use=1 id=2468142511',
      'ipv4     2 unknown  2 597 src=0.0.0.0 dst=224.0.0.22 [UNREPLIED] src=224.0.0.22 dst=0.0.0.0 mark=0 use=1 id=2853472173',
      '[1796541182.849937]\t    [NEW] ipv4     2 tcp      6 120 SYN_SENT src=198.51.100.2 dst=198.51.100.1 sport=40001 dport=7002 [UNREPLIED] src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=40001 id=1',
    ];
    for (const line of own) expect(mayConcern(line, interest), line).toBe(false);
  });

  it('keeps a DNAT by port alone (a published port answered on the same address, e.g. by a redirect)', () => {
    const line = 'ipv4     2 tcp      6 120 SYN_SENT src=198.51.100.2 dst=198.51.100.1 sport=40001 dport=8080 [UNREPLIED] src=198.51.100.1 dst=198.51.100.2 sport=80 dport=40001 id=1';
    expect(mayConcern(line, interest)).toBe(true);
  });

  it('matches an IPv6 container address whatever way it is written', () => {
    const ipv6 = lineInterest(['fd00:0:0:0:0:0:0:2']);
    const line = 'ipv6     10 tcp      6 59 ESTABLISHED src=fd00::9 dst=fd00::2 sport=40000 dport=80 src=fd00::2 dst=fd00::9 sport=80 dport=40000 [ASSURED] id=7';
    expect(mayConcern(line, ipv6)).toBe(true);
    expect(mayConcern(line, lineInterest(['fd00::3']))).toBe(false);
  });

  it('keeps what it cannot read, for the parser to report', () => {
    expect(mayConcern('conntrack v1.4.7 (conntrack-tools): 8 flow entries have been shown.', interest)).toBe(true);
    expect(mayConcern('[NEW] ipv4 2 tcp 6 120 SYN_SENT src=1.2.3.4 dst=', interest)).toBe(true);
  });

  it('ignores what is not an address in the interest', () => {
    expect(lineInterest(['172.17.0.2', 'not-an-address', '::ffff:172.17.0.3']).addresses).toEqual(new Set(['172.17.0.2', '172.17.0.3']));
  });
});

describe('interestOf', () => {
  it("names every container's address, and gives up (the whole table) past what one request carries", () => {
    expect(interestOf(book)).toEqual(expect.arrayContaining(['172.17.0.2', '172.17.0.3']));
    const crowded = { ...book, containers: new Map(Array.from({ length: MAX_INTEREST_ADDRESSES + 1 }, (_, i) => [`10.1.${i >> 8}.${i & 255}`, { id: `c${i}`, name: `c${i}` }] as const)) };
    expect(interestOf(crowded)).toBeUndefined();
    // The largest interest, every address IPv6 in full, fits the helper's request line.
    const request = JSON.stringify({ op: 'flows.events', args: { cursor: Number.MAX_SAFE_INTEGER, interest: Array.from({ length: MAX_INTEREST_ADDRESSES }, () => 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff') } });
    expect(request.length).toBeLessThan(MAX_REQUEST_LINE);
  });
});
