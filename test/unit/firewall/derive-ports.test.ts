import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import { dockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseListeners } from '../../../src/main/engine/host/parse-listeners';
import { derivePorts } from '../../../src/main/engine/ports/derive-ports';
import { container, containers, tcp } from './bridge-ports-fixture';

const save = `*nat
:DOCKER - [0:0]
[5:300] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
[0:0] -A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.5:80
[2:80] -A DOCKER ! -i docker0 -p udp -m udp --dport 5353 -j DNAT --to-destination 172.17.0.6:53
[0:0] -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
COMMIT
*filter
:DOCKER - [0:0]
[5:300] -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
COMMIT
`;

const rules = attributeRules(parseIptablesSave(save), dockerFacts({ containers, networks: [] }));
const listeners = parseListeners(
  [
    'tcp   LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    users:(("docker-proxy",pid=1234,fd=4))',
    'tcp   LISTEN 0      511        127.0.0.1:6060      0.0.0.0:*    users:(("python3",pid=999,fd=3))',
    'udp   UNCONN 0      0      0.0.0.0%lo:5353      0.0.0.0:*',
  ].join('\n'),
);

describe('derivePorts', () => {
  const ports = derivePorts({ containers, rules, firewallReadable: true, listeners });
  const port = (n: number) => ports.find((p) => p.hostPort === n)!;

  it('one row per published port, IPv4 and IPv6 of one -p merged, sorted by port', () => {
    expect(ports.map((p) => `${p.hostIp}:${p.hostPort}/${p.protocol}`)).toEqual([
      '0.0.0.0:5353/udp',
      '0.0.0.0:6060/tcp',
      '0.0.0.0:7070/tcp',
      '0.0.0.0:8080/tcp',
      '127.0.0.1:8443/tcp',
    ]);
    expect(port(8080).hints).toContain('Also published on IPv6 (::).');
  });

  it('carries the DNAT counters and the ids of the rules behind the port', () => {
    expect(port(8080)).toMatchObject({ container: { name: 'w1' }, containerIp: '172.17.0.2', containerPort: 80, network: 'bridge', packets: 5, bytes: 300 });
    const behind = rules.filter((r) => port(8080).ruleIds.includes(r.id)).map((r) => `${r.table}/${r.target}`);
    expect(behind.sort()).toEqual(['filter/ACCEPT', 'nat/DNAT', 'nat/MASQUERADE']);
    expect(port(5353)).toMatchObject({ protocol: 'udp', packets: 2 });
  });

  it('matches a loopback-bound port only to the DNAT rule for that address, and says it is local only', () => {
    expect(port(8443).ruleIds).toHaveLength(1);
    expect(port(8443).hints[0]).toMatch(/127\.0\.0\.1 only/);
  });

  it('says when the container is stopped, when the rule is missing and when a host process holds the port', () => {
    expect(port(7070).containerIp).toBeNull();
    expect(port(7070).hints[0]).toMatch(/gone is exited/);
    expect(port(6060).hints.join(' ')).toMatch(/No NAT rule found/);
    expect(port(6060).hints.join(' ')).toMatch(/also taken by python3 \(pid 999\) listening on 127\.0\.0\.1/);
    // docker-proxy is Docker's own listener, not a conflict.
    expect(port(8080).hints.join(' ')).not.toMatch(/also taken/);
  });

  it("takes Podman's port holders (conmon, rootlessport) for the engine's own, like docker-proxy, not for a conflict", () => {
    const podman = [container('p2', '10.88.0.2', [tcp('0.0.0.0', 9090, 80)]), container('p3', '10.88.0.3', [tcp('0.0.0.0', 9191, 80)])];
    const held = parseListeners(
      [
        'tcp   LISTEN 0      4096         0.0.0.0:9090      0.0.0.0:*    users:(("conmon",pid=4321,fd=5))',
        'tcp   LISTEN 0      4096         0.0.0.0:9191      0.0.0.0:*    users:(("rootlessport",pid=4322,fd=7))',
      ].join('\n'),
    );
    const rows = derivePorts({ containers: podman, rules, firewallReadable: true, listeners: held });
    for (const row of rows) expect(row.hints.join(' ')).not.toMatch(/also taken/);
    // A process that is no engine's still is one.
    const other = parseListeners('tcp   LISTEN 0      511        0.0.0.0:9090      0.0.0.0:*    users:(("nginx",pid=77,fd=6))');
    expect(derivePorts({ containers: podman, rules, firewallReadable: true, listeners: other })[0]!.hints.join(' ')).toMatch(/also taken by nginx \(pid 77\)/);
  });

  it('does not claim a rule is missing when the firewall could not be read', () => {
    const unread = derivePorts({ containers, rules: [], firewallReadable: false, listeners: [] });
    expect(unread.flatMap((p) => p.hints).join(' ')).not.toMatch(/No NAT rule/);
  });
});

describe('parseListeners', () => {
  it('reads protocol, address without brackets or scope, port and process', () => {
    expect(parseListeners('tcp LISTEN 0 4096 [::]:8080 [::]:* users:(("docker-proxy",pid=7,fd=4))\nudp UNCONN 0 0 0.0.0.0%lo:5353 0.0.0.0:*')).toEqual([
      { protocol: 'tcp', address: '::', port: 8080, process: 'docker-proxy', pid: 7 },
      { protocol: 'udp', address: '0.0.0.0', port: 5353, process: null, pid: null },
    ]);
  });
});
