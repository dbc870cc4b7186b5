// The Flows view's engine sentences as messages (issue 18): what the flows cannot see
// (flow-limitations, the tracker without privilege) and the drops (drop-tracker: the rule's own
// explanation or a policy's, where it happens, what cannot be counted), over the drops fixtures.
// The English the engine prints is the English catalogue's; every one is said in Korean.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_PRIVILEGE } from '../../../src/main/engine/access/privileged-reads';
import { uncountedDropMessages, uncountedDrops } from '../../../src/main/engine/drops/drop-events';
import { DropTracker } from '../../../src/main/engine/drops/drop-tracker';
import { placeDrop, placementOf, spotOf } from '../../../src/main/engine/drops/place-drop';
import { natReportOf } from '../../../src/main/engine/firewall/nat-report';
import { flowLimitationMessages, limitationsOf } from '../../../src/main/engine/flows/flow-limitations';
import { FlowsTracker } from '../../../src/main/engine/flows/flows-tracker';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import type { NatReport } from '../../../src/shared/firewall-model';
import type { Message } from '../../../src/shared/message';
import type { Snapshot } from '../../../src/shared/model';
import type { DropEvent } from '../../../src/shared/traffic-model';
import { docker28Snapshot } from '../flows/docker28-snapshot';
import { sayIn } from './engine-say';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
const text = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const snapshot = docker28Snapshot();
const iptablesReport = (save: string): NatReport =>
  natReportOf({ backend: 'iptables-nft', ruleset: parseIptablesSave(save, 'ipv4'), readable: true, warnings: [] }, snapshot);
const nftReport = (json: string): NatReport => natReportOf({ backend: 'nftables', ruleset: parseNftJson(json), readable: true, warnings: [] }, snapshot);

// As test/unit/drops/drop-events.test.ts: Docker 28's rules, then a copy whose drop counters moved.
const before = iptablesReport(text('docker28/iptables-save.txt'));
const after = iptablesReport(text('drops/docker28-iptables-save.moved.txt'));
const t0 = Date.parse('2026-12-06T10:00:00.000Z');

function dropEvents(): DropEvent[] {
  const tracker = new DropTracker(60_000);
  tracker.update({ report: before, readable: true }, snapshot, t0);
  const withSnapshot = tracker.update({ report: after, readable: true }, snapshot, t0 + 1000).events;
  // Without a snapshot every drop is on the host.
  const bare = new DropTracker(60_000);
  bare.update({ report: before, readable: true }, null, t0);
  return [...withSnapshot, ...bare.update({ report: after, readable: true }, null, t0 + 1000).events];
}

/** netavark's table with a counter on its isolation rule and a drop policy (as the drops test builds it). */
function netavarkCounted(): NatReport {
  const doc = JSON.parse(text('podman5/nft-ruleset.json')) as { nftables: Array<Record<string, { chain?: string; expr?: unknown[]; policy?: string; hook?: string; name?: string }>> };
  for (const entry of doc.nftables) {
    if (entry.rule?.chain === 'NETAVARK-ISOLATION-3') entry.rule.expr!.splice(1, 0, { counter: { packets: 2, bytes: 120 } });
    if (entry.chain?.name === 'FORWARD' && entry.chain.hook) entry.chain.policy = 'drop';
  }
  return nftReport(JSON.stringify(doc));
}

const placement = placementOf(snapshot);
const rule = (spec: string) => iptablesReport(`*filter\n:FORWARD DROP [0:0]\n[1:60] ${spec}\nCOMMIT\n`).rules[0]!;
const w2Veth = snapshot.containers.find((c) => c.name === 'w2')!.endpoints[0]!.hostVeth!;
const placedRules = [`-A FORWARD -o ${w2Veth} -j DROP`, '-A FORWARD -d 172.28.0.0/16 -j DROP', '-A FORWARD -o veth+ -j DROP', '-A FORWARD -i docker0 -o br-93a05e20d7ad -j DROP', '-A FORWARD -s 172.17.0.2/32 -d 172.17.0.3/32 -j DROP'].map(rule);

const visibilities = [true, false].flatMap((accounting) => [true, false, null].flatMap((bridgeNetfilter) => [0, 1, 7].map((dropped) => ({ accounting, bridgeNetfilter, dropped }))));

async function unprivilegedReport() {
  const tracker = new FlowsTracker({ reads: async () => null, snapshot: async () => snapshot as Snapshot, kernel: async () => ({ bridgeNetfilter: null }) });
  return tracker.report();
}

async function allSaid(): Promise<Array<{ text: string; message: Message }>> {
  const said: Array<{ text: string; message: Message }> = [];
  for (const v of visibilities) said.push(...flowLimitationMessages(v).map((message) => ({ text: '', message })));
  const unread = await unprivilegedReport();
  unread.limitations.forEach((text, i) => said.push({ text, message: unread.limitationsMessages![i]! }));
  for (const e of dropEvents()) {
    said.push({ text: e.where, message: e.whereMessage! }, { text: e.explain, message: e.explainMessage! });
  }
  for (const r of placedRules) said.push({ text: placeDrop(r, placement).where, message: spotOf(r, placement).whereMessage });
  for (const report of [nftReport(text('podman5/nft-ruleset.json')), netavarkCounted()]) {
    const english = uncountedDrops(report);
    uncountedDropMessages(report).forEach((message, i) => said.push({ text: english[i]!, message }));
  }
  const unreadable = new DropTracker(60_000).update({ report: { backend: 'iptables-nft', chains: [], rules: [], warnings: [] }, readable: false }, snapshot, t0);
  unreadable.notes.forEach((text, i) => said.push({ text, message: unreadable.notesMessages![i]! }));
  return said;
}

describe('Flows and drops sentences in both languages', () => {
  it('come from every limitation, drop place, policy and uncounted kind', async () => {
    const keys = new Set((await allSaid()).map((s) => s.message.key));
    for (const key of ['limitation.accountingOff', 'limitation.bridgeUnseen', 'limitation.bridgeUnseenNotLoaded', 'limitation.tableFull', 'limitation.conntrackUnread', 'drop.policy', 'drop.unreadable', 'uncounted.rules', 'uncounted.policy']) {
      expect(keys).toContain(`engine-flows:${key}`);
    }
    for (const key of ['host', 'hostInterface', 'container', 'cableTo', 'bridge', 'list']) expect(keys).toContain(`engine-flows:where.${key}`);
    // A rule's explanation is its own (catalogue engine-nat), as the NAT view says it.
    expect(keys).toContain('engine-nat:rule');
  });

  it('say in English, through the catalogue, exactly what the engine prints', async () => {
    for (const s of (await allSaid()).filter((s) => s.text !== '')) expect(sayIn('en', s.message)).toBe(s.text);
    const unread = await unprivilegedReport();
    expect(unread.limitations).toEqual([`conntrack was not read: ${NO_PRIVILEGE}`]);
    // The limitations' English as flow-limitations wrote it before they were messages.
    const all = limitationsOf(flowLimitationMessages({ accounting: false, bridgeNetfilter: null, dropped: 3 })).limitations;
    expect(all).toEqual([
      'packets and bytes are not counted: conntrack accounting is off (sudo sysctl -w net.netfilter.nf_conntrack_acct=1 switches it on for new connections; Bridgeport does not)',
      "connections between containers on the same bridge are not seen: the host's conntrack sees bridged traffic only with br_netfilter on (net.bridge.bridge-nf-call-iptables=1), and br_netfilter is not loaded",
      '3 connection(s) are not shown: the table keeps the newest ones only',
    ]);
  });

  it('say every one in Korean, with no English sentence left', async () => {
    for (const s of await allSaid()) {
      const korean = sayIn('ko', s.message);
      // English words of the engine's, not of data (sysctl names such as net.bridge.bridge-nf-call-iptables stay).
      expect(korean, sayIn('en', s.message)).not.toMatch(/(?<![\w.-])(the|are|not|dropped|cannot|container|cable|bridge|network|interface|host)(?![\w.-])/);
    }
  });

  it('a policy drop, its place and an uncounted table, in Korean', async () => {
    const policy = dropEvents().find((e) => e.target === 'policy')!;
    expect(sayIn('ko', policy.explainMessage!)).toBe('filter FORWARD의 어떤 규칙도 허용하지 않은 패킷은 체인 정책에 따라 드롭됩니다.');
    expect(sayIn('ko', policy.whereMessage!)).toBe('호스트');
    const cable = dropEvents().find((e) => e.where.startsWith('cable'))!;
    expect(sayIn('ko', cable.whereMessage!)).toBe('케이블 bpps86dup(bpps86d-lan)');
    expect(uncountedDropMessages(nftReport(text('podman5/nft-ruleset.json'))).map((m) => sayIn('ko', m))).toEqual([
      'nftables 테이블 "inet netavark"의 드롭 규칙 3개에 카운터가 없습니다: 그곳의 드롭은 볼 수 없습니다.',
    ]);
  });
});
