// Refusals and errors as messages (issue 18): the real checks run on the bad inputs of their own unit
// tests, and every refusal they throw carries `said`, whose English (through the catalogue) is the
// error's message word for word, which is said in Korean with no key missing, and which crosses a
// transport (toWireError → fromWireError) and the privileged helper's reply line intact.
import { describe, expect, it, vi } from 'vitest';
import { noLibpodNote, rootlessNote, rootlessPublishRefusalMessage, unreachableNote } from '../../../src/main/engine/engines/engine-notes';
import { checkBridgeCreate, checkMove, checkNetnsCreate, checkNetnsDelete, checkVethCreate, containerPlace, madeLinkAt, namespacePlace, type HostView } from '../../../src/main/engine/links/check-links';
import { HOST, type RecordedThing } from '../../../src/main/engine/links/made-record';
import { dockerFailure } from '../../../src/main/engine/networks/docker-failure';
import { engineOwning } from '../../../src/main/engine/networks/network-owner';
import { planCreate, type CreateReadings } from '../../../src/main/engine/networks/plan-create';
import { planConnect, planDisconnect, planRemove } from '../../../src/main/engine/networks/plan-membership';
import { checkPublish, type PublishContext } from '../../../src/main/engine/publish/check-publish';
import { firewallPreference } from '../../../src/main/engine/publish/firewall-preference';
import { elevationError, elevationPlan, stateAfterFailure } from '../../../src/main/privileged/helper/helper-launcher';
import { errorReply, replySchema } from '../../../src/main/privileged/helper/message-framing';
import { rootExecutor } from '../../../src/main/privileged/root-executor';
import { fromWireError, saidOf, toWireError, wireErrorSchema } from '../../../src/shared/errors';
import { inEnglish } from '../../../src/shared/i18n/english';
import type { Message } from '../../../src/shared/message';
import { networkConnectSchema, networkCreateSchema, networkDisconnectSchema, networkRemoveSchema, parseDriver, parseOptionPairs } from '../../../src/shared/network-model';
import { publishRequestSchema } from '../../../src/shared/publish-model';
import { link, readings, route } from '../networks/fixture';
import { container, mapping, network } from '../publish/publish-fixture';
import { sayIn } from './engine-say';

/** What `run` throws; a test whose input is not refused fails here. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('not refused');
}

// --- publishing (the inputs of test/unit/publish/check-publish.test.ts) ---
const publishCtx: PublishContext = {
  containers: [
    container('w1', { id: 'a1b2c3d4'.padEnd(64, 'e'), ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] }),
    container('w2', { id: 'a1b2c3d5'.padEnd(64, 'e') }),
    container('idle', { pid: null, state: 'exited', ports: [{ hostIp: '0.0.0.0', hostPort: 7070, containerPort: 70, protocol: 'tcp' }] }),
    container('hostnet', { networkMode: 'host', endpoints: [{ network: 'host', networkId: 'h', ip: null, mac: null, gateway: null, hostVeth: null, interface: null }] }),
    container('nonet', { networkMode: 'none', endpoints: [] }),
    container('shared', { networkMode: 'container' }),
    container('hostonly', { endpoints: [{ network: 'host', networkId: 'h', ip: null, mac: null, gateway: null, hostVeth: null, interface: null }] }),
  ],
  networks: [network('bridge', 'docker0'), network('intranet', 'br-1234'), network('host', null)],
  mappings: [mapping(9000, 9010), mapping(5000, 5000, '127.0.0.1')],
  listeners: [{ protocol: 'tcp', address: '0.0.0.0', port: 22, process: 'sshd', pid: 501 }, { protocol: 'udp', address: '127.0.0.1', port: 5353, process: null, pid: null }, { protocol: 'tcp', address: '0.0.0.0', port: 25, process: 'exim4', pid: null }],
  hostAddresses: ['198.51.100.1'],
};
const publish = (input: Record<string, unknown>) => () => checkPublish(publishRequestSchema.parse(input), publishCtx);
const publishRefusals = [
  ...['nobody', 'a1b2c3d', 'idle', 'hostnet', 'nonet', 'shared', 'hostonly'].map((name) => publish({ container: name, hostPort: 9500, containerPort: 80 })),
  publish({ container: 'w2', hostPort: 9500, containerPort: 80, network: 'intranet' }),
  publish({ container: 'w2', hostPort: 9500, containerPort: 80, hostIp: '203.0.113.7' }),
  publish({ container: 'w2', hostPort: 8080, containerPort: 80 }),
  publish({ container: 'w2', hostPort: 7070, containerPort: 80 }),
  publish({ container: 'w2', hostPort: 9005, containerPort: 80 }),
  publish({ container: 'w2', hostPort: 22, containerPort: 22 }),
  publish({ container: 'w2', hostPort: 25, containerPort: 25 }),
  publish({ container: 'w2', hostPort: 5353, containerPort: 53, protocol: 'udp' }),
  () => firewallPreference({ BRIDGEPORT_FIREWALL_BACKEND: 'pf' }),
];

// --- networks (the inputs of test/unit/networks/plan-create.test.ts and plan-membership.test.ts) ---
function host(): CreateReadings {
  const base = readings();
  return {
    ...base,
    links: [...base.links, link('eth0', { addresses: ['192.168.1.20/24'] }), link('tun0', { kind: 'tun', driver: 'tun', addresses: ['10.8.0.6/24'] })],
    routes: [...base.routes, route('0.0.0.0/0', 'eth0', { gateway: '192.168.1.1' }), route('192.168.1.0/24', 'eth0'), route('172.16.0.0/12', 'tun0')],
  };
}
const create = (input: Record<string, unknown>) => () => planCreate(networkCreateSchema.parse(input), host());
const bridgeOption = (key: string, value: string) => create({ name: 'x', options: { [`com.docker.network.${key}`]: value } });
const membership = readings();
const connect = (input: Record<string, unknown>) => () => planConnect(networkConnectSchema.parse(input), membership);
const networkRefusals = [
  create({ name: 'host' }),
  create({ name: 'intranet' }),
  create({ name: 'ov', driver: 'overlay' }),
  ...['172.30.0.0', '10.0.0.0/33', '172.30.0.1/16', '64.0.0.0/4', '10.62.0.0/31', '127.1.0.0/16', '172.28.5.0/24', '172.24.0.0/16'].map((subnet) => create({ name: 'x', subnet })),
  create({ name: 'x', gateway: '10.63.0.1' }),
  create({ name: 'x', ipRange: '10.63.0.0/24' }),
  create({ name: 'x', subnet: '10.63.0.0/16', gateway: '10.64.0.1' }),
  create({ name: 'x', subnet: '10.63.0.0/16', gateway: '10.63.0.0' }),
  create({ name: 'x', subnet: '10.63.0.0/16', gateway: '10.63.255.255' }),
  create({ name: 'x', subnet: '10.63.0.0/16', gateway: 'router' }),
  create({ name: 'x', subnet: '10.63.0.0/16', ipRange: '10.64.0.0/24' }),
  create({ name: 'x', subnet: '10.63.0.0/16', ipRange: '10.63.5.1/24' }),
  create({ name: 'x', options: { 'com.docker.network.bridge.enable_icc_typo': 'false' } }),
  create({ name: 'x', options: { parent: 'eth0' } }),
  bridgeOption('bridge.enable_icc', 'yes'),
  bridgeOption('bridge.host_binding_ipv4', '::'),
  bridgeOption('bridge.host_binding_ipv4', '203.0.113.9'),
  bridgeOption('driver.mtu', 'big'),
  bridgeOption('bridge.name', 'abcdefghijklmnop'),
  bridgeOption('bridge.name', 'br;reboot'),
  bridgeOption('bridge.name', ''),
  bridgeOption('bridge.name', 'bphand0'),
  bridgeOption('bridge.name', 'docker0'),
  create({ name: 'x', driver: 'macvlan' }),
  create({ name: 'x', driver: 'ipvlan', options: { parent: 'eth9' } }),
  create({ name: 'x', driver: 'macvlan', options: { parent: 'eth0.10' } }),
  create({ name: 'x', driver: 'macvlan', options: { parent: 'lo' } }),
  create({ name: 'x', driver: 'macvlan', options: { parent: 'bpp0' } }),
  create({ name: 'x', driver: 'macvlan', options: { parent: 'eth0', macvlan_mode: 'l2' } }),
  create({ name: 'x', driver: 'macvlan', options: { parent: 'eth0', 'com.docker.network.driver.mtu': '9000' } }),
  create({ name: 'x', driver: 'overlay', options: { encrypted: 'yes' } }),
  () => parseOptionPairs(['=x']),
  () => parseOptionPairs(['a=1', 'a=2']),
  () => parseDriver('host'),
  () => parseDriver('weave'),
  connect({ network: 'nosuch', container: 'w1' }),
  connect({ network: 'intranet', container: 'ghost' }),
  connect({ network: 'host', container: 'w1' }),
  connect({ network: 'none', container: 'w1' }),
  connect({ network: 'intranet', container: 'hostnet' }),
  connect({ network: 'intranet', container: 'nonet' }),
  connect({ network: 'intranet', container: 'i1' }),
  connect({ network: 'network_name', container: 'st1' }),
  ...['172.20.9', '172.21.0.5', '172.20.0.1', '172.20.0.0', '172.20.255.255', '172.20.9.9', '172.20.9.10'].map((ip) => connect({ network: 'network_name', container: 'i1', ip })),
  connect({ network: 'bridge', container: 'i1', ip: '172.17.0.50' }),
  connect({ network: 'bridge', container: 'i1', aliases: ['x'] }),
  () => planDisconnect(networkDisconnectSchema.parse({ network: 'intranet', container: 'w1' }), membership),
  () => planDisconnect(networkDisconnectSchema.parse({ network: 'host', container: 'hostnet' }), membership),
  () => planRemove(networkRemoveSchema.parse({ name: 'bridge', disconnectContainers: true }), membership),
  () => planRemove(networkRemoveSchema.parse({ name: 'host' }), membership),
  () => planRemove(networkRemoveSchema.parse({ name: 'network_name' }), membership),
  () => planRemove(networkRemoveSchema.parse({ name: 'intranet' }), membership),
  () => engineOwning('intranet', [{ engine: 1, kind: 'docker', readings: membership }, { engine: 2, kind: 'podman', readings: membership }]),
  () => {
    throw dockerFailure({ statusCode: 409, json: { message: 'network with name x already exists' } });
  },
  () => {
    throw dockerFailure({ code: 'EACCES' });
  },
];

// --- namespaces, bridges and veths (the inputs of test/unit/links/check-links.test.ts) ---
const web = { container: { id: 'c0ffee'.padEnd(64, '0'), name: 'web' }, pid: 4242 };
const things: RecordedThing[] = [
  { kind: 'netns', name: 'lab-ns1', id: '4:1', createdAt: '' },
  { kind: 'bridge', name: 'bpbr0', createdAt: '' },
  { kind: 'veth', ends: [{ name: 'bpv0', place: HOST }, { name: 'eth1', place: web }], createdAt: '' },
];
const view: HostView = {
  links: new Map([
    ['eth0', { tagged: false, kind: null }],
    ['docker0', { tagged: false, kind: 'bridge' }],
    ['vethab12', { tagged: false, kind: 'veth' }],
    ['bpbr0', { tagged: true, kind: 'bridge' }],
    ['bpv0', { tagged: true, kind: 'veth' }],
  ]),
  namespaces: [{ name: 'lab-host', current: true }, { name: 'lab-ns1', current: false }, { name: 'byhand', current: false }],
  routes: [route('172.17.0.0/16', 'docker0'), route('198.51.100.0/24', 'eth0'), route('10.9.0.0/16', '', { dev: null, gateway: '198.51.100.9' })],
  things,
};
const linkRefusals = [
  () => checkNetnsCreate('byhand', view),
  () => checkNetnsDelete('byhand', view),
  () => checkNetnsDelete('nosuch', view),
  () => namespacePlace('lab-host', view),
  () => namespacePlace('nosuch', view),
  () => checkBridgeCreate({ name: 'docker0' }, view),
  () => checkBridgeCreate({ name: 'br1', address: '172.17.5.1/24' }, view),
  () => checkBridgeCreate({ name: 'br1', address: '10.9.1.1/24' }, view),
  () => checkBridgeCreate({ name: 'br1', address: '10.20.0.0/24' }, view),
  () => checkBridgeCreate({ name: 'br1', address: '10.20.0.255/24' }, view),
  () => checkBridgeCreate({ name: 'br1', address: 'x' }, view),
  () => checkBridgeCreate({ name: 'br1', address: 'x/24' }, view),
  () => checkBridgeCreate({ name: 'br1', address: '10.1.1.1/40' }, view),
  () => checkBridgeCreate({ name: 'br1', address: '127.0.0.2/8' }, view),
  () => checkVethCreate({ name: 'va', peer: 'va' }, view),
  () => checkVethCreate({ name: 'va', peer: 'vb', master: 'nobr' }, view),
  () => checkVethCreate({ name: 'va', peer: 'vb', master: 'vethab12' }, view),
  () => madeLinkAt('docker0', HOST, view),
  () => madeLinkAt('lo', { namespace: 'lab-ns1' }, view),
  () => madeLinkAt('eth1', { namespace: 'lab-ns1' }, view),
  () => madeLinkAt('nosuch', HOST, view),
  () => checkMove({ link: 'bpbr0' }, { namespace: 'lab-ns1' }, view),
  () => checkMove({ link: 'bpv0', gateway: '10.0.0.1' }, { namespace: 'lab-ns1' }, view),
  () => checkMove({ link: 'bpv0', address: '10.0.0.2/24', gateway: 'gw' }, { namespace: 'lab-ns1' }, view),
  () => checkMove({ link: 'bpv0', address: '10.0.0.2/24', gateway: '10.1.0.1' }, { namespace: 'lab-ns1' }, view),
  () => checkMove({ link: 'bpv0', address: '10.0.0.2/24', gateway: '10.0.0.2' }, { namespace: 'lab-ns1' }, view),
  () => checkMove({ link: 'bpv0', address: '10.0.0.2/24', gateway: 'fd00::1' }, { namespace: 'lab-ns1' }, view),
  () => checkMove({ link: 'bpv0' }, HOST, view),
  () => containerPlace('ghost', []),
  () => containerPlace('web', [container('web', { pid: null, state: 'exited' })]),
  () => containerPlace('web', [container('web', { networkMode: 'host' })]),
];

// --- privilege ---
const facts = { uid: 1000, execPath: '/usr/bin/node', cliScript: '/home/u/bp/out/main/cli.js', packaged: false, packagedUntrusted: null, checkoutUntrusted: '/home/u/bp is owned by u', allowDevCheckout: false };
const privilegeRefusals = [
  () => elevationPlan(facts),
  () => elevationPlan({ ...facts, packaged: true, packagedUntrusted: '/usr/lib/bridgeport/bridgeport-helper is writable by others' }),
  () => {
    throw elevationError(126, null, '');
  },
  () => {
    throw elevationError(127, null, 'Error executing command as another user: No authentication agent found.\n');
  },
  () => {
    throw elevationError(127, null, 'Error executing command as another user: polkit is broken\n');
  },
  () => {
    throw elevationError(2, null, 'bridgeport helper: --for-uid is missing\n');
  },
  () => {
    throw elevationError(null, 'SIGKILL', '');
  },
];

const all = { publishing: publishRefusals, networks: networkRefusals, 'namespaces and links': linkRefusals, privilege: privilegeRefusals };

describe.each(Object.entries(all))('%s refusals as messages', (_area, runs) => {
  const errors = runs.map(thrown);

  it('each carries its sentence as a message, whose English is the error word for word', () => {
    for (const error of errors) {
      const said = saidOf(error);
      expect(said, error.message).toBeDefined();
      expect(sayIn('en', said!)).toBe(error.message);
      expect(inEnglish(said!)).toBe(error.message);
    }
  });

  it('each is said in Korean, every key present, with no English sentence left', () => {
    for (const error of errors) {
      const korean = sayIn('ko', saidOf(error)!);
      expect(korean).not.toBe(error.message);
      expect(korean, korean).toMatch(/[가-힣]/);
    }
  });

  it('each crosses a transport and the helper with its message', () => {
    for (const error of errors) {
      const wire = toWireError(error);
      const back = fromWireError(JSON.parse(JSON.stringify(wire)));
      expect(back.said).toEqual(saidOf(error));
      expect(back.message).toBe(error.message);
      const reply = replySchema.parse(JSON.parse(JSON.stringify(errorReply(1, wire.kind, wire.message, wire.said))));
      expect(reply.ok === false && reply.error.said).toEqual(saidOf(error));
    }
  });
});

describe('refusals in Korean, word for word', () => {
  it('a port Docker already publishes', () => {
    const error = thrown(publish({ container: 'w2', hostPort: 8080, containerPort: 80 }));
    expect(error.message).toBe('host port 8080/tcp is already published by Docker for container w1');
    expect(sayIn('ko', saidOf(error)!)).toBe('호스트 포트 8080/tcp은(는) 이미 Docker가 컨테이너 w1에 게시했습니다');
  });

  it('a port another process listens on', () => {
    const error = thrown(publish({ container: 'w2', hostPort: 22, containerPort: 22 }));
    expect(sayIn('ko', saidOf(error)!)).toBe('호스트 포트 22/tcp을(를) sshd(PID 501)이(가) 0.0.0.0에서 수신 대기 중입니다. 게시하면 그 프로세스의 연결을 가로채게 됩니다');
  });

  it('a network with containers attached', () => {
    const error = thrown(() => planRemove(networkRemoveSchema.parse({ name: 'intranet' }), membership));
    expect(sayIn('ko', saidOf(error)!)).toMatch(/^네트워크 intranet에 연결된 컨테이너가 2개 있습니다 \(dual, i1\): 먼저 연결을 끊거나/);
  });

  it('a declined password prompt', () => {
    expect(sayIn('ko', saidOf(elevationError(126, null, ''))!)).toBe('Bridgeport가 관리자 권한을 얻지 못했습니다: 비밀번호 입력 창이 취소되었거나 거부되었습니다');
  });
});

describe('privilege states and the missing-root refusal', () => {
  it('a declined prompt leaves its reason as a message in the state the banner shows', () => {
    const state = stateAfterFailure(elevationError(126, null, ''));
    expect(state.state).toBe('declined');
    expect(sayIn('en', state.reasonMessage!)).toBe(state.reason);
  });

  it('changing firewall rules without root says so as a message', async () => {
    // As a user, whoever runs the suite.
    const uid = vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const error = await rootExecutor().catch((e: unknown) => e as Error);
    uid.mockRestore();
    expect(toWireError(error)).toMatchObject({ kind: 'needs-privilege', message: inEnglish(saidOf(error)!) });
    expect(sayIn('ko', saidOf(error)!)).toMatch(/^방화벽 규칙을 바꾸려면 root 권한이 필요합니다/);
  });
});

describe('the privileged side\'s refusals', () => {
  it('Docker 29 nftables without its accept mark: the sentence the helper used to write', () => {
    const said = { key: 'engine-errors:ports.needsAcceptMark', params: { option: 'bridge-accept-fwmark' } };
    expect(inEnglish(said)).toBe(
      `Docker's nftables firewall (table ip docker-bridges) drops forwarded packets its own chains did not accept, whatever another table accepts; set Docker's "bridge-accept-fwmark" option (daemon.json, e.g. "0x10000/0x10000") and restart dockerd: Bridgeport then sets that mark on the packets it accepts. Nothing was changed`,
    );
    expect(sayIn('ko', said)).toMatch(/^Docker의 nftables 방화벽/);
  });
});

describe('status notes (the snapshot limitations StatusAlerts shows)', () => {
  const notes: Message[] = [
    rootlessNote('podman', '5.8.6', 'unix:///run/user/1000/podman/podman.sock'),
    rootlessNote('docker', '28.5.2', 'unix:///run/user/1000/docker.sock'),
    unreachableNote('unix:///run/podman/podman.sock', 'EACCES', 'connect EACCES'),
    unreachableNote('unix:///run/podman/podman.sock', 'ECONNREFUSED', 'x'),
    unreachableNote('tcp://10.0.0.9:2375', 'ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.9:2375'),
    noLibpodNote('unix:///run/podman/podman.sock', 'socket hang up'),
    rootlessPublishRefusalMessage({ name: 'p2', engine: { kind: 'podman', id: 'user' } }, [{ kind: 'podman', id: 'user', rootless: true }])!,
  ];

  it('are said in both languages', () => {
    for (const note of notes) {
      expect(sayIn('en', note)).toBe(inEnglish(note));
      expect(sayIn('ko', note)).toMatch(/[가-힣]/);
    }
    expect(sayIn('en', notes[2]!)).toBe(
      "The container engine at unix:///run/podman/podman.sock could not be read: permission denied (a rootful engine's socket belongs to root; run with sudo or give your group access to it). Its containers and networks are not shown.",
    );
    expect(sayIn('ko', notes[3]!)).toBe('unix:///run/podman/podman.sock의 컨테이너 엔진을 읽을 수 없습니다: 응답이 없습니다 (엔진이 실행 중이 아닙니다). 그 엔진의 컨테이너와 네트워크는 표시되지 않습니다.');
  });

  it('a malformed message on the wire is dropped, the error still understood', () => {
    const back = fromWireError({ kind: 'refused', message: 'm', said: { params: 3 } });
    expect(back).toMatchObject({ kind: 'refused', message: 'm', said: undefined });
    expect(wireErrorSchema.parse({ kind: 'failed', message: 'old peer' })).toEqual({ kind: 'failed', message: 'old peer' });
  });
});
