// The loopback guard outlives the published ports while route_localnet is on anywhere: an apply
// without mappings (that never asked to reset route_localnet) must not open 127.0.0.0/8 from outside.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desiredRules, hasLoopbackGuard } from '../../../src/main/netcore/rulesets/port-rules';
import { planBatch } from '../../../src/main/netcore/rulesets/plan-port-batch';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';

const fixture = (name: string) => parseIptablesSave(readFileSync(resolve(import.meta.dirname, '../../fixtures/publish', name), 'utf8'), 'ipv4');
const published = fixture('docker20-published.txt');
const before = fixture('docker20-before.txt');

describe('the loopback guard without mappings', () => {
  it('is found in a rule set that has it', () => {
    expect(hasLoopbackGuard(published)).toBe(true);
    expect(hasLoopbackGuard(before)).toBe(false);
  });

  it('kept: removing every mapping leaves BRIDGEPORT-RAW, its rule and its jump; DNAT goes first', () => {
    const batch = planBatch(desiredRules([], true, { keepLoopbackGuard: true }), published).batch!;
    expect(batch).not.toMatch(/^-D PREROUTING -j BRIDGEPORT-RAW$/m);
    expect(batch).not.toMatch(/^-X BRIDGEPORT-RAW$/m);
    expect(batch).not.toMatch(/bridgeport: loopback guard/);
    expect(batch).toMatch(/^-X BRIDGEPORT-DNAT$/m);
    expect(batch.indexOf('*nat')).toBeLessThan(batch.indexOf('*filter'));
  });

  it('kept: a rule set holding only the guard needs nothing more; not kept: it goes', () => {
    const afterKept = planBatch(desiredRules([], true, { keepLoopbackGuard: true }), published).batch!;
    expect(afterKept).not.toBeNull();
    expect(planBatch(desiredRules([], true, { keepLoopbackGuard: true }), before).batch).toMatch(/^-A BRIDGEPORT-RAW -d 127\.0\.0\.0\/8 ! -i lo .*-j DROP$/m);
    expect(planBatch(desiredRules([], true), published).batch).toMatch(/^-X BRIDGEPORT-RAW$/m);
  });
});
