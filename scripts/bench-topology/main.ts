// The benchmark page: the real renderer (src/renderer/src/main.tsx, the whole window) over a
// synthetic busy host instead of an engine. `?containers=N` sets its size; every second a traffic
// sample moves a tenth of the cables, as a busy host would while the user pans.
import type { PreloadApi } from '../../src/shared/ipc-channels';
import type { TrafficSample } from '../../src/shared/traffic-model';
import { syntheticSnapshot } from '../../test/fixtures/synthetic-snapshot';

const containers = Number(new URLSearchParams(window.location.search).get('containers') ?? '500');
const snapshot = syntheticSnapshot(containers);
const veths = snapshot.links.filter((l) => l.kind === 'veth');
let tick = 0;

function sample(): TrafficSample {
  tick++;
  const at = new Date().toISOString();
  return {
    at,
    since: snapshot.takenAt,
    intervalMs: 1000,
    interfaces: veths.map((l, i) => {
      const busy = (i + tick) % 10 === 0;
      const rate = busy ? 2_000 * (i + 1) : 0;
      return { name: l.name, container: null, network: null, containerInterface: null, rxBytes: 0, txBytes: 0, rxPackets: 0, txPackets: 0, rxRate: rate, txRate: rate / 3, rxPacketRate: 0, txPacketRate: 0 };
    }),
    containers: [],
    ports: [],
    rules: [],
    drops: null,
  };
}

const answers: Record<string, () => unknown> = {
  'snapshot.get': () => snapshot,
  'traffic.get': sample,
  'traffic.history': () => ({ fine: [], coarse: [] }),
};

// Like the preload: every call answers with the IPC envelope (src/shared/errors.ts).
const bench = {
  invoke: (method: string) => {
    const answer = answers[method];
    return Promise.resolve(answer ? { ok: true, value: answer() } : { ok: false, error: { kind: 'failed', message: `${method} is not part of the benchmark` } });
  },
  subscribe: (topic: string, listener: (payload: unknown) => void) => {
    if (topic !== 'traffic') return () => undefined;
    const timer = setInterval(() => listener(sample()), 1000);
    return () => clearInterval(timer);
  },
};
window.bridgeport = bench as unknown as PreloadApi;

await import('../../src/renderer/src/boot');
