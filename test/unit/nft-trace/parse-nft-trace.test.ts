import { describe, expect, it } from 'vitest';
import { isTableAdded, isTableEvent, parseNftTraceLine, parseTracedPacket } from '../../../src/main/netcore/nft-trace/parse-nft-trace';
import { tracesOf, traceWhere } from './trace-fixtures';

describe('parseNftTraceLine (nft 1.0.6 monitor output captured in the lab)', () => {
  const docker = tracesOf('docker28-monitor.txt');

  it('reads every trace line of the Docker 28 capture and nothing else', () => {
    expect(docker.size).toBeGreaterThanOrEqual(4);
    const all = [...docker.values()].flat();
    expect(all.every((e) => ['packet', 'rule', 'policy', 'return'].includes(e.kind))).toBe(true);
  });

  it('reads a rule with its text, handle and jump target', () => {
    expect(parseNftTraceLine('trace id 911021be ip nat PREROUTING rule fib daddr type local counter packets 0 bytes 0 jump DOCKER # handle 3 (verdict jump DOCKER)')).toEqual({
      id: '911021be',
      family: 'ip',
      table: 'nat',
      chain: 'PREROUTING',
      kind: 'rule',
      rule: 'fib daddr type local counter packets 0 bytes 0 jump DOCKER',
      handle: 3,
      verdict: 'jump',
      target: 'DOCKER',
    });
  });

  it('reads a rule nft cannot print (an xt match) by its handle, and a policy', () => {
    const icc = traceWhere(docker, (events) => events.some((e) => e.verdict === 'drop'));
    const drop = icc.find((e) => e.verdict === 'drop')!;
    expect(drop).toMatchObject({ table: 'filter', chain: 'DOCKER-FORWARD', kind: 'rule', rule: '', handle: 28 });
    expect(parseNftTraceLine('trace id 1 ip nat POSTROUTING policy accept ')).toMatchObject({ kind: 'policy', verdict: 'accept' });
  });

  it("reads the packet line's interfaces, addresses and ports", () => {
    const lan = traceWhere(docker, (events) => events.some((e) => e.packet?.source === '198.51.100.2'));
    const forwarded = lan.find((e) => e.kind === 'packet' && e.chain === 'FORWARD')!;
    expect(forwarded.packet).toMatchObject({ iif: expect.stringMatching(/up$/), oif: 'docker0', source: '198.51.100.2', destination: '172.17.0.2', protocol: 'tcp', destinationPort: 80 });
    expect(parseTracedPacket('iif "lo" ip saddr 10.0.0.1 ip daddr 10.0.0.2 udp sport 5353 udp dport 53 udp length 8')).toEqual({
      iif: 'lo',
      oif: null,
      source: '10.0.0.1',
      destination: '10.0.0.2',
      protocol: 'udp',
      sourcePort: 5353,
      destinationPort: 53,
    });
  });

  it('reads native nftables (netavark) traces of the Podman 5 capture', () => {
    const podman = [...tracesOf('podman5-monitor.txt').values()].flat();
    expect(podman.some((e) => e.family === 'inet' && e.table === 'netavark' && e.rule?.includes('dnat ip to 10.88.0.2:80'))).toBe(true);
  });

  it('ignores what is not a trace event, and recognises the trace table being added', () => {
    expect(parseNftTraceLine('add table ip bridgeport_trace_1_2 # handle 6')).toBeNull();
    expect(parseNftTraceLine('trace id 1 ip nat PREROUTING something new')).toBeNull();
    expect(isTableAdded('add table ip bridgeport_trace_1_2 # handle 6', 'ip', 'bridgeport_trace_1_2')).toBe(true);
    expect(isTableAdded('add table ip bridgeport_trace_1_23 # handle 6', 'ip', 'bridgeport_trace_1_2')).toBe(false);
    // A chain added later tells a monitor that subscribed after the table was added that it listens.
    expect(isTableEvent('add chain ip bridgeport_trace_1_2 listening_1 # handle 9', 'ip', 'bridgeport_trace_1_2')).toBe(true);
    expect(isTableEvent('add chain ip bridgeport_trace_1_23 listening_1', 'ip', 'bridgeport_trace_1_2')).toBe(false);
    expect(isTableEvent('add rule ip nat DOCKER …', 'ip', 'bridgeport_trace_1_2')).toBe(false);
  });
});
