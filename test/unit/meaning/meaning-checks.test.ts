// The helper's meaning checks, pure, on what a lab Docker 20.10 host really printed
// (test/fixtures/meaning: `ip -j -d addr show` of the host and of container w1, iptables-save,
// /proc/<pid>/cgroup and stat of a container and of a host process).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeOwner, bridgesInEngineChains, bridgesInNetavark } from '../../../src/main/netcore/meaning/engine-bridges';
import { parseHostLinks, portsOf, type HostLink } from '../../../src/main/netcore/meaning/host-links';
import { checkMappingAddresses, checkRequestSize, hostPortConflict, ownNetworkProblem } from '../../../src/main/netcore/meaning/port-request';
import { containerIdOfCgroup, containerProcessVerdict, parseProcStat, parseRealUid, type ProcStat } from '../../../src/main/netcore/meaning/container-process';
import { redirectTargetProblem } from '../../../src/main/netcore/meaning/dns-redirect-target';
import { parseListeners } from '../../../src/main/netcore/host/parse-listeners';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/meaning', name), 'utf8');
const host = parseHostLinks(fixture('lab-host-addrs.json'));
const inside = parseHostLinks(fixture('lab-w1-addrs.json'));
const saved = fixture('lab-iptables-save.txt');
const facts = { links: host, engineNamed: bridgesInEngineChains(saved) };
const link = (name: string) => host.find((l) => l.name === name)!;

describe('parseHostLinks', () => {
  it('reads kinds, ports, peers and IPv4 networks', () => {
    expect(link('docker0')).toMatchObject({ kind: 'bridge', tagged: false, ipv4: ['172.17.0.1/16'] });
    expect(link('lo')).toMatchObject({ kind: null, ipv4: ['127.0.0.1/8'] });
    expect(portsOf(host, 'docker0').map((p) => p.kind)).toEqual(['veth', 'veth', 'veth']);
    // w1's eth0 and its host-side port point at each other.
    const eth0 = inside.find((l) => l.ipv4.includes('172.17.0.2/16'))!;
    const port = portsOf(host, 'docker0').find((p) => p.index === eth0.peerIndex)!;
    expect(port.peerIndex).toBe(eth0.index);
  });
});

describe('which bridges are an engine\'s', () => {
  it('finds the bridges Docker\'s chains name', () => {
    expect([...facts.engineNamed].sort()).toEqual(['br-506482b8c427', 'docker0']);
  });

  it('accepts Docker\'s bridges', () => {
    expect(bridgeOwner('docker0', facts)).toEqual({ owner: 'engine' });
    expect(bridgeOwner('br-506482b8c427', facts)).toEqual({ owner: 'engine' });
  });

  it('accepts a bridge Bridgeport made, and a custom-named bridge Docker\'s chains name', () => {
    const tagged = host.map((l) => (l.name === 'bphand0' ? { ...l, tagged: true } : l));
    expect(bridgeOwner('bphand0', { links: tagged, engineNamed: facts.engineNamed })).toEqual({ owner: 'bridgeport' });
    expect(bridgeOwner('bphand0', { links: host, engineNamed: new Set(['bphand0']) })).toEqual({ owner: 'engine' });
  });

  it.each([
    ['all', /^bridge all is not a container engine's bridge nor one Bridgeport made \(there is no such link\); refused$/],
    ['default', /there is no such link/],
    ['lo', /^bridge lo is not .* \(it is a network device, not a bridge\); refused$/],
    ['bpnqtyfup', /\(it is a veth, not a bridge\); refused$/],
    ['bphand0', /^bridge bphand0 is not a container engine's bridge nor one Bridgeport made; refused$/],
  ])('refuses %s', (name, message) => {
    const verdict = bridgeOwner(name, facts);
    expect('refused' in verdict && verdict.refused).toMatch(message);
  });

  it('refuses a bridge with a NIC among its ports, whatever its name', () => {
    const nic: HostLink = { index: 99, name: 'eth0', kind: null, tagged: false, master: 'docker0', peerIndex: null, ipv4: [] };
    const verdict = bridgeOwner('docker0', { links: [...host, nic], engineNamed: facts.engineNamed });
    expect('refused' in verdict && verdict.refused).toMatch(/the network device eth0 is one of its ports/);
  });

  it('reads netavark\'s nft table', () => {
    const nft = 'table inet filter {\n}\ntable inet netavark {\n\tchain forward {\n\t\tiifname "mynet0" accept\n\t\toifname "podman1" ct state established accept\n\t}\n}\n';
    expect([...bridgesInNetavark(nft)].sort()).toEqual(['mynet0', 'podman1']);
    expect(bridgesInNetavark('table inet filter {\n\tiifname "eth0" accept\n}\n').size).toBe(0);
  });

  it('ignores interfaces named outside the engines\' chains', () => {
    expect(bridgesInEngineChains('-A FORWARD -i eth0 -j ACCEPT\n-A INPUT -i br0 -j ACCEPT\n').size).toBe(0);
  });
});

const mapping = { protocol: 'tcp' as 'tcp' | 'udp', hostIp: '', hostPort: 8080, hostPortEnd: 8080, containerIp: '172.17.0.2', bridge: 'docker0', subnet: '172.17.0.0/16' };

describe('mapping addresses', () => {
  it('accepts a container address inside the bridge\'s own network', () => {
    expect(checkMappingAddresses(mapping, link('docker0'))).toBeNull();
  });

  it.each([
    [{ subnet: '10.0.0.0/8' }, /^subnet 10\.0\.0\.0\/8 is not the network of bridge docker0 \(it has 172\.17\.0\.1\/16\); refused$/],
    [{ subnet: '0.0.0.0/0' }, /subnet 0\.0\.0\.0\/0 is not the network of bridge docker0/],
    [{ containerIp: '10.1.2.3' }, /^container address 10\.1\.2\.3 is not inside 172\.17\.0\.0\/16, the network of bridge docker0; refused$/],
    [{ containerIp: '172.17.0.1' }, /is bridge docker0's own address/],
    [{ containerIp: '172.17.0.0' }, /is the network address of 172\.17\.0\.0\/16/],
    [{ containerIp: '172.17.255.255' }, /is the broadcast address of 172\.17\.0\.0\/16/],
  ])('refuses %j', (change, message) => {
    expect(checkMappingAddresses({ ...mapping, ...change }, link('docker0'))).toMatch(message);
  });

  it('a bridge without IPv4 has no network to publish into', () => {
    expect(ownNetworkProblem('10.99.0.0/24', link('bphand0'))).toMatch(/\(it has no IPv4 address\); refused$/);
  });

  it('caps a request at 256 mappings and 4096 host ports', () => {
    expect(checkRequestSize(Array.from({ length: 256 }, () => ({ hostPort: 1, hostPortEnd: 16 })))).toBeNull();
    expect(checkRequestSize(Array.from({ length: 257 }, () => ({ hostPort: 1, hostPortEnd: 1 })))).toMatch(/^257 mappings in one request \(at most 256\); refused$/);
    expect(checkRequestSize(Array.from({ length: 5 }, () => ({ hostPort: 1, hostPortEnd: 1024 })))).toMatch(/^5120 host ports in one request \(at most 4096\); refused$/);
  });
});

describe('host ports', () => {
  const listeners = parseListeners(
    [
      'tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=612,fd=3))',
      'tcp LISTEN 0 128 [::]:22 [::]:* users:(("sshd",pid=612,fd=4))',
      'tcp LISTEN 0 244 127.0.0.1:5432 0.0.0.0:* users:(("postgres",pid=700,fd=5))',
      'tcp LISTEN 0 4096 0.0.0.0:8080 0.0.0.0:* users:(("docker-proxy",pid=1172,fd=4))',
      'tcp LISTEN 0 4096 [fe80::1%eth0]:9000 [::]:* users:(("v6only",pid=800,fd=4))',
      'udp UNCONN 0 0 0.0.0.0:53 0.0.0.0:* users:(("dnsmasq",pid=900,fd=4))',
    ].join('\n'),
  );
  const ports = (hostPort: number, hostPortEnd = hostPort, rest: Partial<typeof mapping> = {}) => ({ ...mapping, hostPort, hostPortEnd, ...rest });

  it('refuses a port a host process listens on', () => {
    expect(hostPortConflict(ports(22), listeners)).toMatch(/^host port 22\/tcp is in use by sshd \(pid 612\) listening on 0\.0\.0\.0, a host process, not a container engine's; refused$/);
    expect(hostPortConflict(ports(5000, 6000), listeners)).toMatch(/host port 5432\/tcp is in use by postgres/);
    expect(hostPortConflict(ports(53, 53, { protocol: 'udp' }), listeners)).toMatch(/dnsmasq/);
  });

  it('lets the engines\' own port holders, other addresses, other protocols and IPv6-only sockets be', () => {
    expect(hostPortConflict(ports(8080), listeners)).toBeNull();
    expect(hostPortConflict(ports(5432, 5432, { hostIp: '198.51.100.1' }), listeners)).toBeNull();
    expect(hostPortConflict(ports(53), listeners)).toBeNull();
    expect(hostPortConflict(ports(9000), listeners)).toBeNull();
    expect(hostPortConflict(ports(22, 22, { hostIp: '198.51.100.1' }), listeners)).toMatch(/sshd/);
  });
});

describe('container processes', () => {
  const w1 = parseProcStat(fixture('stat-w1.txt'))!;
  const shim: ProcStat = { pid: 1196, comm: 'containerd-shim', state: 'S', ppid: 1, startTime: '235000' };

  it('parses /proc/<pid>/stat, also with a comm holding spaces and parentheses', () => {
    expect(w1).toEqual({ pid: 1216, comm: 'httpd', state: 'S', ppid: 1196, startTime: '235280' });
    expect(parseProcStat('42 (a) b (c)) R 7 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 999 0')).toMatchObject({ comm: 'a) b (c)', ppid: 7, startTime: '999' });
    expect(parseProcStat('garbage')).toBeNull();
    expect(parseRealUid('Name:\tx\nUid:\t0\t0\t0\t0\n')).toBe(0);
  });

  it('reads the container id of the cgroup in every driver\'s layout', () => {
    expect(containerIdOfCgroup(fixture('cgroup-docker-lab.txt'))).toBe('003cbc52606ba72394d4ae7b83400b8dec31ae7f5b397ec0598bc62113a0127e');
    const id = 'a'.repeat(64);
    expect(containerIdOfCgroup(`0::/system.slice/docker-${id}.scope\n`)).toBe(id);
    expect(containerIdOfCgroup(`0::/machine.slice/libpod-${id}.scope/container\n`)).toBe(id);
    expect(containerIdOfCgroup(`12:pids:/docker/${id}\n0::/docker/${id}\n`)).toBe(id);
    expect(containerIdOfCgroup(fixture('cgroup-host-process.txt'))).toBeNull();
    expect(containerIdOfCgroup(`0::/user.slice/${id}x\n`)).toBeNull();
  });

  it('a container\'s main process: child of a root shim, in a container\'s cgroup', () => {
    expect(containerProcessVerdict({ pid: 1216, stat: w1, cgroup: fixture('cgroup-docker-lab.txt'), parent: { stat: shim, uid: 0 } })).toBeNull();
    expect(containerProcessVerdict({ pid: 1216, stat: w1, cgroup: fixture('cgroup-docker-lab.txt'), parent: { stat: { ...shim, comm: 'conmon' }, uid: 0 } })).toBeNull();
  });

  it.each([
    ['a shim run by a user', { parent: { stat: shim, uid: 1000 } }, /its parent containerd-shim \(pid 1196\) is not a container runtime's shim run by root/],
    ['a host process', { parent: { stat: { ...shim, comm: 'bash' }, uid: 0 } }, /^process 1216 is not a running container's \(its parent bash/],
    ['no container cgroup', { cgroup: fixture('cgroup-host-process.txt') }, /its cgroup names no container/],
    ['a zombie', { stat: { ...w1, state: 'Z' } }, /it has exited/],
    ['an orphan', { parent: null }, /its parent is gone/],
  ])('refuses %s', (_what, change, message) => {
    const facts = { pid: 1216, stat: w1, cgroup: fixture('cgroup-docker-lab.txt'), parent: { stat: shim, uid: 0 as number | null }, ...change };
    expect(containerProcessVerdict(facts)).toMatch(message);
  });
});

describe('DNS redirect targets', () => {
  it('refuses loopback, 0/8 and multicast targets', () => {
    expect(redirectTargetProblem('198.51.100.2')).toBeNull();
    expect(redirectTargetProblem('127.0.0.1')).toMatch(/^redirect target 127\.0\.0\.1 is a loopback address; refused$/);
    expect(redirectTargetProblem('127.9.9.9')).toMatch(/loopback/);
    expect(redirectTargetProblem('0.0.0.0')).toMatch(/0\.0\.0\.0\/8/);
    expect(redirectTargetProblem('224.0.0.251')).toMatch(/multicast/);
  });
});
