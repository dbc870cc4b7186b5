// The sampler on captured /proc/net/dev text: every interface, container veths turned to the
// container's point of view (host side rx = container tx), summed per container over its networks,
// and the chart history (fine per tick, coarse averages of 10).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProcNetDev } from '../../../src/main/engine/traffic/parse-proc-net-dev';
import { averageOf, TrafficHistoryBuffer } from '../../../src/main/engine/traffic/traffic-history';
import { TrafficSampler } from '../../../src/main/engine/traffic/traffic-sampler';
import type { Snapshot } from '../../../src/shared/model';

const captured = readFileSync(resolve(import.meta.dirname, '../../fixtures/traffic/proc-net-dev.txt'), 'utf8');

describe('parseProcNetDev', () => {
  it('reads every interface of the captured lab host, header lines skipped', () => {
    const counters = parseProcNetDev(captured);
    expect(counters.map((c) => c.name)).toEqual(['lo', 'bp5p30fup', 'docker0', 'vethcbecd42', 'vethc3449c0', 'br-e16573d218d5', 'vethae19596', 'veth7cfae0c', 'veth7ee27c0', 'bphand0', 'bpv0']);
    expect(counters[1]).toEqual({ name: 'bp5p30fup', rxBytes: 4456, rxPackets: 36, txBytes: 4908, txPackets: 26 });
  });
});

const line = (name: string, rx: number, tx: number) => `${name}: ${rx} ${rx / 100} 0 0 0 0 0 0 ${tx} ${tx / 100} 0 0 0 0 0 0`;

function snapshot(): Snapshot {
  const endpoint = (network: string, hostVeth: string, iface: string) => ({ network, networkId: network, ip: null, mac: null, gateway: null, hostVeth, interface: iface });
  return {
    links: [{ name: 'vethA', ifindex: 5 }, { name: 'vethB', ifindex: 6 }, { name: 'vethC', ifindex: 7 }],
    containers: [
      { id: 'w1id', name: 'w1', endpoints: [endpoint('bridge', 'vethA', 'eth0')] },
      { id: 'dualid', name: 'dual', endpoints: [endpoint('bridge', 'vethB', 'eth0'), endpoint('intranet', 'vethC', 'eth1')] },
    ],
  } as unknown as Snapshot;
}

describe('TrafficSampler', () => {
  it("attributes host veths to containers, from the container's side, over every network", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-traffic-'));
    const file = join(dir, 'dev');
    const sampler = new TrafficSampler(file);
    writeFileSync(file, ['h1', 'h2', line('lo', 0, 0), line('vethA', 0, 0), line('vethB', 0, 0), line('vethC', 0, 0)].join('\n'));
    await sampler.sample(snapshot());
    await new Promise((r) => setTimeout(r, 200));
    // w1 sent 10 MB (its host veth received them); dual received 1 MB on eth0 and 2 MB on eth1.
    writeFileSync(file, ['h1', 'h2', line('lo', 500, 500), line('vethA', 10_000_000, 1000), line('vethB', 0, 1_000_000), line('vethC', 0, 2_000_000)].join('\n'));
    const sample = await sampler.sample(snapshot());
    const w1 = sample.interfaces.find((i) => i.name === 'vethA')!;
    expect(w1).toMatchObject({ container: { id: 'w1id', name: 'w1' }, network: 'bridge', containerInterface: 'eth0', txBytes: 10_000_000, rxBytes: 1000 });
    expect(w1.txRate).toBeGreaterThan(w1.rxRate * 1000);
    expect(sample.interfaces.find((i) => i.name === 'lo')).toMatchObject({ container: null, rxBytes: 500 });
    const dual = sample.containers.find((c) => c.container.name === 'dual')!;
    expect(dual.interfaces).toEqual(['vethB', 'vethC']);
    expect(dual.rxSinceStart).toBe(3_000_000);
    expect(dual.txSinceStart).toBe(0);
    expect(sample.containers[0]!.container.name).toBe('w1'); // the top talker first
    expect(sampler.readHistory().fine).toHaveLength(2);
  });
});

describe('TrafficHistoryBuffer', () => {
  it('keeps 300 fine points and averages every 10 into a coarse one', () => {
    const history = new TrafficHistoryBuffer();
    for (let i = 0; i < 320; i++) history.add({ at: String(i), containers: { a: [i, 2 * i] } });
    const { fine, coarse } = history.read();
    expect(fine).toHaveLength(300);
    expect(fine[0]!.at).toBe('20');
    expect(coarse).toHaveLength(32);
    expect(coarse[0]).toEqual({ at: '9', containers: { a: [4.5, 9] } });
  });

  it('counts a container missing from some points as 0 there', () => {
    expect(averageOf([{ at: '1', containers: { a: [10, 10] } }, { at: '2', containers: {} }])).toEqual({ at: '2', containers: { a: [5, 5] } });
  });
});

describe('ProcFileReader', () => {
  it('reads a file larger than its buffer whole, and again after it changed, through one descriptor', async () => {
    const { ProcFileReader } = await import('../../../src/main/engine/traffic/proc-file-reader');
    const dir = mkdtempSync(join(tmpdir(), 'bp-procread-'));
    const file = join(dir, 'dev');
    const big = Array.from({ length: 3000 }, (_, i) => line(`veth${i}`, i * 100, i * 200)).join('\n');
    writeFileSync(file, big);
    const reader = new ProcFileReader(file);
    expect(reader.read()).toBe(big);
    writeFileSync(file, 'short');
    expect(reader.read()).toBe('short');
    reader.close();
  });

  it('reads /proc/net/dev of this namespace (procfs gives a page or so per read)', async () => {
    const { ProcFileReader } = await import('../../../src/main/engine/traffic/proc-file-reader');
    const reader = new ProcFileReader('/proc/net/dev');
    expect(parseProcNetDev(reader.read()).map((c) => c.name)).toEqual(parseProcNetDev(readFileSync('/proc/net/dev', 'utf8')).map((c) => c.name));
    reader.close();
  });
});
