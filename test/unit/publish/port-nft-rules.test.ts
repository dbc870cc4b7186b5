// The native nftables rendering of published ports and its planner, against what nft 1.0.6 printed
// back after applying the planner's own transaction (fixtures/nft-publish).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { desiredNftTable, NFT_CHAINS, NFT_TABLE, setMark } from '../../../src/main/netcore/rulesets/port-nft-rules';
import { addedNftUdpPorts, nftTableMatches, planNftTable } from '../../../src/main/netcore/owned-chains/plan-owned-nft-table';
import type { PortRuleMapping } from '../../../src/main/netcore/rulesets/port-rules';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/nft-publish/${name}`, import.meta.url), 'utf8');
const applied = fixture('bridgeport-table.json');
const appliedWithMark = fixture('bridgeport-table-mark-0x5-0xf.json');

const base = { containerIp: '172.17.0.2', bridge: 'docker0', subnet: '172.17.0.0/16' };
const mappings: PortRuleMapping[] = [
  { id: 'aaaaaaaaaaaa', protocol: 'tcp', hostIp: '', hostPort: 9100, hostPortEnd: 9100, containerPort: 80, containerPortEnd: 80, ...base },
  { id: 'bbbbbbbbbbbb', protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 9101, hostPortEnd: 9101, containerPort: 80, containerPortEnd: 80, ...base },
  { id: 'cccccccccccc', protocol: 'tcp', hostIp: '198.51.100.1', hostPort: 9120, hostPortEnd: 9121, containerPort: 80, containerPortEnd: 81, ...base },
  { id: 'dddddddddddd', protocol: 'udp', hostIp: '', hostPort: 9110, hostPortEnd: 9110, containerPort: 5300, containerPortEnd: 5300, ...base },
];
const rulesOf = (chain: string, table = desiredNftTable(mappings)) => table.rules.filter((r) => r.chain === chain);

describe('desiredNftTable', () => {
  it('has the same meaning per mapping as the iptables rules: one DNAT per port, hairpin and loopback MASQUERADE, ACCEPT both ways, the guard', () => {
    const dnat = rulesOf(NFT_CHAINS.dnat.name);
    expect(dnat.map((r) => r.expr.at(-1))).toEqual([
      { dnat: { family: 'ip', addr: '172.17.0.2', port: 80 } },
      { dnat: { family: 'ip', addr: '172.17.0.2', port: 80 } },
      { dnat: { family: 'ip', addr: '172.17.0.2', port: 5300 } },
      { dnat: { family: 'ip', addr: '172.17.0.2', port: 80 } },
      { dnat: { family: 'ip', addr: '172.17.0.2', port: 81 } },
    ]);
    // 127.0.0.1-bound: only the loopback source; LAN-bound: only the bridge's subnet; all addresses: both.
    const sources = rulesOf(NFT_CHAINS.postrouting.name).map((r) => `${r.comment} ${JSON.stringify((r.expr[0] as { match: { right: unknown } }).match.right)}`);
    expect(sources).toEqual([
      'bridgeport:aaaaaaaaaaaa {"prefix":{"addr":"172.17.0.0","len":16}}',
      'bridgeport:aaaaaaaaaaaa {"prefix":{"addr":"127.0.0.0","len":8}}',
      'bridgeport:bbbbbbbbbbbb {"prefix":{"addr":"127.0.0.0","len":8}}',
      'bridgeport:dddddddddddd {"prefix":{"addr":"172.17.0.0","len":16}}',
      'bridgeport:dddddddddddd {"prefix":{"addr":"127.0.0.0","len":8}}',
      'bridgeport:cccccccccccc {"prefix":{"addr":"172.17.0.0","len":16}}',
    ]);
    expect(rulesOf(NFT_CHAINS.forward.name)).toHaveLength(8);
    expect(rulesOf(NFT_CHAINS.raw.name)).toHaveLength(1);
  });

  it('runs before the engines: each base chain 10 ahead of the standard priority', () => {
    const prios = Object.fromEntries(desiredNftTable(mappings).chains.filter((c) => c.base).map((c) => [c.name, c.base!.prio]));
    expect(prios).toEqual({ 'raw-PREROUTING': -310, 'nat-PREROUTING': -110, 'nat-OUTPUT': -110, 'nat-POSTROUTING': 90, 'filter-FORWARD': -10 });
  });

  it('is nothing at all without mappings, and only the guard when it is kept', () => {
    expect(desiredNftTable([])).toEqual({ chains: [], rules: [] });
    const guard = desiredNftTable([], { keepLoopbackGuard: true });
    expect(guard.chains.map((c) => c.name)).toEqual(['raw-PREROUTING']);
    expect(guard.rules).toHaveLength(1);
  });

  it("sets Docker's accept mark on what it accepts (only the mask's bits), nowhere else", () => {
    const table = desiredNftTable(mappings, { acceptMark: { value: 0x5, mask: 0xf } });
    expect(rulesOf(NFT_CHAINS.forward.name, table).every((r) => r.expr.some((e) => 'mangle' in e))).toBe(true);
    expect(table.rules.filter((r) => r.chain !== NFT_CHAINS.forward.name).some((r) => r.expr.some((e) => 'mangle' in e))).toBe(false);
    expect(setMark({ value: 0x100, mask: 0xffffffff })).toEqual({ mangle: { key: { meta: { key: 'mark' } }, value: 0x100 } });
  });
});

describe('planNftTable', () => {
  it('has nothing to do when nft prints back what it was given', () => {
    expect(planNftTable(desiredNftTable(mappings), applied, NFT_TABLE)).toBeNull();
    expect(planNftTable(desiredNftTable(mappings, { acceptMark: { value: 0x5, mask: 0xf } }), appliedWithMark, NFT_TABLE)).toBeNull();
  });

  it('compares mark statements by effect: nft 1.0.6 prints `& 0xfffffffe | 0x1` as `| 0x1`', () => {
    const desired = desiredNftTable(mappings, { acceptMark: { value: 1, mask: 1 } });
    const document = JSON.parse(applied) as { nftables: Array<{ rule?: { chain: string; expr: unknown[] } }> };
    for (const { rule } of document.nftables) {
      if (rule?.chain === NFT_CHAINS.forward.name) rule.expr.splice(-1, 0, { mangle: { key: { meta: { key: 'mark' } }, value: { '|': [{ meta: { key: 'mark' } }, 1] } } });
    }
    const shortened = JSON.stringify(document);
    expect(shortened).not.toBe(applied);
    expect(nftTableMatches(desired, shortened, NFT_TABLE)).toBe(true);
    expect(nftTableMatches(desiredNftTable(mappings, { acceptMark: { value: 2, mask: 2 } }), shortened, NFT_TABLE)).toBe(false);
  });

  it('recreates the whole table in one transaction when anything differs', () => {
    const plan = planNftTable(desiredNftTable(mappings.slice(1)), applied, NFT_TABLE)!;
    const commands = (JSON.parse(plan) as { nftables: Array<Record<string, unknown>> }).nftables;
    expect(commands.slice(0, 3)).toEqual([
      { add: { table: { family: 'inet', name: 'bridgeport' } } },
      { delete: { table: { family: 'inet', name: 'bridgeport' } } },
      { add: { table: { family: 'inet', name: 'bridgeport' } } },
    ]);
    expect(commands.filter((c) => 'add' in c && 'chain' in (c.add as object))).toHaveLength(6);
  });

  it('deletes the table when no mapping is left, and does nothing when it is already gone', () => {
    const plan = JSON.parse(planNftTable(desiredNftTable([]), applied, NFT_TABLE)!) as { nftables: unknown[] };
    expect(plan.nftables).toEqual([{ add: { table: { family: 'inet', name: 'bridgeport' } } }, { delete: { table: { family: 'inet', name: 'bridgeport' } } }]);
    expect(planNftTable(desiredNftTable([]), null, NFT_TABLE)).toBeNull();
  });

  it('creates the table when it is missing (a `flush ruleset` took it)', () => {
    expect(planNftTable(desiredNftTable(mappings), null, NFT_TABLE)).not.toBeNull();
  });

  it('names the UDP host ports it adds (their conntrack entries must go)', () => {
    expect(addedNftUdpPorts(desiredNftTable(mappings), null, NFT_TABLE, NFT_CHAINS.dnat.name)).toEqual([9110]);
    expect(addedNftUdpPorts(desiredNftTable(mappings), applied, NFT_TABLE, NFT_CHAINS.dnat.name)).toEqual([]);
  });
});
