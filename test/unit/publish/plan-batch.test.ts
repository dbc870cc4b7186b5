import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desiredRules } from '../../../src/main/netcore/rulesets/port-rules';
import { planBatch } from '../../../src/main/netcore/rulesets/plan-port-batch';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import type { ResolvedMapping } from '../../../src/main/privileged/contract/resolved-mapping';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/publish', name), 'utf8');
const docker20 = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/firewall', name), 'utf8');

// The two mappings published in the lab when docker20-published.txt was captured.
const w1: ResolvedMapping = {
  id: '5b242650c441', protocol: 'tcp', hostIp: '', hostPort: 9090, hostPortEnd: 9090, containerPort: 80, containerPortEnd: 80,
  containerIp: '172.17.0.2', containerPid: 30515, bridge: 'docker0', subnet: '172.17.0.0/16',
};
const w2: ResolvedMapping = {
  id: 'c9e549312b56', protocol: 'udp', hostIp: '127.0.0.1', hostPort: 9091, hostPortEnd: 9092, containerPort: 80, containerPortEnd: 81,
  containerIp: '172.17.0.3', containerPid: 30615, bridge: 'docker0', subnet: '172.17.0.0/16',
};

const plan = (mappings: ResolvedMapping[], saveText: string) => {
  const current = parseIptablesSave(saveText, 'ipv4');
  const hasDockerUser = current.chains.some((c) => c.table === 'filter' && c.name === 'DOCKER-USER');
  return planBatch(desiredRules(mappings, hasDockerUser), current);
};

describe('planBatch against rule sets captured in the lab', () => {
  it('has nothing to do when the rule set already holds exactly these mappings', () => {
    expect(plan([w1, w2], fixture('docker20-published.txt')).batch).toBeNull();
  });

  it('has nothing to do without mappings on a rule set without our chains', () => {
    expect(plan([], fixture('docker20-before.txt')).batch).toBeNull();
  });

  it('adds chains, jumps and rules on a Docker host; ACCEPT before DNAT; one DNAT per port of a range', () => {
    const { batch, addedUdpPorts } = plan([w1, w2], fixture('docker20-before.txt'));
    expect(batch).not.toBeNull();
    const lines = batch!.split('\n');
    // Docker 20.10's DOCKER-USER ends with -j RETURN: our jump goes right before it.
    expect(lines).toContain('-I DOCKER-USER 1 -j BRIDGEPORT-FORWARD');
    expect(lines).toContain('-I PREROUTING 1 -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT');
    expect(lines).toContain('-I OUTPUT 1 -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT');
    expect(lines.indexOf('*filter')).toBeLessThan(lines.indexOf('*nat'));
    const dnat = lines.filter((l) => l.startsWith('-A BRIDGEPORT-DNAT'));
    expect(dnat).toEqual([
      '-A BRIDGEPORT-DNAT -p tcp -m tcp --dport 9090 -m comment --comment "bridgeport:5b242650c441" -j DNAT --to-destination 172.17.0.2:80',
      '-A BRIDGEPORT-DNAT -d 127.0.0.1/32 -p udp -m udp --dport 9091 -m comment --comment "bridgeport:c9e549312b56" -j DNAT --to-destination 172.17.0.3:80',
      '-A BRIDGEPORT-DNAT -d 127.0.0.1/32 -p udp -m udp --dport 9092 -m comment --comment "bridgeport:c9e549312b56" -j DNAT --to-destination 172.17.0.3:81',
    ]);
    expect(addedUdpPorts).toEqual([9091, 9092]);
    // Never a line that edits a Docker chain beyond our one jump.
    expect(lines.filter((l) => /^-[AIDX] DOCKER/.test(l))).toEqual(['-I DOCKER-USER 1 -j BRIDGEPORT-FORWARD']);
  });

  it('a loopback-only mapping gets no hairpin MASQUERADE from the bridge, only from 127.0.0.0/8', () => {
    const masq = desiredRules([w2], true).tables.nat.rules.filter((r) => r.includes('MASQUERADE'));
    expect(masq).toHaveLength(1);
    expect(masq[0]).toContain('-s 127.0.0.0/8 ');
    const all = desiredRules([w1], true).tables.nat.rules.filter((r) => r.includes('MASQUERADE'));
    expect(all.map((r) => r.split(' ')[3])).toEqual(['172.17.0.0/16', '127.0.0.0/8']);
  });

  it('removes everything, DNAT first, when the last mapping goes', () => {
    const { batch } = plan([], fixture('docker20-published.txt'));
    const lines = batch!.split('\n');
    expect(lines.indexOf('*nat')).toBeLessThan(lines.indexOf('*filter'));
    expect(lines).toEqual(expect.arrayContaining([
      '-D PREROUTING -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT',
      '-D DOCKER-USER -j BRIDGEPORT-FORWARD',
      '-X BRIDGEPORT-DNAT', '-X BRIDGEPORT-POSTROUTING', '-X BRIDGEPORT-FORWARD', '-X BRIDGEPORT-RAW',
    ]));
    expect(lines.some((l) => l.startsWith('-A '))).toBe(false);
  });

  it('rewrites only the table that changed when one mapping goes', () => {
    const { batch } = plan([w1], fixture('docker20-published.txt'));
    expect(batch).toContain('*nat');
    expect(batch).toContain('*filter');
    expect(batch).not.toContain('*raw');
    expect(batch).not.toMatch(/^-[ID] /m);
  });

  it('puts back a jump someone deleted, and deletes a duplicated one', () => {
    const without = fixture('docker20-published.txt').replace('-A OUTPUT -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT\n', '');
    expect(plan([w1, w2], without).batch).toMatch(/^-I OUTPUT 1 -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT$/m);
    const twice = fixture('docker20-published.txt').replace('-A POSTROUTING -j BRIDGEPORT-POSTROUTING\n', '-A POSTROUTING -j BRIDGEPORT-POSTROUTING\n-A POSTROUTING -j BRIDGEPORT-POSTROUTING\n');
    const batch = plan([w1, w2], twice).batch!;
    expect(batch.match(/^-D POSTROUTING -j BRIDGEPORT-POSTROUTING$/gm)).toHaveLength(1);
    expect(batch).not.toMatch(/^-I POSTROUTING/m);
  });

  it('notices a rule changed inside our chain (a container that came back with another IP)', () => {
    const moved = { ...w1, containerIp: '172.17.0.9' };
    const batch = plan([moved, w2], fixture('docker20-published.txt')).batch!;
    expect(batch).toContain('--to-destination 172.17.0.9:80');
    expect(batch).toMatch(/^:BRIDGEPORT-DNAT - \[0:0\]$/m);
  });

  it('keeps the counters of the rules it keeps (the batch is applied with --counters)', () => {
    const counted = fixture('docker20-published.txt').replace('-A BRIDGEPORT-DNAT -d 127.0.0.1/32 -p udp -m udp --dport 9091', '[7:420] -A BRIDGEPORT-DNAT -d 127.0.0.1/32 -p udp -m udp --dport 9091');
    const batch = plan([{ ...w1, containerIp: '172.17.0.9' }, w2], counted).batch!;
    expect(batch).toMatch(/^\[7:420\] -A BRIDGEPORT-DNAT -d 127\.0\.0\.1\/32 -p udp -m udp --dport 9091 /m);
    expect(batch).toMatch(/^-A BRIDGEPORT-DNAT -p tcp -m tcp --dport 9090 .*--to-destination 172\.17\.0\.9:80$/m);
  });

  it('reads iptables-legacy quoting (no quotes around a comment without spaces) as the same rules', () => {
    const legacy = fixture('docker20-published.txt').replace(/--comment "(bridgeport:[0-9a-f]+)"/g, '--comment $1');
    expect(plan([w1, w2], legacy).batch).toBeNull();
  });

  it('jumps from FORWARD when Docker made no DOCKER-USER chain, and appends to an empty DOCKER-USER (Docker 27+)', () => {
    const plain = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n';
    expect(plan([w1], plain).batch).toMatch(/^-I FORWARD 1 -j BRIDGEPORT-FORWARD$/m);
    const docker28 = docker20('docker28-iptables-save.txt');
    expect(plan([w1], docker28).batch).toMatch(/^-A DOCKER-USER -j BRIDGEPORT-FORWARD$/m);
  });

  it('puts the filter jump after rules the user added to DOCKER-USER', () => {
    const withUserRule = fixture('docker20-before.txt').replace('-A DOCKER-USER -j RETURN', '-A DOCKER-USER -s 10.0.0.0/8 -j DROP\n-A DOCKER-USER -j RETURN');
    expect(plan([w1], withUserRule).batch).toMatch(/^-I DOCKER-USER 2 -j BRIDGEPORT-FORWARD$/m);
  });
});
