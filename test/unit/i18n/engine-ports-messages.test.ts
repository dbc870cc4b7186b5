// The Ports view's engine sentences as messages (issue 18): port hints (derive-ports), a waiting
// mapping's detail (resolve-mappings) and the event log's lines (port-messages through EventLog).
// The English the engine prints is the English catalogue's; every one is said in Korean.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import { dockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseListeners } from '../../../src/main/engine/host/parse-listeners';
import { derivePorts } from '../../../src/main/engine/ports/derive-ports';
import { PublishRefused } from '../../../src/main/engine/publish/check-publish';
import { EventLog } from '../../../src/main/engine/publish/event-log';
import { detail, event, reason } from '../../../src/main/engine/publish/port-messages';
import { resolveMappings } from '../../../src/main/engine/publish/resolve-mappings';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import type { Message } from '../../../src/shared/message';
import type { Container, Network } from '../../../src/shared/model';
import type { Mapping, PortEvent } from '../../../src/shared/publish-model';
import type { PublishedPort } from '../../../src/shared/firewall-model';
import { containers } from '../firewall/bridge-ports-fixture';
import { p1, p2 } from '../firewall/podman5-containers';
import { sayIn } from './engine-say';

const fixture = (path: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');

// The containers of test/unit/firewall/derive-ports.test.ts, with rules and listeners of its own.
const save = `*nat
:DOCKER - [0:0]
[5:300] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
[0:0] -A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.5:80
[2:80] -A DOCKER ! -i docker0 -p udp -m udp --dport 5353 -j DNAT --to-destination 172.17.0.6:53
COMMIT
`;
const rules = attributeRules(parseIptablesSave(save), dockerFacts({ containers, networks: [] }));
const listeners = parseListeners(
  [
    'tcp   LISTEN 0      511        127.0.0.1:6060      0.0.0.0:*    users:(("python3",pid=999,fd=3))',
    'tcp   LISTEN 0      511          0.0.0.0:8443      0.0.0.0:*    users:(("nginx",fd=3))',
    'udp   UNCONN 0      0      0.0.0.0%lo:5353      0.0.0.0:*',
  ].join('\n'),
);

// The Podman 5.8 capture's p1 and p2 (as test/unit/firewall/podman-netavark.test.ts reads them), and p3 beside p1.
const p3: Container = { ...p1, id: 'p3id', name: 'p3', ports: [{ hostIp: '', hostPort: 7070, containerPort: 80, protocol: 'tcp' }], endpoints: [{ ...p1.endpoints[0]!, ip: '10.88.0.9/16' }] };
const podmanRules = attributeRules(parseNftJson(fixture('podman5/nft-ruleset.json')), dockerFacts({ containers: [p1, p2], networks: [] }));

// Bridgeport's own mappings (as test/unit/publish/config-and-resolve.test.ts builds them).
const bridge: Network = { id: 'n1', name: 'bridge', driver: 'bridge', scope: 'local', bridge: 'docker0', subnets: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }], options: {}, internal: false, containers: [] };
const mapping = (id: string, c: Container, over: Partial<Mapping> = {}): Mapping => ({
  id, container: { id: c.id, name: c.name }, network: 'bridge', hostIp: '', hostPort: 9000, hostPortEnd: 9000, containerPort: 80, containerPortEnd: 80, protocol: 'tcp', createdAt: '', ...over,
});
const onMacvlan: Container = { ...containers[1]!, id: 'id-mv', name: 'mv', endpoints: [{ ...containers[1]!.endpoints[0]!, network: 'nobridge' }] };
const resolution = resolveMappings(
  [
    mapping('aaaaaaaa', containers[0]!, { hostIp: '127.0.0.1', hostPort: 9100, hostPortEnd: 9101 }),
    mapping('bbbbbbbb', containers[3]!, { hostPort: 9200, hostPortEnd: 9200 }),
    mapping('cccccccc', containers[2]!, { network: 'other' }),
    mapping('dddddddd', onMacvlan, { network: 'nobridge' }),
  ],
  [...containers, onMacvlan],
  [bridge, { ...bridge, id: 'n2', name: 'other', bridge: 'br-other' }, { ...bridge, id: 'n3', name: 'nobridge', bridge: null }],
);

const ports: PublishedPort[] = [
  ...derivePorts({ containers, rules, firewallReadable: true, listeners, mappings: resolution.statuses }),
  ...derivePorts({ containers, rules: [], firewallReadable: false, listeners: [], mappings: resolution.statuses }),
  ...derivePorts({ containers: [p1, p2, p3], rules: podmanRules, firewallReadable: true, listeners: [], iptablesForwardDrops: true }),
];
const hints = ports.flatMap((p) => p.hints.map((text, i) => ({ text, message: p.hintsMessages![i]! })));

async function loggedEvents(): Promise<PortEvent[]> {
  const log = new EventLog(null);
  const m = mapping('eeeeeeee', containers[0]!, { hostIp: '127.0.0.1', hostPort: 8000, hostPortEnd: 8003, containerPort: 80, containerPortEnd: 83 });
  await log.add('published', event.published(m), m.id);
  await log.add('unpublished', event.unpublished(m), m.id);
  await log.add('failed', event.failed(m, new Error('iptables-restore: line 3 failed')), m.id);
  await log.add('refused', event.refused({ container: 'w1', hostPort: 80, protocol: 'tcp' }, new PublishRefused('host port 80/tcp is taken by nginx')));
  await log.add('removed', event.removed(m), m.id);
  for (const why of [reason.reconcile(), reason.changed(), reason.otherProcess(), reason.rulesChanged(), reason.tableRemoved('inet bridgeport')]) {
    await log.add('restored', event.restored(2, why));
  }
  await log.add('restored', event.restored(1, reason.reconcile()));
  return log.list();
}

describe('Ports sentences in both languages', () => {
  it('come from every kind of hint and waiting detail', () => {
    const keys = new Set(hints.map((h) => h.message.key));
    for (const key of ['loopbackOnly', 'loopbackUnguarded', 'containerNotRunning', 'noNatPodman', 'noNatDocker', 'natUnread', 'droppedBesideDocker', 'alsoTaken', 'alsoIpv6', 'bridgeportNatMissing']) {
      expect(keys).toContain(`engine-ports:hint.${key}`);
    }
    expect(new Set(resolution.statuses.map((s) => s.detailMessage?.key ?? null))).toEqual(
      new Set([null, 'engine-ports:detail.notRunning', 'engine-ports:detail.notConnected', 'engine-ports:detail.notBridge']),
    );
    for (const p of ports) expect(p.hintsMessages).toHaveLength(p.hints.length);
  });

  it('say in English, through the catalogue, exactly the hints and details the engine prints', () => {
    for (const h of hints) expect(sayIn('en', h.message)).toBe(h.text);
    for (const s of resolution.statuses) if (s.detail !== null) expect(sayIn('en', s.detailMessage!)).toBe(s.detail);
    // The publisher's own details (Docker away, container removed), as it wrote them before.
    expect(sayIn('en', detail.dockerUnreachable())).toBe('Docker is not reachable');
    expect(sayIn('en', detail.removed('w1'))).toBe('container w1 was removed');
    expect(sayIn('ko', detail.removed('w1'))).toBe('컨테이너 w1이(가) 삭제됨');
  });

  it('say the event log in English exactly as logged', async () => {
    const events = await loggedEvents();
    expect(events.map((e) => e.message)).toContain('published 127.0.0.1:8000-8003→80-83/tcp on w1');
    expect(events.map((e) => e.message)).toContain('rules rewritten for 2 active mapping(s) (a container or network changed)');
    expect(events.map((e) => e.message)).toContain('w1 80/tcp: host port 80/tcp is taken by nginx');
    for (const e of events) expect(sayIn('en', e.messageMessage!)).toBe(e.message);
  });

  it('say every one in Korean, differently from the English', async () => {
    const messages: Array<{ text: string; message: Message }> = [
      ...hints,
      ...resolution.statuses.filter((s) => s.detailMessage).map((s) => ({ text: s.detail!, message: s.detailMessage! })),
      ...(await loggedEvents()).map((e) => ({ text: e.message, message: e.messageMessage! })),
    ];
    // A refusal quoted from an error without a message of its own is data only: the same in both.
    for (const m of messages.filter((m) => m.message.key !== 'engine-ports:event.refused')) expect(sayIn('ko', m.message), m.text).not.toBe(m.text);
    for (const m of messages) expect(sayIn('ko', m.message)).not.toMatch(/\b(published|unpublished|rewritten|container|network|Bound|reachable)\b/);
  });

  it('a loopback hint, a taken port and a publish event, in Korean', async () => {
    const lo = ports.find((p) => p.hostPort === 8443 && p.source === 'docker')!;
    expect(sayIn('ko', lo.hintsMessages![0]!)).toBe('127.0.0.1에만 바인딩됨: 이 호스트에서만 접근할 수 있고 LAN이나 다른 머신에서는 접근할 수 없습니다.');
    const taken = hints.find((h) => h.message.key === 'engine-ports:hint.alsoTaken' && h.text.includes('python3'))!;
    expect(sayIn('ko', taken.message)).toBe('포트 6060/tcp을(를) 127.0.0.1에서 수신 대기 중인 python3(pid 999)도 사용하고 있습니다.');
    const [published] = await loggedEvents();
    expect(sayIn('ko', published!.messageMessage!)).toBe('w1에 127.0.0.1:8000-8003→80-83/tcp 게시함');
  });
});
