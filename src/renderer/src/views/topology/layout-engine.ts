// Runs ELK in a Web Worker so laying out hundreds of nodes never blocks the window. When a worker
// cannot start (a page that forbids it), the same layout runs on the main thread instead.
import ElkApi, { type ELK, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Graph } from '../../../../shared/topology/graph';
import { elkGraphOf, positionsOf, type Positions } from './layout';

let inWorker: { elk: ELK; failed: Promise<never> } | null = null;
let onMainThread: Promise<ELK> | null = null;

function workerElk(): { elk: ELK; failed: Promise<never> } {
  if (inWorker) return inWorker;
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  const elk = new ElkApi({
    workerFactory: () => {
      const worker = new Worker(elkWorkerUrl);
      worker.addEventListener('error', (event) => fail(new Error(`layout worker failed: ${event.message}`)));
      return worker;
    },
  });
  inWorker = { elk, failed };
  return inWorker;
}

function mainThreadElk(): Promise<ELK> {
  onMainThread ??= import('elkjs/lib/elk.bundled.js').then(({ default: Bundled }) => new Bundled());
  return onMainThread;
}

async function run(input: ElkNode): Promise<ElkNode> {
  try {
    const { elk, failed } = workerElk();
    return await Promise.race([elk.layout(input), failed]);
  } catch (error) {
    console.warn('topology layout falls back to the main thread:', error);
    inWorker = null;
    return (await mainThreadElk()).layout(input);
  }
}

/** Starts the worker (and its 1.6 MB of ELK) while the first snapshot is still on its way. */
export function warmUpLayout(): void {
  try {
    workerElk();
  } catch {
    // The first layout falls back to the main thread.
  }
}

export async function layoutGraph(graph: Graph): Promise<Positions> {
  // Marked for the devtools timeline and the topology benchmark.
  const start = performance.now();
  const positions = positionsOf(await run(elkGraphOf(graph)));
  performance.measure('bridgeport topology layout', { start, detail: { nodes: graph.nodes.length } });
  return positions;
}
