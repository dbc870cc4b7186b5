// One read of conntrack -E lines: updates a later update of the same connection supersedes are left
// out; NEW, DESTROY, other connections' lines and lines without a connection id all stay, in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutSupersededUpdates } from '../../../src/main/netcore/conntrack/superseded-updates';
import { parseConntrackLine } from '../../../src/main/netcore/conntrack/parse-conntrack';

const DIR = join(__dirname, '../../fixtures/conntrack');
const lines = (name: string) => readFileSync(join(DIR, name), 'utf8').split('\n').filter((l) => l.trim() !== '');

// A churned connection as `conntrack -E -o id,timestamp` printed it in the lab (scripts/bench-flows.ts).
const churn = (id: number, sport: number) => [
  `[1796600000.000001]\t    [NEW] tcp      6 120 SYN_SENT src=198.51.100.2 dst=198.51.100.1 sport=${sport} dport=7002 [UNREPLIED] src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=${sport} id=${id}`,
  `[1796600000.000002]\t [UPDATE] tcp      6 60 SYN_RECV src=198.51.100.2 dst=198.51.100.1 sport=${sport} dport=7002 src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=${sport} id=${id}`,
  `[1796600000.000003]\t [UPDATE] tcp      6 432000 ESTABLISHED src=198.51.100.2 dst=198.51.100.1 sport=${sport} dport=7002 src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=${sport} [ASSURED] id=${id}`,
  `[1796600000.000004]\t [UPDATE] tcp      6 120 FIN_WAIT src=198.51.100.2 dst=198.51.100.1 sport=${sport} dport=7002 src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=${sport} [ASSURED] id=${id}`,
  `[1796600000.000005]\t [UPDATE] tcp      6 120 TIME_WAIT src=198.51.100.2 dst=198.51.100.1 sport=${sport} dport=7002 src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=${sport} [ASSURED] id=${id}`,
  `[1796600002.000006]\t[DESTROY] tcp      6 TIME_WAIT src=198.51.100.2 dst=198.51.100.1 sport=${sport} dport=7002 src=198.51.100.1 dst=198.51.100.2 sport=7002 dport=${sport} [ASSURED] id=${id}`,
];

describe('withoutSupersededUpdates', () => {
  it('keeps NEW, the last update and DESTROY of each connection, interleaved as they came', () => {
    const a = churn(11, 40001);
    const b = churn(22, 40002);
    const read = [a[0]!, b[0]!, a[1]!, b[1]!, a[2]!, a[3]!, b[2]!, a[4]!, a[5]!];
    expect(withoutSupersededUpdates(read)).toEqual([a[0], b[0], a[4], a[5], b[2]].sort((x, y) => read.indexOf(x!) - read.indexOf(y!)));
    // The kept update is the TIME_WAIT one: the flow still ends when it closes.
    expect(parseConntrackLine(a[4]!)).toMatchObject({ event: 'update', state: 'TIME_WAIT', id: 11 });
  });

  it('keeps every line when no update is superseded', () => {
    const a = churn(11, 40001);
    expect(withoutSupersededUpdates([a[0]!, a[1]!])).toEqual([a[0], a[1]]);
    expect(withoutSupersededUpdates([])).toEqual([]);
  });

  it('tells connections apart by id and original tuple, and leaves lines without an id alone', () => {
    const a = churn(11, 40001);
    const sameIdOtherTuple = a[2]!.replaceAll('40001', '40009');
    expect(withoutSupersededUpdates([a[1]!, sameIdOtherTuple])).toEqual([a[1], sameIdOtherTuple]);
    const noId = a.map((l) => l.replace(/ id=\d+$/, ''));
    expect(withoutSupersededUpdates(noId)).toEqual(noId);
  });

  it('on the captured lab events, keeps exactly the last update of each connection', () => {
    for (const name of ['events-extended-id-timestamp.acct0.txt', 'events-extended-id-timestamp.acct1.txt']) {
      const all = lines(name);
      const kept = withoutSupersededUpdates(all);
      const entries = all.map((l) => parseConntrackLine(l)!);
      const lastUpdate = new Map<number, number>();
      entries.forEach((e, i) => 'event' in e && e.event === 'update' && e.id !== undefined && lastUpdate.set(e.id, i));
      const expected = all.filter((_, i) => {
        const e = entries[i]!;
        return !('event' in e) || e.event !== 'update' || lastUpdate.get(e.id!) === i;
      });
      expect(kept).toEqual(expected);
      expect(kept.length).toBeLessThan(all.length);
    }
  });
});
