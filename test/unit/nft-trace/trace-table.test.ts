import { describe, expect, it } from 'vitest';
import { staleTraceTables, traceTableName, traceTableOwner, traceTableScript } from '../../../src/main/netcore/nft-trace/trace-table';
import { positionKey, rulePositions } from '../../../src/main/netcore/nft-trace/rule-positions';
import { fixture } from './trace-fixtures';

const name = traceTableName(4242, '123456');

describe('the trace table', () => {
  it('marks only the probe’s first packet, leaving the host by output (and coming back on lo)', () => {
    const script = traceTableScript(name, { protocol: 'tcp', destination: '198.51.100.1', port: 8080, sourcePort: 61234, origin: 'host' });
    expect(script).toBe(
      [
        'table ip bridgeport_trace_4242_123456 {',
        '  chain out { type filter hook output priority -350; ip daddr 198.51.100.1 tcp dport 8080 tcp sport 61234 tcp flags & (syn | ack) == syn meta nftrace set 1; }',
        '  chain pre { type filter hook prerouting priority -350; iifname "lo" ip daddr 198.51.100.1 tcp dport 8080 tcp sport 61234 tcp flags & (syn | ack) == syn meta nftrace set 1; }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('waits for any LAN source (no source port) in prerouting; UDP has no SYN to match', () => {
    const script = traceTableScript(name, { protocol: 'udp', destination: '10.0.0.5', port: 53, sourcePort: null, origin: 'lan' });
    expect(script).toContain('chain pre { type filter hook prerouting priority -350; ip daddr 10.0.0.5 udp dport 53 meta nftrace set 1; }');
    expect(script).not.toContain('hook output');
  });

  it('prints nothing it did not check', () => {
    expect(() => traceTableScript(name, { protocol: 'tcp', destination: '1.2.3.4; flush ruleset', port: 80, sourcePort: null, origin: 'lan' })).toThrow(/not an IPv4 address/);
    expect(() => traceTableScript(name, { protocol: 'tcp', destination: '1.2.3.4', port: 70000, sourcePort: null, origin: 'lan' })).toThrow(/not a port/);
    expect(() => traceTableScript('filter', { protocol: 'tcp', destination: '1.2.3.4', port: 80, sourcePort: null, origin: 'lan' })).toThrow(/not a trace table name/);
  });

  it('knows its owner, and which tables are stale', () => {
    expect(traceTableOwner(name)).toEqual({ pid: 4242, startTime: '123456' });
    expect(traceTableOwner('nat')).toBeNull();
    const listing = ['table ip nat', 'table ip bridgeport_trace_4242_123456', 'table ip bridgeport_trace_77_9', 'table ip filter'].join('\n');
    expect(staleTraceTables(listing, (pid, start) => pid === 4242 && start === '123456')).toEqual(['bridgeport_trace_77_9']);
  });
});

describe('rulePositions', () => {
  it('gives each handle its place in its chain, as iptables-save orders the same rules', () => {
    const positions = rulePositions(fixture('docker28-ruleset.json'));
    // Handle 28 is `-A DOCKER-FORWARD -i br-… -o br-… -j DROP`, the 6th rule of DOCKER-FORWARD.
    expect(positions.get(positionKey('ip', 'filter', 'DOCKER-FORWARD', 28))).toBe(6);
    const save = fixture('docker28-iptables-save.txt').split('\n').filter((l) => l.startsWith('-A DOCKER-FORWARD '));
    expect(save[5]).toMatch(/-j DROP$/);
  });
});
