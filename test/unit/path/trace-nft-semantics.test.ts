// nftables semantics on crafted tables added beside netavark's (captured Podman 5.8 host): several
// base chains per hook in priority order, an accept that ends only its own base chain, verdict
// maps, marks set and matched later, one NAT mapping per hook, and what is not evaluated.
import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src/shared/model';
import { tracePacket } from '../../../src/main/engine/path/trace-packet';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { docker29Document, docker29Links, docker29Routes } from './docker29-host';
import { HOST_IP, nftDocument, P1, P2, podmanRuleset, tracePodman } from './podman5-host';

const lan = { kind: 'lan' } as const;
const tcpDport = (port: number) => ({ match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: port } });
const markIs = (mark: number) => ({ match: { op: '==', left: { meta: { key: 'mark' } }, right: mark } });

interface Chain {
  name: string;
  base?: { type: string; hook: string; prio: number; policy?: string };
  rules?: unknown[][];
}

/** One nft table as `nft -j` lists it. */
function table(family: string, name: string, chains: Chain[], extra: unknown[] = []): unknown[] {
  return [
    { table: { family, name } },
    ...extra,
    ...chains.map((c) => ({ chain: { family, table: name, name: c.name, ...(c.base ? { ...c.base, policy: c.base.policy ?? 'accept' } : {}) } })),
    ...chains.flatMap((c) => (c.rules ?? []).map((expr) => ({ rule: { family, table: name, chain: c.name, expr } }))),
  ];
}

/** netavark's captured tables plus the given ones. */
function withTables(...tables: unknown[][]) {
  const document = nftDocument();
  return podmanRuleset(JSON.stringify({ nftables: [...document.nftables, ...tables.flat()] }));
}

const forwardChain = (prio: number, rules: unknown[][], policy = 'accept'): Chain => ({ name: 'fwd', base: { type: 'filter', hook: 'forward', prio, policy }, rules });

describe('several base chains on one hook', () => {
  it('an accept in an earlier table does not save the packet from a drop in a later one', () => {
    const ruleset = withTables(table('inet', 'early', [forwardChain(-10, [[tcpDport(80), { accept: null }]])]), table('inet', 'late', [forwardChain(10, [[tcpDport(80), { drop: null }]])]));
    const result = tracePodman(lan, HOST_IP, 9090, { ruleset });
    expect(result.outcome.kind).toBe('dropped');
    expect(result.outcome.description).toContain('rule 1 in inet late chain fwd');
    const stages = result.steps.map((s) => s.stage);
    expect(stages.indexOf('inet early fwd')).toBeLessThan(stages.indexOf('inet netavark FORWARD'));
    expect(stages.indexOf('inet netavark FORWARD')).toBeLessThan(stages.indexOf('inet late fwd'));
    expect(result.caveats.join(' ')).toContain('inet early fwd accepted this packet at the forward hook, but an nftables accept ends only its own base chain');
  });

  it('a base chain policy drop ends the packet after netavark accepted it', () => {
    const ruleset = withTables(table('inet', 'filter', [forwardChain(0, [], 'drop')]));
    const result = tracePodman({ kind: 'container', containerId: 'p2' }, HOST_IP, 9090, { ruleset });
    expect(result.outcome).toMatchObject({ kind: 'dropped' });
    expect(result.outcome.description).toContain('policy DROP');
    expect(result.caveats.join(' ')).toContain('inet netavark FORWARD accepted this packet');
  });

  it('an ip6 table never sees an IPv4 packet', () => {
    const ruleset = withTables(table('ip6', 'v6', [forwardChain(-5, [], 'drop')]));
    expect(tracePodman(lan, HOST_IP, 9090, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });
});

describe('verdict maps', () => {
  const vmapTable = (data: unknown, extra: unknown[] = []) =>
    table(
      'inet',
      'vm',
      [
        { name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -200 }, rules: [[{ vmap: { key: { meta: { key: 'iifname' } }, data } }]] },
        { name: 'from_lan', rules: [[tcpDport(9090), { drop: null }]] },
      ],
      extra,
    );

  it('an anonymous map jumps by input interface; a key it does not hold goes on', () => {
    const ruleset = withTables(vmapTable({ set: [['bp5q0izup', { jump: { target: 'from_lan' } }], ['podman0', { accept: null }]] }));
    const fromLan = tracePodman(lan, HOST_IP, 9090, { ruleset });
    expect(fromLan.steps.find((s) => s.verdict === 'jump' && s.stage === 'inet vm pre')?.description).toContain('by its verdict map');
    expect(fromLan.outcome).toMatchObject({ kind: 'dropped' });
    expect(tracePodman({ kind: 'container', containerId: 'p2' }, HOST_IP, 9090, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });

  it('a named map works alike', () => {
    const map = { map: { family: 'inet', table: 'vm', name: 'jumps', type: 'ifname', map: 'verdict', elem: [['bp5q0izup', { jump: { target: 'from_lan' } }]] } };
    const ruleset = withTables(vmapTable('@jumps', [map]));
    expect(tracePodman(lan, HOST_IP, 9090, { ruleset }).outcome.kind).toBe('dropped');
    expect(tracePodman(lan, HOST_IP, 9191, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P2 });
  });
});

describe('a firewalld-like input chain', () => {
  const ctVmap = { vmap: { key: { ct: { key: 'state' } }, data: { set: [['established', { accept: null }], ['related', { accept: null }], ['invalid', { drop: null }]] } } };
  const reject = { reject: { type: 'icmpx', expr: 'admin-prohibited' } };
  const ruleset = withTables(
    table('inet', 'fw', [
      { name: 'input', base: { type: 'filter', hook: 'input', prio: 10 }, rules: [[ctVmap], [{ match: { op: '==', left: { meta: { key: 'iifname' } }, right: 'lo' } }, { accept: null }], [{ jump: { target: 'in_public' } }]] },
      { name: 'in_public', rules: [[tcpDport(22), { accept: null }], [reject]] },
    ]),
  );

  it('rejects a new connection to a host port it does not open, after the ct state map let it through', () => {
    const result = tracePodman(lan, HOST_IP, 8000, { ruleset });
    expect(result.outcome.kind).toBe('rejected');
    expect(result.steps.at(-1)).toMatchObject({ stage: 'inet fw in_public', verdict: 'reject' });
  });

  it('does not see forwarded traffic: the published port still reaches the container', () => {
    expect(tracePodman(lan, HOST_IP, 9090, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });
});

describe('marks', () => {
  it('a mark set in prerouting is matched in forward', () => {
    const ruleset = withTables(
      table('inet', 'mk', [
        { name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -250 }, rules: [[tcpDport(9090), { mangle: { key: { meta: { key: 'mark' } }, value: 66 } }]] },
        forwardChain(5, [[markIs(66), { drop: null }]]),
      ]),
    );
    const marked = tracePodman(lan, HOST_IP, 9090, { ruleset });
    expect(marked.steps.find((s) => s.stage === 'inet mk pre')?.description).toContain('sets the packet mark to 0x42');
    expect(marked.outcome.kind).toBe('dropped');
    expect(marked.outcome.description).toContain('inet mk chain fwd');
    expect(tracePodman(lan, HOST_IP, 9191, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P2 });
  });
});

describe('NAT across tables', () => {
  it('once an earlier nat chain of the hook maps the connection, later nat chains are skipped', () => {
    const ruleset = withTables(
      table('ip', 'mine', [{ name: 'pre', base: { type: 'nat', hook: 'prerouting', prio: -150 }, rules: [[tcpDport(9090), { dnat: { addr: '10.89.0.2', port: 80 } }]] }]),
    );
    const result = tracePodman(lan, HOST_IP, 9090, { ruleset });
    expect(result.steps.filter((s) => s.verdict === 'dnat').map((s) => s.stage)).toEqual(['ip mine pre']);
    expect(result.steps.some((s) => s.stage === 'inet netavark PREROUTING')).toBe(false);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P2 });
  });

  it('nat chains at the same priority: the first mapping wins, with a caveat that their order is not visible', () => {
    const ruleset = withTables(
      table('ip', 'mine', [{ name: 'pre', base: { type: 'nat', hook: 'prerouting', prio: -100 }, rules: [[tcpDport(9090), { dnat: { addr: '10.89.0.2', port: 80 } }]] }]),
    );
    const result = tracePodman(lan, HOST_IP, 9090, { ruleset });
    expect(result.steps.filter((s) => s.verdict === 'dnat').map((s) => s.stage)).toEqual(['inet netavark nv_2f259bab_10_88_0_0_nm16_dnat']);
    expect(result.caveats.join(' ')).toContain('ip mine pre and inet netavark PREROUTING are nat chains of the prerouting hook at the same priority (-100)');
  });

  it('ct status dnat tells a DNATed connection from a direct one', () => {
    const ctDnat = { match: { op: 'in', left: { ct: { key: 'status' } }, right: 'dnat' } };
    const ruleset = withTables(table('inet', 'cs', [forwardChain(5, [[ctDnat, { drop: null }]])]));
    const p2 = { kind: 'container', containerId: 'p2' } as const;
    expect(tracePodman(p2, HOST_IP, 9090, { ruleset }).outcome.kind).toBe('dropped');
    expect(tracePodman(p2, '10.88.0.2', 80, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });

  it('a dnat through a map with an address . port concatenation', () => {
    const key = { concat: [{ payload: { protocol: 'ip', field: 'daddr' } }, { payload: { protocol: 'tcp', field: 'dport' } }] };
    const data = { set: [[{ concat: [HOST_IP, 7000] }, { concat: ['10.89.0.2', 80] }]] };
    const ruleset = withTables(table('ip', 'mine', [{ name: 'pre', base: { type: 'nat', hook: 'prerouting', prio: -150 }, rules: [[{ dnat: { family: 'ip', addr: { map: { key, data } } } }]] }]));
    const result = tracePodman(lan, HOST_IP, 7000, { ruleset });
    expect(result.packet).toMatchObject({ destination: '10.89.0.2', port: 80 });
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P2 });
    // Not in the map: no rewrite, and netavark's own chain still runs.
    expect(tracePodman(lan, HOST_IP, 9090, { ruleset }).outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });
});

describe('what is not evaluated', () => {
  it('is named in a caveat, and the rule is assumed not to match', () => {
    const limit = { limit: { rate: 1, per: 'second' } };
    // Before netavark's DNAT (-100), which rewrites the port to 80.
    const ruleset = withTables(table('inet', 'u', [{ name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -200 }, rules: [[tcpDport(9090), limit, { drop: null }]] }]));
    const result = tracePodman(lan, HOST_IP, 9090, { ruleset });
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P1 });
    expect(result.caveats.find((c) => c.startsWith('Rule 1 in inet u chain pre'))).toMatch(/uses the statement "limit", which is not evaluated; it was assumed not to match/);
  });

  it('an inet chain at the ingress hook is named as not evaluated', () => {
    const ruleset = withTables(table('inet', 'early', [{ name: 'ing', base: { type: 'filter', hook: 'ingress', prio: 0 }, rules: [[{ drop: null }]] }]));
    expect(tracePodman(lan, HOST_IP, 9090, { ruleset }).caveats).toContain('The inet early chain ing hooks ingress, which is not evaluated; its drops or marks could change this path.');
  });

  it('tables of other families stay in the standing caveat; ip and inet tables do not', () => {
    const ruleset = withTables(table('netdev', 'nd', [{ name: 'ing', base: { type: 'filter', hook: 'ingress', prio: 0 }, rules: [[{ drop: null }]] }]));
    const caveats = tracePodman(lan, HOST_IP, 9090, { ruleset }).caveats.join(' ');
    expect(caveats).toContain('The netdev nd table (1 rule) is not evaluated');
    expect(caveats).not.toContain('inet netavark table');
  });
});

describe("Docker 29's nftables backend", () => {
  const web: Container = {
    id: 'webid',
    name: 'web',
    image: 'nginx',
    state: 'running',
    status: 'Up',
    networkMode: 'custom',
    pid: 100,
    endpoints: [{ network: 'bridge1', networkId: 'b1', ip: '192.0.2.2/24', mac: null, gateway: '192.0.2.1', hostVeth: 'vethweb', interface: 'eth0' }],
    ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    links: null,
  };
  const traceDocker = (extra: unknown[]) => {
    const ruleset = parseNftJson(JSON.stringify({ nftables: [...docker29Document().nftables, ...extra] }));
    return tracePacket({ ruleset, routes: docker29Routes, links: docker29Links, containers: [web], listeners: [], packet: { protocol: 'tcp', destination: '198.51.100.1', port: 8080, from: lan } });
  };

  it('alone: DNAT in ip docker-bridges, accepted through its verdict map, delivered to the container', () => {
    const result = traceDocker([]);
    expect(result.steps.find((s) => s.verdict === 'dnat')?.stage).toBe('ip docker-bridges nat-prerouting-and-output');
    expect(result.steps.find((s) => s.verdict === 'accept')?.stage).toBe('ip docker-bridges filter-forward-in__bridge1');
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'webid' });
  });

  it("with the user's inet filter forward policy drop: dropped, and the caveat says what Docker needs", () => {
    const result = traceDocker(table('inet', 'filter', [forwardChain(0, [], 'drop')]));
    expect(result.outcome.kind).toBe('dropped');
    const caveats = result.caveats.join(' ');
    expect(caveats).toContain('ip docker-bridges filter-FORWARD accepted this packet at the forward hook');
    expect(caveats).toContain('bridge-accept-fwmark');
  });
});
