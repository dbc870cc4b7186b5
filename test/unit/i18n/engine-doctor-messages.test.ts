// The doctor's sentences as messages (issue 18): every check, in every branch the doctor fixtures
// reach, says in English through the catalogue exactly what the engine prints (title, detail, what
// it looked at, fix label), says all of it in Korean with no key missing, and between them the
// scenarios use every sentence of the `engine-doctor` catalogue.
import { describe, expect, it } from 'vitest';
import { explainDockerFailure } from '../../../src/main/engine/docker/docker-status';
import { unavailableDocker, unreadableFirewall as firewallNotRead } from '../../../src/main/engine/doctor/gather-facts';
import { runChecks } from '../../../src/main/engine/doctor/run-checks';
import type { DoctorFacts } from '../../../src/main/engine/doctor/doctor-facts';
import ENGLISH from '../../../src/shared/i18n/locales/en/engine-doctor.json';
import type { DoctorCheck } from '../../../src/shared/doctor-model';
import type { Message } from '../../../src/shared/message';
import { facts, firewallFixture, network, route, saveText, seedNetworks, unreadableFirewall, withoutRule, withPolicy, withRules } from '../doctor/doctor-fixtures';
import { sayIn } from './engine-say';

const EMPTY_SAVE = ['*filter', ':INPUT ACCEPT [0:0]', ':FORWARD ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', 'COMMIT', '*nat', ':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]', 'COMMIT', ''].join('\n');
const LEGACY = firewallFixture('split-legacy-save.txt');
const ONE_LEGACY_RULE = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -s 10.9.9.9/32 -j DROP\nCOMMIT\n';
const dropIn = (text: string, name = 'opts.conf') => ({ dir: '/test/d', files: [{ path: `/test/d/${name}`, text }], error: null });
const file = (path: string, text: string | null, error: string | null = null) => ({ path, text, error });
const resolv = (text: string | null) => file('/test/resolv.conf', text);
const sysctls = (ipForward: string | null, bridgeNfCallIptables: string | null = '1') => ({ ipForward, bridgeNfCallIptables });
const withOption = (index: number, option: string, value: string) => {
  const networks = seedNetworks('docker20');
  networks[index]!.options[option] = value;
  return networks;
};
const iccOff = (count: number) => [
  ...seedNetworks('docker20'),
  ...['quiet', 'hush'].slice(0, count).map((name, i) => network(name, `br-0123456789a${i}`, `172.3${i}.0.0/24`, {}, { 'com.docker.network.bridge.enable_icc': 'false' })),
];
const otherSave = (save: string | null, layout: 'docker20' = 'docker20'): Partial<DoctorFacts> => ({ firewall: { ...facts(layout).firewall, otherSave: save } as DoctorFacts['firewall'] });
const withRoutes = (change: (routes: NonNullable<DoctorFacts['routes']>) => DoctorFacts['routes'], base = facts('docker20')): DoctorFacts => ({ ...base, routes: change(base.routes!) });
const withNativeDropChain = (): DoctorFacts => {
  const f = facts('docker20');
  if (!f.firewall.readable) throw new Error('fixture firewall unreadable');
  f.firewall.ruleset.chains.push({ family: 'ipv4', table: 'inet filter', name: 'forward', policy: 'DROP', packets: 0, bytes: 0 });
  return f;
};
const docker20 = saveText('docker20');
const docker28 = saveText('docker28');
const hostOnly = seedNetworks('docker20').filter((n) => n.driver !== 'bridge');

/** Facts that lead each check down each of its branches (the unit tests' inputs, and a few more). */
const SCENARIOS: Record<string, DoctorFacts> = {
  'docker20 seed': facts('docker20'),
  'docker27 seed': facts('docker27'),
  'docker28 seed': facts('docker28'),
  'docker29 seed (nftables backend)': facts('docker29'),
  'forwarding off': facts('docker20', { sysctls: sysctls('0') }),
  'forwarding off by --ip-forward=false': facts('docker20', { sysctls: sysctls('0'), dropIns: dropIn('[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --ip-forward=false\n') }),
  'forwarding unreadable': facts('docker20', { sysctls: sysctls(null) }),
  'FORWARD policy drops a new connection': facts('docker20', { save: withoutRule(docker20, '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT') }),
  'FORWARD policy drops the replies': facts('docker20', { save: withoutRule(docker20, '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT') }),
  'FORWARD policy drops both ways': facts('docker20', {
    save: withoutRule(withoutRule(docker20, '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT'), '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'),
  }),
  'Docker 28 without its DOCKER-FORWARD accept': facts('docker28', { save: withoutRule(docker28, '-A DOCKER-FORWARD -i docker0 -j ACCEPT') }),
  'FORWARD policy ACCEPT without Docker rules': facts('docker20', { save: withPolicy(withoutRule(docker20, '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT'), 'FORWARD', 'ACCEPT') }),
  'a rule drops a new connection': facts('docker20', { save: withRules(withoutRule(docker20, '-A DOCKER-USER -j RETURN'), 'filter', ['-A DOCKER-USER -s 172.17.0.0/16 -j DROP', '-A DOCKER-USER -j RETURN']) }),
  'a rule drops the replies': facts('docker20', { save: withRules(withoutRule(docker20, '-A DOCKER-USER -j RETURN'), 'filter', ['-A DOCKER-USER -d 172.28.0.0/16 -j DROP', '-A DOCKER-USER -j RETURN']) }),
  'a FORWARD policy the walk cannot decide': facts('docker20', { save: withPolicy(withoutRule(docker20, '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT'), 'FORWARD', 'QUEUE') }),
  'a rule the walk cannot evaluate, then the policy it cannot decide': facts('docker20', {
    save: withPolicy(withRules(withoutRule(docker20, '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT'), 'filter', ['-A FORWARD -i docker0 -m string --string x --algo bm -j ACCEPT']), 'FORWARD', 'QUEUE'),
  }),
  'iptables without a filter table': facts('docker20', { save: EMPTY_SAVE.split('*nat')[0]!.replace(/^\*filter[\s\S]*COMMIT\n/, '') + '*nat\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n' }),
  'a native nftables forward chain with policy drop': withNativeDropChain(),
  'firewall unreadable': facts('docker20', { firewall: unreadableFirewall }),
  'Docker not reachable': facts('docker20', { docker: { available: false, reason: 'Docker is not running.' } }),
  'Docker socket refused': facts('docker20', { docker: unavailableDocker(explainDockerFailure('unix:///var/run/docker.sock', { code: 'EACCES', message: 'connect EACCES /var/run/docker.sock', dockerInstalled: true })) }),
  'Docker with no reason given': facts('docker20', { docker: unavailableDocker({}) }),
  'firewall unreadable, the reader said why': facts('docker20', { firewall: firewallNotRead(['iptables-save failed (exit 4): Permission denied (you must be root).']) }),
  'firewall unreadable, no reason': facts('docker20', { firewall: firewallNotRead([]) }),
  'no bridge networks': facts('docker20', { networks: hostOnly, save: EMPTY_SAVE }),
  'no default route': withRoutes((routes) => routes.filter((r) => r.destination !== '0.0.0.0/0')),
  'no route out but bridges': withRoutes((routes) => routes.filter((r) => r.dev !== 'enp1s0')),
  'a network without its MASQUERADE': facts('docker20', { save: withoutRule(docker20, '-A POSTROUTING -s 172.28.0.0/16 ! -o br-023249dff2ea -j MASQUERADE') }),
  'masquerading turned off for a network': facts('docker20', {
    networks: withOption(1, 'com.docker.network.bridge.enable_ip_masquerade', 'false'),
    save: withoutRule(docker20, '-A POSTROUTING -s 172.28.0.0/16 ! -o br-023249dff2ea -j MASQUERADE'),
  }),
  'a network in routed gateway mode, none masqueraded': facts('docker20', {
    networks: [
      network('routed', 'br-70u7ed000000', '10.66.0.0/24', {}, { 'com.docker.network.bridge.gateway_mode_ipv4': 'routed' }),
      network('plain', 'br-9a1a00000000', '10.67.0.0/24', {}, { 'com.docker.network.bridge.enable_ip_masquerade': 'false' }),
    ],
  }),
  'no Docker rules, --ip-masq=false and --iptables=false': facts('docker20', {
    save: EMPTY_SAVE,
    dropIns: dropIn('[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --ip-masq=false --iptables=false\n'),
  }),
  'no Docker rules (flushed)': facts('docker20', { save: EMPTY_SAVE }),
  'no Docker rules, one bridge network': facts('docker20', { save: EMPTY_SAVE, networks: seedNetworks('docker20').slice(0, 1) }),
  'rules in place but "iptables": false in daemon.json': facts('docker28', { daemonJson: file('/test/daemon.json', '{ "iptables": false }') }),
  'iptables-legacy not installed': facts('docker20', otherSave(null)),
  'iptables-legacy with rules that stop nothing': facts('docker20', { ...otherSave(LEGACY), save: firewallFixture('split-nft-save.txt') }),
  'iptables-legacy with one rule': facts('docker20', otherSave(ONE_LEGACY_RULE)),
  'iptables-legacy drops a network': facts('docker20', otherSave(withRules(LEGACY, 'filter', ['[0:0] -A FORWARD -s 172.28.0.0/16 -j DROP']))),
  'iptables-legacy drops the replies': facts('docker20', otherSave(withRules(LEGACY, 'filter', ['[0:0] -A FORWARD -d 172.28.0.0/16 -j DROP']))),
  'icc=false, bridge netfilter on': facts('docker20', { networks: iccOff(1) }),
  'icc=false, bridge-nf-call-iptables 0': facts('docker20', { networks: iccOff(1), sysctls: sysctls('1', '0') }),
  'icc=false on two networks, br_netfilter not loaded': facts('docker20', { networks: iccOff(2), sysctls: sysctls('1', null) }),
  'icc=false on two networks, bridge-nf-call-iptables 0': facts('docker20', { networks: iccOff(2), sysctls: sysctls('1', '0') }),
  'icc=false on one network, br_netfilter not loaded': facts('docker20', { networks: iccOff(1), sysctls: sysctls('1', null) }),
  'proxies in a drop-in': facts('docker20', {
    dropIns: dropIn('[Service]\nEnvironment="HTTP_PROXY=http://alice:s3cret@proxy.corp:3128" "NO_PROXY=localhost,registry.corp"\nEnvironment=HTTPS_PROXY=http://proxy.corp:3128\n', 'http-proxy.conf'),
  }),
  'a loopback proxy': facts('docker20', { dropIns: dropIn('[Service]\nEnvironment=http_proxy=http://127.0.0.1:3128\nEnvironmentFile=-/etc/default/docker\n', 'http-proxy.conf') }),
  'two loopback proxies': facts('docker20', { dropIns: dropIn('[Service]\nEnvironment=http_proxy=http://127.0.0.1:3128 https_proxy=http://localhost:3128\n', 'http-proxy.conf') }),
  'proxies in daemon.json, dns by --dns': facts('docker20', {
    daemonJson: file('/test/daemon.json', '{"proxies": {"http-proxy": "http://p:8080"}}'),
    dropIns: dropIn('[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --dns 10.1.1.1 --dns 10.1.1.2\n'),
  }),
  'daemon.json not valid JSON': facts('docker20', { daemonJson: file('/test/daemon.json', '{ "iptables": false, }') }),
  'an EnvironmentFile= and no proxy': facts('docker20', { dropIns: dropIn('[Service]\nEnvironmentFile=-/etc/default/docker\n') }),
  'drop-ins and daemon.json unreadable': facts('docker20', {
    dropIns: { dir: '/test/d', files: [], error: 'EACCES: permission denied' },
    daemonJson: file('/test/daemon.json', null, 'EACCES: permission denied'),
  }),
  'routes unreadable': { ...facts('docker20'), routes: null },
  'a VPN over the Docker subnets': withRoutes((routes) => [...routes, route('172.16.0.0/12', 'tun0', { gateway: '10.8.0.1' }), route('172.17.5.0/24', 'wg0', { table: '51820' })]),
  'dns servers in daemon.json': facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\n'), daemonJson: file('/test/daemon.json', '{"dns": ["10.1.1.1"]}') }),
  'resolv.conf unreadable': facts('docker20', { resolvConf: file('/test/resolv.conf', null, 'EACCES: permission denied') }),
  'a loopback nameserver left out': facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\nnameserver 192.168.50.1\n') }),
  'two loopback nameservers left out': facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\nnameserver ::1\nnameserver 192.168.50.1\nnameserver 192.168.50.2\n') }),
  'only a loopback nameserver': facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\n') }),
  "systemd-resolved's stub with upstream servers": facts('docker20', { resolvConf: resolv('nameserver 127.0.0.53\n'), resolvedUpstream: file('/test/resolved.conf', 'nameserver 10.0.0.2\n') }),
  "systemd-resolved's stub alone": facts('docker20', { resolvConf: resolv('nameserver 127.0.0.53\n') }),
  'no resolv.conf': facts('docker20', { resolvConf: resolv(null) }),
  'resolv.conf without nameservers': facts('docker20', { resolvConf: resolv('search lan\n') }),
  'a nameserver inside a Docker subnet': facts('docker20', { resolvConf: resolv('nameserver 172.17.0.53\n') }),
};

const reports = Object.entries(SCENARIOS).map(([name, f]) => ({ name, checks: runChecks(f) }));
const all = reports.flatMap(({ name, checks }) => checks.map((check) => ({ name, check })));

/** Each message of a check with the English the engine wrote for it. */
function said(check: DoctorCheck): Array<[what: string, message: Message | undefined, english: string]> {
  return [
    ['title', check.titleMessage, check.title],
    ['detail', check.detailMessage, check.detail],
    ...check.lookedAt.map((text, i): [string, Message | undefined, string] => [`looked at ${i}`, check.lookedAtMessages?.[i], text]),
    ...(check.fix ? [['fix', check.fix.labelMessage, check.fix.label] as [string, Message | undefined, string]] : []),
  ];
}

const keysOf = (m: Message): string[] => [m.key, ...Object.values(m.params).flatMap((p) => (typeof p === 'object' ? (Array.isArray(p) ? p.flatMap(keysOf) : keysOf(p)) : []))];

function catalogueKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`engine-doctor:${prefix}${k}`.replace(/_(one|other)$/, '')] : catalogueKeys(v as object, `${prefix}${k}.`)));
}

describe('doctor checks in both languages', () => {
  it('run every check in every scenario', () => {
    expect(all.length).toBe(Object.keys(SCENARIOS).length * 9);
  });

  it('carry a message beside every English text, one per looked-at entry', () => {
    for (const { name, check } of all) {
      expect(check.lookedAtMessages, `${name}: ${check.id}`).toHaveLength(check.lookedAt.length);
      for (const [what, m] of said(check)) expect(m, `${name}: ${check.id} ${what}`).toBeDefined();
      expect(check.titleMessage).toEqual({ key: `engine-doctor:title.${check.id}`, params: {} });
    }
  });

  it('say in English, through the catalogue, exactly what the engine prints', () => {
    for (const { name, check } of all) for (const [what, m, english] of said(check)) expect(sayIn('en', m!), `${name}: ${check.id} ${what}`).toBe(english);
  });

  it('say everything in Korean, with no key missing', () => {
    for (const { name, check } of all) {
      for (const [what, m, english] of said(check)) {
        const korean = sayIn('ko', m!);
        expect(korean, `${name}: ${check.id} ${what}`).not.toBe('');
        // Data alone (a path) reads the same in both; a sentence does not.
        if (m!.key !== 'engine-common:text') expect(korean, `${name}: ${check.id} ${what}`).not.toBe(english);
      }
    }
  });

  it('between the scenarios, use every sentence of the catalogue (every branch is exercised)', () => {
    const used = new Set(all.flatMap(({ check }) => said(check).flatMap(([, m]) => keysOf(m!))));
    // Fallbacks for a walk without a deciding step or a drop without its sentence: the packet path
    // always records both, so no fixture reaches them.
    const fallbacks = ['engine-doctor:forwardPolicy.accepted', 'engine-doctor:forwardPolicy.dropped'];
    expect(catalogueKeys(ENGLISH).filter((k) => !used.has(k) && !fallbacks.includes(k))).toEqual([]);
  });

  it('say forwarding turned off by dockerd in Korean, naming where', () => {
    const check = reports.find((r) => r.name === 'forwarding off by --ip-forward=false')!.checks.find((c) => c.id === 'ip-forward')!;
    expect(sayIn('ko', check.detailMessage!)).toBe(
      'IPv4 포워딩이 꺼져 있습니다(net.ipv4.ip_forward = 0): 커널이 컨테이너에서 이 호스트 너머로 가는 패킷을 모두 드롭합니다. dockerd가 포워딩을 켜지 않도록 설정되어 있습니다(/test/d/opts.conf의 --ip-forward=false). 여기서 설정하면 재부팅 전까지만 유지됩니다. 계속 유지하려면 /etc/sysctl.d/ 아래 파일에 "net.ipv4.ip_forward = 1"을 추가하세요.',
    );
    expect(sayIn('ko', check.fix!.labelMessage!)).toBe('지금 net.ipv4.ip_forward=1로 설정(재부팅 전까지)');
  });

  it('say a list of nameservers and the loopback ones left out in Korean', () => {
    const check = reports.find((r) => r.name === 'two loopback nameservers left out')!.checks.find((c) => c.id === 'dns')!;
    expect(check.detail).toBe("Containers get the host's nameservers 192.168.50.1 and 192.168.50.2 (127.0.0.1 and ::1 are left out: loopback).");
    expect(sayIn('ko', check.detailMessage!)).toBe('컨테이너는 호스트의 네임서버 192.168.50.1 및 192.168.50.2을(를) 받습니다(127.0.0.1 및 ::1은(는) 루프백이라 제외).');
  });

  it("say why Docker is not reachable in Korean, the engine's hint included", () => {
    const check = reports.find((r) => r.name === 'Docker socket refused')!.checks.find((c) => c.id === 'subnet-overlap')!;
    expect(check.detail).toBe(
      'Docker could not be asked for its networks: connect EACCES /var/run/docker.sock Permission denied on the Docker socket: add your user to the docker group (sudo usermod -aG docker $USER), then log out and back in.',
    );
    const korean = sayIn('ko', check.detailMessage!);
    // The error Docker gave stays as it is; the hint is the engine's own sentence, in Korean.
    expect(korean).toMatch(/^Docker에 네트워크 목록을 물어볼 수 없습니다: connect EACCES \/var\/run\/docker\.sock /);
    expect(korean).not.toContain('Permission denied on the Docker socket');
  });

  it('say the masquerade fix in Korean', () => {
    const check = reports.find((r) => r.name === 'a network without its MASQUERADE')!.checks.find((c) => c.id === 'masquerade')!;
    expect(sayIn('ko', check.fix!.labelMessage!)).toBe('나가는 172.28.0.0/16 트래픽을 마스커레이드(nat POSTROUTING 끝에 전용 체인 BRIDGEPORT-DOCTOR 추가)');
  });
});
