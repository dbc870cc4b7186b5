// The Traffic view's words and order.
import { describe, expect, it } from 'vitest';
import { busiestInterfaces, formatBytes, formatPerSecond, formatRate, interfacePlace, portLabel, ruleBody, rxTx, topTalkers } from '../../../src/renderer/src/views/traffic/traffic-format';
import type { ContainerTraffic, InterfaceTraffic } from '../../../src/shared/traffic-model';

const c = (name: string, rxRate: number, txRate: number): ContainerTraffic => ({ container: { id: name, name }, rxRate, txRate, rxSinceStart: 0, txSinceStart: 0, interfaces: [] });
const i = (name: string, rxRate: number, txRate: number): InterfaceTraffic => ({
  name,
  container: null,
  network: null,
  containerInterface: null,
  rxBytes: 0,
  txBytes: 0,
  rxPackets: 0,
  txPackets: 0,
  rxRate,
  txRate,
  rxPacketRate: 0,
  txPacketRate: 0,
});

describe('traffic format', () => {
  it('writes rates and sizes', () => {
    expect(formatRate(0)).toBe('0 B/s');
    expect(formatRate(1234)).toBe('1.2 KiB/s');
    expect(formatRate(12_345_678)).toBe('11.8 MiB/s');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MiB');
    expect(rxTx(2_000_000, 500)).toBe('1.9 MiB/s ↓ 500 B/s ↑');
  });

  it('writes packets per second', () => {
    expect(formatPerSecond(0)).toBe('0');
    expect(formatPerSecond(0.25)).toBe('0.3');
    expect(formatPerSecond(12.6)).toBe('13');
  });

  it('lists the busiest first, idle ones by name', () => {
    expect(topTalkers([c('b', 0, 0), c('w1', 10, 5_000_000), c('a', 0, 0), c('w2', 100, 0)]).map((x) => x.container.name)).toEqual(['w1', 'w2', 'a', 'b']);
    expect(topTalkers([c('b', 0, 0), c('a', 0, 0)], 1).map((x) => x.container.name)).toEqual(['a']);
    expect(busiestInterfaces([i('veth2', 0, 0), i('docker0', 0, 0), i('veth1', 5, 0)]).map((x) => x.name)).toEqual(['veth1', 'docker0', 'veth2']);
  });

  it('says where an interface leads and names ports', () => {
    expect(interfacePlace({ container: { id: 'x', name: 'w1' }, network: 'lan', containerInterface: 'eth0' })).toBe('w1 · lan · eth0');
    expect(interfacePlace({ container: { id: 'x', name: 'w1' }, network: null, containerInterface: null })).toBe('w1 · ? · ?');
    expect(interfacePlace({ container: null, network: null, containerInterface: null })).toBe('host');
    expect(portLabel({ hostIp: '', hostPort: 8080, protocol: 'tcp' })).toBe('*:8080/tcp');
    expect(portLabel({ hostIp: '127.0.0.1', hostPort: 53, protocol: 'udp' })).toBe('127.0.0.1:53/udp');
  });

  it('shows a rule without its chain', () => {
    expect(ruleBody('DOCKER', '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80')).toBe('! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
    expect(ruleBody('DOCKER', '-A DOCKER-USER -j RETURN')).toBe('-A DOCKER-USER -j RETURN');
    expect(ruleBody('forward', 'iifname "docker0" accept')).toBe('iifname "docker0" accept');
  });
});
