// Drop events from two readings of captured rule sets (issue 17): Docker 28's iptables-nft rules
// (test/fixtures/docker28, captured with every counter at 0) against a copy whose drop counters
// moved (test/fixtures/drops), Docker 29's native nftables rules (counters), and netavark's
// (no counters: said, not reported as "no drops").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropCountersOf, movedDrops, uncountedDrops } from '../../../src/main/engine/drops/drop-events';
import { DropTracker } from '../../../src/main/engine/drops/drop-tracker';
import { placeDrop, placementOf } from '../../../src/main/engine/drops/place-drop';
import { natReportOf } from '../../../src/main/engine/firewall/nat-report';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { TrafficSampler } from '../../../src/main/engine/traffic/traffic-sampler';
import type { NatReport } from '../../../src/shared/firewall-model';
import { docker28Snapshot } from '../flows/docker28-snapshot';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
const text = (path: string) => readFileSync(join(fixtures, path), 'utf8');

// The Docker 28 lab as captured (seed scenario): w1 172.17.0.2, intranet on br-93a05e20d7ad.
const snapshot = docker28Snapshot();
const idOf = (name: string) => snapshot.containers.find((c) => c.name === name)!.id;

const iptablesReport = (save: string): NatReport =>
  natReportOf({ backend: 'iptables-nft', ruleset: parseIptablesSave(save, 'ipv4'), readable: true, warnings: [] }, snapshot);
const nftReport = (json: string): NatReport => natReportOf({ backend: 'nftables', ruleset: parseNftJson(json), readable: true, warnings: [] }, snapshot);

const before = iptablesReport(text('docker28/iptables-save.txt'));
const after = iptablesReport(text('drops/docker28-iptables-save.moved.txt'));

/** A JSON rule set with every counter's numbers changed by `f`. */
function withCounters(json: string, f: (n: number) => number): string {
  return JSON.stringify(JSON.parse(json), (key, value: unknown) => ((key === 'packets' || key === 'bytes') && typeof value === 'number' ? f(value) : value));
}

describe('movedDrops (iptables-nft, Docker 28)', () => {
  const moved = movedDrops(dropCountersOf(before), after);
  const bySpec = new Map(moved.map((m) => [m.spec, m]));

  it('reports every DROP/REJECT rule and DROP policy whose counter moved, by how much, and nothing else', () => {
    expect(moved.map((m) => [m.table, m.chain, m.spec, m.target, m.packets, m.bytes]).sort()).toEqual(
      [
        ['raw', 'PREROUTING', '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP', 'DROP', 3, 180],
        ['filter', 'DOCKER', '-A DOCKER ! -i docker0 -o docker0 -j DROP', 'DROP', 2, 120],
        ['filter', 'DOCKER-ISOLATION-STAGE-2', '-A DOCKER-ISOLATION-STAGE-2 -o br-93a05e20d7ad -j DROP', 'DROP', 5, 420],
        // New since the first reading: all its counts fell in between.
        ['filter', 'DOCKER-USER', '-A DOCKER-USER -s 198.51.100.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j DROP', 'DROP', 4, 240],
        ['filter', 'DOCKER-USER', '-A DOCKER-USER -i bpps86dup -p udp -m udp --dport 9 -j REJECT --reject-with icmp-port-unreachable', 'REJECT', 1, 76],
        ['filter', 'FORWARD', 'policy DROP', 'policy', 12, 720],
      ].sort(),
    );
    expect(bySpec.get('policy DROP')!.rule).toBeNull();
    expect(bySpec.get('-A DOCKER ! -i docker0 -o docker0 -j DROP')!.rule!.id).toBe(after.rules.find((r) => r.spec === '-A DOCKER ! -i docker0 -o docker0 -j DROP')!.id);
  });

  it('says nothing without a baseline, and nothing when the counters did not move', () => {
    expect(movedDrops(null, after)).toEqual([]);
    expect(movedDrops(dropCountersOf(after), after)).toEqual([]);
  });

  it('counts a counter that went down (rule replaced, counters zeroed) from zero', () => {
    const again = movedDrops(dropCountersOf(after), iptablesReport(text('drops/docker28-iptables-save.moved.txt').replace(':FORWARD DROP [12:720]', ':FORWARD DROP [2:100]')));
    expect(again.map((m) => [m.spec, m.packets, m.bytes])).toEqual([['policy DROP', 2, 100]]);
  });

  it('places each drop where it happens: a container by address, a bridge by interface, the host for a policy', () => {
    const placement = placementOf(snapshot);
    const place = (spec: string) => placeDrop(bySpec.get(spec)!.rule, placement);
    expect(place('-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP')).toEqual({ places: [`container:${idOf('w1')}`], where: 'container w1' });
    expect(place('-A DOCKER-USER -s 198.51.100.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j DROP')).toEqual({ places: [`container:${idOf('w1')}`], where: 'container w1' });
    expect(place('-A DOCKER ! -i docker0 -o docker0 -j DROP')).toEqual({ places: ['link:docker0'], where: 'bridge docker0' });
    expect(place('-A DOCKER-ISOLATION-STAGE-2 -o br-93a05e20d7ad -j DROP')).toEqual({ places: ['link:br-93a05e20d7ad'], where: 'bridge br-93a05e20d7ad' });
    expect(place('-A DOCKER-USER -i bpps86dup -p udp -m udp --dport 9 -j REJECT --reject-with icmp-port-unreachable')).toEqual({
      places: ['veth:bpps86dup'],
      where: 'cable bpps86dup (bpps86d-lan)',
    });
    expect(place('policy DROP')).toEqual({ places: [], where: 'the host' });
  });

  it("places a rule on a container's veth on its cable, and a subnet on its bridge", () => {
    const placement = placementOf(snapshot);
    const w2 = snapshot.containers.find((c) => c.name === 'w2')!;
    const veth = w2.endpoints[0]!.hostVeth!;
    const rule = (spec: string) => iptablesReport(`*filter\n:FORWARD DROP [0:0]\n[1:60] ${spec}\nCOMMIT\n`).rules[0]!;
    expect(placeDrop(rule(`-A FORWARD -o ${veth} -j DROP`), placement)).toEqual({ places: [`veth:${veth}`], where: `cable ${veth} (w2)` });
    expect(placeDrop(rule('-A FORWARD -d 172.28.0.0/16 -j DROP'), placement)).toEqual({ places: ['link:br-93a05e20d7ad'], where: 'bridge br-93a05e20d7ad' });
    expect(placeDrop(rule('-A FORWARD -o veth+ -j DROP'), placement)).toEqual({ places: [], where: 'the host (interface veth+)' });
  });
});

describe('native nftables', () => {
  it("counts Docker 29's drop rules that carry counters", () => {
    const json = text('firewall/docker29-nftables.json');
    const zero = nftReport(withCounters(json, () => 0));
    const moved = movedDrops(dropCountersOf(zero), nftReport(json));
    expect(moved.map((m) => [m.table, m.chain, m.target, m.packets]).sort()).toEqual(
      [
        ['ip docker-bridges', 'raw-PREROUTING', 'DROP', 3],
        ['ip docker-bridges', 'raw-PREROUTING', 'DROP', 1],
        ['ip docker-bridges', 'filter-forward-in__docker0', 'DROP', 2],
      ].sort(),
    );
    expect(moved.find((m) => m.packets === 3)!.spec).toMatch(/ip daddr 172\.17\.0\.2 .*drop/);
    // Its per-bridge chain names the bridge: the unpublished-port drop happens at docker0.
    const unpublished = moved.find((m) => m.chain === 'filter-forward-in__docker0')!;
    expect(placeDrop(unpublished.rule, placementOf(snapshot))).toEqual({ places: ['link:docker0'], where: 'bridge docker0' });
    expect(uncountedDrops(nftReport(json))).toEqual([]);
  });

  it("says netavark's drop rules carry no counter instead of reporting no drops", () => {
    const json = text('podman5/nft-ruleset.json');
    const report = nftReport(json);
    expect(movedDrops(dropCountersOf(report), nftReport(withCounters(json, (n) => n + 5)))).toEqual([]);
    expect(uncountedDrops(report)).toEqual(['3 drop rules in nftables table "inet netavark" carry no counter: drops there cannot be seen.']);
  });

  it('counts a netavark drop rule given a counter, and places an `oifname` drop on its bridge', () => {
    const doc = JSON.parse(text('podman5/nft-ruleset.json')) as { nftables: Array<Record<string, { chain?: string; expr?: unknown[]; policy?: string; hook?: string; name?: string }>> };
    const counted = (packets: number) => {
      const copy = structuredClone(doc);
      for (const entry of copy.nftables) {
        const rule = entry.rule;
        if (rule?.chain === 'NETAVARK-ISOLATION-3') rule.expr!.splice(1, 0, { counter: { packets, bytes: packets * 60 } });
        if (entry.chain?.name === 'FORWARD' && entry.chain.hook) entry.chain.policy = 'drop';
      }
      return nftReport(JSON.stringify(copy));
    };
    const moved = movedDrops(dropCountersOf(counted(0)), counted(2));
    expect(moved.map((m) => [m.chain, m.packets, m.bytes])).toEqual([
      ['NETAVARK-ISOLATION-3', 2, 120],
      ['NETAVARK-ISOLATION-3', 2, 120],
    ]);
    // This Docker snapshot has no podman1 bridge: the name is said in words.
    expect(placeDrop(moved[0]!.rule, placementOf(snapshot)).where).toBe('the host (interface podman1)');
    expect(uncountedDrops(counted(2))).toEqual([
      '1 drop rule in nftables table "inet netavark" carries no counter: drops there cannot be seen.',
      'nftables keeps no counter for policies: drops by the drop policy of chain FORWARD in "inet netavark" cannot be seen.',
    ]);
  });
});

describe('DropTracker', () => {
  const t0 = Date.parse('2026-12-06T10:00:00.000Z');

  it('keeps a drop listed for the window after it stopped, summing while it goes on', () => {
    const tracker = new DropTracker(60_000);
    expect(tracker.update({ report: before, readable: true }, snapshot, t0).events).toEqual([]);
    const first = tracker.update({ report: after, readable: true }, snapshot, t0 + 1000);
    expect(first.readable).toBe(true);
    expect(first.events).toHaveLength(6);
    const user = first.events.find((e) => e.chain === 'DOCKER-USER' && e.target === 'DROP')!;
    expect(user).toMatchObject({ packets: 4, totalPackets: 4, places: [`container:${idOf('w1')}`], where: 'container w1', container: { name: 'w1' } });
    expect(user.ruleId).toBe(after.rules.find((r) => r.spec === user.spec)!.id);
    expect(user.explain).not.toBe('');

    // Quiet ticks: still listed, the same totals.
    const quiet = tracker.update({ report: after, readable: true }, snapshot, t0 + 30_000);
    expect(quiet.events.find((e) => e.spec === user.spec)).toMatchObject({ totalPackets: 4, lastAt: first.events[0]!.lastAt });
    // Moves again within the window: one entry, summed.
    const more = iptablesReport(text('drops/docker28-iptables-save.moved.txt').replace('[4:240] -A DOCKER-USER', '[10:600] -A DOCKER-USER'));
    const again = tracker.update({ report: more, readable: true }, snapshot, t0 + 31_000);
    expect(again.events[0]).toMatchObject({ spec: user.spec, packets: 6, totalPackets: 10, firstAt: user.firstAt });
    // Quiet past the window: gone.
    expect(tracker.update({ report: more, readable: true }, snapshot, t0 + 31_000 + 59_000).events.map((e) => e.spec)).toEqual([user.spec]);
    expect(tracker.update({ report: more, readable: true }, snapshot, t0 + 31_000 + 61_000).events).toEqual([]);
  });

  it('says the firewall could not be read instead of "no drops", and starts over after', () => {
    const tracker = new DropTracker(60_000);
    tracker.update({ report: before, readable: true }, snapshot, t0);
    const unreadable: NatReport = { backend: 'iptables-nft', chains: [], rules: [], warnings: ['The firewall could not be read (not root): reading iptables needs root.'] };
    expect(tracker.update({ report: unreadable, readable: false }, snapshot, t0 + 1000)).toEqual({
      readable: false,
      notes: ['The firewall could not be read (not root): reading iptables needs root.'],
      windowMs: 60_000,
      events: [],
    });
    // The next reading is a new baseline: counts from before are not this tick's drops.
    expect(tracker.update({ report: after, readable: true }, snapshot, t0 + 2000).events).toEqual([]);
  });

  it('after a long gap takes a new baseline instead of calling old counts new drops', () => {
    const tracker = new DropTracker(60_000);
    tracker.update({ report: before, readable: true }, snapshot, t0);
    expect(tracker.update({ report: after, readable: true }, snapshot, t0 + 10 * 60_000).events).toEqual([]);
  });
});

describe('the traffic sample', () => {
  it('carries drops where it reads the firewall, null where it does not', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bp-drops-')), 'dev');
    writeFileSync(file, 'h1\nh2\nlo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n');
    const sampler = new TrafficSampler(file);
    try {
      expect((await sampler.sample(snapshot)).drops).toBeNull();
      expect((await sampler.sample(snapshot, { nat: before, ports: [], readable: true })).drops).toMatchObject({ readable: true, events: [] });
      const sample = await sampler.sample(snapshot, { nat: after, ports: [], readable: true });
      expect(sample.drops!.events.map((e) => e.where).sort()).toEqual(
        ['bridge br-93a05e20d7ad', 'bridge docker0', 'cable bpps86dup (bpps86d-lan)', 'container w1', 'container w1', 'the host'].sort(),
      );
    } finally {
      sampler.close();
    }
  });
});
