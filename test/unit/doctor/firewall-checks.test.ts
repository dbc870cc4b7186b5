// The firewall checks (forward-policy, masquerade, docker-iptables, iptables-split) on captured rule
// sets of Docker 20.10 (live), 27 and 28 (iptables-nft) and 29 (nftables backend), each changed the
// way a real host breaks: a rule deleted, a policy set, rules left in the other iptables variant.
import { describe, expect, it } from 'vitest';
import { dockerIptablesCheck } from '../../../src/main/engine/doctor/checks/docker-iptables';
import { forwardPolicyCheck } from '../../../src/main/engine/doctor/checks/forward-policy';
import { iptablesSplitCheck } from '../../../src/main/engine/doctor/checks/iptables-split';
import { masqueradeCheck } from '../../../src/main/engine/doctor/checks/masquerade';
import { doctorContext } from '../../../src/main/engine/doctor/doctor-context';
import type { DoctorFacts } from '../../../src/main/engine/doctor/doctor-facts';
import { desiredRules } from '../../../src/main/netcore/rulesets/doctor-rules';
import { facts, firewallFixture, INTRANET_BRIDGE, network, saveText, seedNetworks, unreadableFirewall, withPolicy, withoutRule, withRules } from './doctor-fixtures';

const forward = (f: DoctorFacts) => forwardPolicyCheck(doctorContext(f));
const masquerade = (f: DoctorFacts) => masqueradeCheck(doctorContext(f));

const EMPTY_SAVE = ['*filter', ':INPUT ACCEPT [0:0]', ':FORWARD ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', 'COMMIT', '*nat', ':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]', 'COMMIT', ''].join('\n');

describe('forward-policy', () => {
  it('passes on Docker 29 with the nftables backend, where iptables has no FORWARD chain', () => {
    const check = forward(facts('docker29'));
    expect(check.status).toBe('ok');
    expect(check.detail).toMatch(/^iptables has no filter FORWARD chain, so nothing there stops containers' traffic\. Docker's own nftables table/);
  });

  it.each(['docker20', 'docker27', 'docker28'] as const)('passes on an untouched %s host, naming the rule that accepts each way', (layout) => {
    const check = forward(facts(layout));
    expect(check.status).toBe('ok');
    expect(check.fix).toBeUndefined();
    expect(check.detail).toMatch(/^bridge \(docker0\): out — Accepted by/);
    expect(check.detail).toContain(`intranet (${INTRANET_BRIDGE[layout]}): out — Accepted by`);
    expect(check.lookedAt).toContain('a new TCP connection from 172.17.0.2 (network bridge) to 1.1.1.1 by the default route out of enp1s0, and its replies');
  });

  it("names Docker 28's DOCKER-FORWARD rule as the one letting docker0 out", () => {
    expect(forward(facts('docker28')).detail).toMatch(/bridge \(docker0\): out — Accepted by rule \d+ of filter DOCKER-FORWARD \(All traffic, arriving from docker0\)/);
  });

  it("fails with the forward-accept fix when Docker's accept rule is gone and the policy is DROP (20.10)", () => {
    const save = withoutRule(saveText('docker20'), '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT');
    const check = forward(facts('docker20', { save }));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('bridge (docker0): a new connection from it falls through to the FORWARD policy DROP and is dropped');
    expect(check.detail).toContain('"-i docker0 ! -o docker0 -j ACCEPT"');
    expect(check.detail).toContain('intranet (br-023249dff2ea): out — Accepted');
    expect(check.fix).toMatchObject({
      id: 'forward-accept',
      label: 'Accept traffic out of docker0 and its replies (own chain BRIDGEPORT-DOCTOR at the end of FORWARD; the DROP policy stays)',
    });
    expect(check.lookedAt[0]).toBe('filter FORWARD policy: DROP');
  });

  it('fails when only the replies are dropped', () => {
    const save = withoutRule(saveText('docker20'), '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    const check = forward(facts('docker20', { save }));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('bridge (docker0): the replies to its connections fall through to the FORWARD policy DROP');
    expect(check.fix?.id).toBe('forward-accept');
  });

  it("fails on Docker 28 when DOCKER-FORWARD's accept for docker0 is gone", () => {
    const save = withoutRule(saveText('docker28'), '-A DOCKER-FORWARD -i docker0 -j ACCEPT');
    const check = forward(facts('docker28', { save }));
    expect(check.status).toBe('fail');
    expect(check.fix?.label).toContain('docker0');
    expect(check.fix?.label).not.toContain(INTRANET_BRIDGE.docker28);
  });

  it('passes with the policy ACCEPT even without Docker rules', () => {
    const save = withPolicy(withoutRule(saveText('docker20'), '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT'), 'FORWARD', 'ACCEPT');
    const check = forward(facts('docker20', { save }));
    expect(check.status).toBe('ok');
    expect(check.detail).toContain('No rule of filter FORWARD decided; its policy ACCEPT applies.');
  });

  it('passes once the rules the fix plans are in place: the fix really lets the traffic through', () => {
    const broken = withoutRule(saveText('docker20'), '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT');
    const fixed = withRules(broken, 'filter', [...desiredRules({ forward: ['docker0'], masquerade: [] }).filter, '-A FORWARD -j BRIDGEPORT-DOCTOR'], ['BRIDGEPORT-DOCTOR']);
    const check = forward(facts('docker20', { save: fixed }));
    expect(check.status).toBe('ok');
    expect(check.detail).toMatch(/bridge \(docker0\): out — Accepted by rule 1 of filter BRIDGEPORT-DOCTOR/);
  });

  it('fails without a fix when a rule (not the policy) drops the traffic: that is a decision, not an accident', () => {
    const save = withRules(withoutRule(saveText('docker20'), '-A DOCKER-USER -j RETURN'), 'filter', ['-A DOCKER-USER -s 172.17.0.0/16 -j DROP', '-A DOCKER-USER -j RETURN']);
    const check = forward(facts('docker20', { save }));
    expect(check.status).toBe('fail');
    expect(check.fix).toBeUndefined();
    expect(check.detail).toContain('bridge (docker0): a new connection from it: Dropped by rule 1 of filter DOCKER-USER (All traffic, from 172.17.0.0/16).');
  });

  it('leaves internal networks out: they are meant not to reach outside', () => {
    const networks = [...seedNetworks('docker20'), network('secret', 'br-5ec7e75ec7e7', '10.77.0.0/24', { internal: true })];
    expect(forward(facts('docker20', { networks })).detail).not.toContain('secret');
  });

  it('says it cannot read the firewall instead of guessing', () => {
    const check = forward(facts('docker20', { firewall: unreadableFirewall }));
    expect(check.status).toBe('warn');
    expect(check.detail).toMatch(/reading iptables needs root\. Run `sudo bridgeport doctor` to check this\.$/);
    expect(check.fix).toBeUndefined();
  });

  it('judges traffic to the LAN when there is no default route (like the lab)', () => {
    const f = facts('docker20');
    f.routes = f.routes!.filter((r) => r.destination !== '0.0.0.0/0');
    expect(forward(f).lookedAt).toContain(
      "a new TCP connection from 172.17.0.2 (network bridge) to 192.168.50.1 out of enp1s0 (there is no default route; 192.168.50.0/24 is the first network outside Docker's), and its replies",
    );
  });
});

describe('masquerade', () => {
  it.each(['docker20', 'docker27', 'docker28', 'docker29'] as const)('passes on an untouched %s host', (layout) => {
    const check = masquerade(facts(layout));
    expect(check.status).toBe('ok');
    expect(check.detail).toMatch(/^bridge \(172\.17\.0\.0\/16\): .*(MASQUERADE|masquerades)/);
  });

  it("finds Docker 29's masquerade in its native nftables table", () => {
    expect(masquerade(facts('docker29')).detail).toContain('MASQUERADE in nftables table ip docker-bridges chain nat-postrouting-out__docker0');
  });

  it('fails with the masquerade fix when a network that wants it has no MASQUERADE rule', () => {
    const save = withoutRule(saveText('docker20'), '-A POSTROUTING -s 172.28.0.0/16 ! -o br-023249dff2ea -j MASQUERADE');
    const check = masquerade(facts('docker20', { save }));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('intranet (172.28.0.0/16): nothing masquerades it');
    expect(check.fix).toMatchObject({ id: 'masquerade', label: 'Masquerade 172.28.0.0/16 on the way out (own chain BRIDGEPORT-DOCTOR at the end of nat POSTROUTING)' });
  });

  it('does not ask for masquerading where a network turned it off, and says what that means', () => {
    const networks = seedNetworks('docker20');
    networks[1]!.options['com.docker.network.bridge.enable_ip_masquerade'] = 'false';
    const save = withoutRule(saveText('docker20'), '-A POSTROUTING -s 172.28.0.0/16 ! -o br-023249dff2ea -j MASQUERADE');
    const check = masquerade(facts('docker20', { save, networks }));
    expect(check.status).toBe('ok');
    expect(check.detail).toContain('Not masqueraded by choice: intranet (enable_ip_masquerade=false)');
  });

  it('passes once the rule the fix plans is in place', () => {
    const broken = withoutRule(saveText('docker20'), '-A POSTROUTING -s 172.28.0.0/16 ! -o br-023249dff2ea -j MASQUERADE');
    const fixed = withRules(broken, 'nat', [...desiredRules({ forward: [], masquerade: [{ subnet: '172.28.0.0/16', bridge: 'br-023249dff2ea' }] }).nat, '-A POSTROUTING -j BRIDGEPORT-DOCTOR'], ['BRIDGEPORT-DOCTOR']);
    const check = masquerade(facts('docker20', { save: fixed }));
    expect(check.status).toBe('ok');
    expect(check.detail).toContain('intranet (172.28.0.0/16): Rule 1 of nat BRIDGEPORT-DOCTOR');
    expect(check.detail).toContain('masquerades the source as 192.168.50.10, the address of enp1s0');
  });

  it('names --ip-masq=false in a drop-in when rules are missing', () => {
    const dropIns = { dir: '/test/d', files: [{ path: '/test/d/docker-options.conf', text: '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --ip-masq=false\n' }], error: null };
    const check = masquerade(facts('docker20', { save: EMPTY_SAVE, dropIns }));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('dockerd is told not to masquerade (--ip-masq=false in /test/d/docker-options.conf)');
  });
});

describe('docker-iptables', () => {
  it.each(['docker20', 'docker28', 'docker29'] as const)('passes when Docker wrote its rules (%s)', (layout) => {
    const check = dockerIptablesCheck(doctorContext(facts(layout)));
    expect(check.status).toBe('ok');
    expect(check.detail).toMatch(/^Docker's rules are in place: /);
  });

  it('fails when Docker runs bridge networks but the firewall holds none of its chains', () => {
    const check = dockerIptablesCheck(doctorContext(facts('docker20', { save: EMPTY_SAVE })));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('Docker runs with 2 bridge networks but the firewall holds none of its chains');
    expect(check.detail).toContain('probably flushed');
    expect(check.fix).toBeUndefined();
  });

  it('names the drop-in that turns iptables off', () => {
    const dropIns = { dir: '/test/d', files: [{ path: '/test/d/docker-options.conf', text: '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --iptables=false\n' }], error: null };
    const check = dockerIptablesCheck(doctorContext(facts('docker20', { save: EMPTY_SAVE, dropIns })));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('dockerd runs with iptables off (--iptables=false in /test/d/docker-options.conf)');
  });

  it('names daemon.json\'s "iptables": false', () => {
    const daemonJson = { path: '/test/daemon.json', text: '{ "iptables": false }', error: null };
    expect(dockerIptablesCheck(doctorContext(facts('docker20', { save: EMPTY_SAVE, daemonJson }))).detail).toContain('("iptables" in /test/daemon.json)');
  });

  it('passes without bridge networks, and warns when Docker cannot be asked', () => {
    const hostOnly = seedNetworks('docker20').filter((n) => n.driver !== 'bridge');
    expect(dockerIptablesCheck(doctorContext(facts('docker20', { save: EMPTY_SAVE, networks: hostOnly }))).status).toBe('ok');
    const down = dockerIptablesCheck(doctorContext(facts('docker20', { docker: { available: false, reason: 'Docker is not running.' } })));
    expect(down).toMatchObject({ status: 'warn', detail: 'Docker could not be asked for its networks: Docker is not running.' });
  });
});

describe('iptables-split', () => {
  const legacy = firewallFixture('split-legacy-save.txt');
  const split = (otherSave: string | null, save?: string) => iptablesSplitCheck(doctorContext(facts('docker20', { save, firewall: { ...facts('docker20', { save }).firewall, otherSave } as DoctorFacts['firewall'] })));

  it('passes when the other variant holds no rules or is not installed', () => {
    expect(split('')).toMatchObject({ status: 'ok', detail: expect.stringContaining('iptables-legacy holds no rules') });
    expect(split(null)).toMatchObject({ status: 'ok', detail: expect.stringContaining('Only iptables-nft is in use') });
    expect(split('*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n').status).toBe('ok');
  });

  it('warns on the captured split (legacy rules that do not stop containers)', () => {
    const check = split(legacy, firewallFixture('split-nft-save.txt'));
    expect(check.status).toBe('warn');
    expect(check.detail).toContain('Both iptables-nft (which `iptables` and Docker use) and iptables-legacy (3 rules) hold rules.');
    expect(check.detail).toContain('`iptables-legacy-save`');
  });

  it('fails and names the legacy rule that drops a network\'s traffic', () => {
    const check = split(withRules(legacy, 'filter', ['[0:0] -A FORWARD -s 172.28.0.0/16 -j DROP']));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('There, intranet (br-023249dff2ea): Dropped by rule 2 of filter FORWARD (All traffic, from 172.28.0.0/16).');
    expect(check.fix).toBeUndefined();
  });

  it('warns when the firewall cannot be read', () => {
    expect(iptablesSplitCheck(doctorContext(facts('docker20', { firewall: unreadableFirewall }))).status).toBe('warn');
  });
});
