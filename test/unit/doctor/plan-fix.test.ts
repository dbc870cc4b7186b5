// The fix planners: the one iptables-restore batch for the doctor's own chains (compared with the
// rule set it is planned against) and the operations each fix takes.
import { describe, expect, it } from 'vitest';
import { doctorContext } from '../../../src/main/engine/doctor/doctor-context';
import { currentRuleSet, desiredRules } from '../../../src/main/netcore/rulesets/doctor-rules';
import { planDoctorBatch } from '../../../src/main/netcore/rulesets/plan-doctor-batch';
import { planFix } from '../../../src/main/engine/doctor/plan-fix';
import { DoctorRefused, resolveFixId, runChecks } from '../../../src/main/engine/doctor/run-checks';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { facts, saveText, withoutRule, withRules } from './doctor-fixtures';

const D20 = saveText('docker20');
const both = { forward: ['docker0'], masquerade: [{ subnet: '172.28.0.0/16', bridge: 'br-023249dff2ea' }] };

/** What iptables-nft-save prints once the batch is in (quotes on every comment, counters). */
function applied(save: string, set: typeof both, counters = '[0:0] '): string {
  const want = desiredRules(set);
  const quoted = (rules: string[]) => rules.map((r) => `${counters}${r}`);
  let text = save;
  if (want.filter.length) text = withRules(text, 'filter', [...quoted(want.filter), `${counters}-A FORWARD -j BRIDGEPORT-DOCTOR`], ['BRIDGEPORT-DOCTOR']);
  if (want.nat.length) text = withRules(text, 'nat', [...quoted(want.nat), `${counters}-A POSTROUTING -j BRIDGEPORT-DOCTOR`], ['BRIDGEPORT-DOCTOR']);
  return text;
}

describe('the doctor batch', () => {
  it("creates the chains, their rules and one jump at the end of FORWARD / POSTROUTING, naming nothing else", () => {
    const batch = planDoctorBatch(both, parseIptablesSave(D20));
    expect(batch).toBe(
      [
        '*filter',
        ':BRIDGEPORT-DOCTOR - [0:0]',
        '-A BRIDGEPORT-DOCTOR -i docker0 ! -o docker0 -m comment --comment "bridgeport doctor: forward-accept" -j ACCEPT',
        '-A BRIDGEPORT-DOCTOR -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "bridgeport doctor: forward-accept" -j ACCEPT',
        '-A FORWARD -j BRIDGEPORT-DOCTOR',
        'COMMIT',
        '*nat',
        ':BRIDGEPORT-DOCTOR - [0:0]',
        '-A BRIDGEPORT-DOCTOR -s 172.28.0.0/16 ! -o br-023249dff2ea -m comment --comment "bridgeport doctor: masquerade" -j MASQUERADE',
        '-A POSTROUTING -j BRIDGEPORT-DOCTOR',
        'COMMIT',
        '',
      ].join('\n'),
    );
    // Never a policy, a flush or a foreign chain.
    expect(batch).not.toMatch(/^:(FORWARD|POSTROUTING|INPUT|OUTPUT|PREROUTING|DOCKER)/m);
    expect(batch).not.toMatch(/^-(F|P|X|Z)/m);
  });

  it('plans nothing when the rule set already holds exactly that (whatever the counters)', () => {
    expect(planDoctorBatch(both, parseIptablesSave(applied(D20, both, '[7:420] ')))).toBeNull();
    expect(planDoctorBatch({ forward: [], masquerade: [] }, parseIptablesSave(D20))).toBeNull();
  });

  it('rewrites only the table that differs, keeping the counters of rules it keeps', () => {
    const current = parseIptablesSave(applied(D20, both, '[7:420] '));
    const batch = planDoctorBatch({ ...both, forward: ['docker0', 'br-023249dff2ea'] }, current)!;
    expect(batch).not.toContain('*nat');
    expect(batch).toContain('[7:420] -A BRIDGEPORT-DOCTOR -i docker0 ! -o docker0');
    expect(batch).toContain('\n-A BRIDGEPORT-DOCTOR -i br-023249dff2ea ! -o br-023249dff2ea');
    // The jump is there already: not added twice.
    expect(batch).not.toContain('-A FORWARD -j BRIDGEPORT-DOCTOR');
  });

  it('removes a repeated jump and adds a missing one', () => {
    const twice = withRules(applied(D20, both), 'filter', ['-A FORWARD -j BRIDGEPORT-DOCTOR']);
    expect(planDoctorBatch(both, parseIptablesSave(twice))).toBe(
      ['*filter', ':BRIDGEPORT-DOCTOR - [0:0]', '-D FORWARD -j BRIDGEPORT-DOCTOR', ...desiredRules(both).filter.map((r) => `[0:0] ${r}`), 'COMMIT', ''].join('\n'),
    );
    const jumpless = withoutRule(applied(D20, both), '-A POSTROUTING -j BRIDGEPORT-DOCTOR');
    expect(planDoctorBatch(both, parseIptablesSave(jumpless))).toContain('*nat\n:BRIDGEPORT-DOCTOR - [0:0]\n[0:0] -A BRIDGEPORT-DOCTOR -s 172.28.0.0/16');
  });

  it('takes its chains away whole when nothing is wanted any more', () => {
    expect(planDoctorBatch({ forward: [], masquerade: [] }, parseIptablesSave(applied(D20, both)))).toBe(
      [
        '*filter',
        ':BRIDGEPORT-DOCTOR - [0:0]',
        '-D FORWARD -j BRIDGEPORT-DOCTOR',
        '-X BRIDGEPORT-DOCTOR',
        'COMMIT',
        '*nat',
        ':BRIDGEPORT-DOCTOR - [0:0]',
        '-D POSTROUTING -j BRIDGEPORT-DOCTOR',
        '-X BRIDGEPORT-DOCTOR',
        'COMMIT',
        '',
      ].join('\n'),
    );
  });

  it('reads back what its chains hold', () => {
    expect(currentRuleSet(parseIptablesSave(applied(D20, both)))).toEqual(both);
    expect(currentRuleSet(parseIptablesSave(D20))).toEqual({ forward: [], masquerade: [] });
  });
});

describe('planning a fix', () => {
  it('ip-forward and br-netfilter write one allow-listed sysctl; br_netfilter is loaded only when missing', () => {
    const ctx = doctorContext(facts('docker20'));
    expect(planFix('ip-forward', ctx)).toEqual([{ op: 'sysctl.set', args: { key: 'net.ipv4.ip_forward', value: 1 } }]);
    expect(planFix('br-netfilter', ctx)).toEqual([{ op: 'sysctl.set', args: { key: 'net.bridge.bridge-nf-call-iptables', value: 1 } }]);
    const missing = doctorContext(facts('docker20', { sysctls: { ipForward: '1', bridgeNfCallIptables: null } }));
    expect(planFix('br-netfilter', missing).map((o) => o.op)).toEqual(['kernel.loadModule', 'sysctl.set']);
  });

  it('forward-accept adds the policy-dropped bridges to what the chain holds, dropping rules of bridges that are gone', () => {
    const broken = withoutRule(D20, '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT');
    const earlier = { forward: ['br-gone0000000'], masquerade: [{ subnet: '172.28.0.0/16', bridge: 'br-023249dff2ea' }] };
    const ctx = doctorContext(facts('docker20', { save: applied(broken, earlier) }));
    expect(planFix('forward-accept', ctx)).toEqual([
      { op: 'firewall.applyDoctorRules', args: { forward: ['docker0'], masquerade: [{ subnet: '172.28.0.0/16', bridge: 'br-023249dff2ea' }] } },
    ]);
  });

  it('masquerade adds the networks nothing masquerades, keeping the forward rules', () => {
    const broken = withoutRule(D20, '-A POSTROUTING -s 172.28.0.0/16 ! -o br-023249dff2ea -j MASQUERADE');
    const ctx = doctorContext(facts('docker20', { save: applied(broken, { forward: ['docker0'], masquerade: [] }) }));
    expect(planFix('masquerade', ctx)).toEqual([{ op: 'firewall.applyDoctorRules', args: both }]);
  });

  it('the report runs every check of the checklist once, in order', () => {
    expect(runChecks(facts('docker20')).map((c) => [c.id, c.status])).toEqual([
      ['ip-forward', 'ok'],
      ['forward-policy', 'ok'],
      ['masquerade', 'ok'],
      ['docker-iptables', 'ok'],
      ['iptables-split', 'ok'],
      ['br-netfilter', 'ok'],
      ['docker-proxy', 'ok'],
      ['subnet-overlap', 'ok'],
      ['dns', 'ok'],
    ]);
  });

  it('resolves fix ids and the ids of checks with a fix; refuses the rest with one clear sentence', () => {
    expect(resolveFixId('forward-accept')).toEqual({ fixId: 'forward-accept', checkId: 'forward-policy' });
    expect(resolveFixId('forward-policy')).toEqual({ fixId: 'forward-accept', checkId: 'forward-policy' });
    expect(resolveFixId('ip-forward')).toEqual({ fixId: 'ip-forward', checkId: 'ip-forward' });
    expect(() => resolveFixId('dns')).toThrow(new DoctorRefused('the dns check has no automatic fix (fixes: ip-forward, forward-accept, masquerade, br-netfilter)'));
    expect(() => resolveFixId('reboot')).toThrow(/^no check or fix "reboot"/);
    expect(() => resolveFixId('__proto__')).toThrow(DoctorRefused);
  });
});
