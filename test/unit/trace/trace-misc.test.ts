import { describe, expect, it } from 'vitest';
import { traceNotes } from '../../../src/main/engine/trace/trace-notes';
import { traceDestinationProblem } from '../../../src/main/netcore/meaning/trace-destination';
import { parseArgs } from '../../../src/main/privileged/contract/operations';
import { kernelTraceQuerySchema } from '../../../src/shared/trace-model';
import { probeSourcePort } from '../../../src/main/privileged/ops/trace/trace-probe';

describe('what a trace may aim at', () => {
  it('one unicast IPv4 host only', () => {
    expect(traceDestinationProblem('198.51.100.1')).toBeNull();
    expect(traceDestinationProblem('127.0.0.1')).toBeNull();
    expect(traceDestinationProblem('255.255.255.255')).toMatch(/broadcast/);
    expect(traceDestinationProblem('224.0.0.1')).toMatch(/multicast/);
    expect(traceDestinationProblem('0.0.0.0')).toMatch(/names no host/);
    expect(traceDestinationProblem('fe80::1')).toMatch(/not an IPv4 address/);
  });

  it('the helper takes a pid for a container, never a path or a name', () => {
    expect(parseArgs('trace.run', { protocol: 'tcp', destination: '10.0.0.1', port: 80, from: { kind: 'container', pid: 1234 }, timeoutMs: 5000 })).toMatchObject({ from: { pid: 1234 } });
    const bad = [
      { protocol: 'tcp', destination: '10.0.0.1', port: 80, from: { kind: 'container', name: 'w1' }, timeoutMs: 5000 },
      { protocol: 'tcp', destination: '10.0.0.1', port: 80, from: { kind: 'container', pid: 1, path: '/proc/1/ns/net' }, timeoutMs: 5000 },
      { protocol: 'icmp', destination: '10.0.0.1', port: 80, from: { kind: 'host' }, timeoutMs: 5000 },
      { protocol: 'tcp', destination: '10.0.0.1', port: 80, from: { kind: 'host' }, timeoutMs: 999_999 },
    ];
    for (const args of bad) expect(() => parseArgs('trace.run', args)).toThrow(/invalid arguments for trace.run/);
  });

  it('the query defaults to 10 s and refuses more than 120 s', () => {
    expect(kernelTraceQuerySchema.parse({ destination: '10.0.0.1', port: 80 })).toMatchObject({ timeoutSeconds: 10, from: 'lan', protocol: 'tcp' });
    expect(kernelTraceQuerySchema.safeParse({ destination: '10.0.0.1', port: 80, timeoutSeconds: 121 }).success).toBe(false);
  });

  it('the probe’s source port is outside the kernel’s ephemeral range', () => {
    expect(probeSourcePort(() => 0)).toBe(61_000);
    expect(probeSourcePort(() => 0.9999)).toBeLessThanOrEqual(65_499);
  });
});

describe('traceNotes', () => {
  const base = { origin: 'lan' as const, caught: true, timeoutSeconds: 10, target: '10.0.0.1:80/tcp', variant: 'nft' as const, steps: [], otherPackets: 0 };

  it('says when no packet came, and what the trace never shows', () => {
    const notes = traceNotes({ ...base, caught: false });
    expect(notes[0]).toMatch(/^No packet to 10\.0\.0\.1:80\/tcp arrived within 10 s/);
    expect(notes.at(-1)).toMatch(/host's network namespace/);
  });

  it('warns that iptables-legacy rules are invisible to the trace, and counts retransmissions', () => {
    const notes = traceNotes({ ...base, variant: 'legacy', otherPackets: 2 });
    expect(notes.join(' ')).toMatch(/iptables-legacy/);
    expect(notes.join(' ')).toMatch(/2 more packets of the flow/);
  });
});
