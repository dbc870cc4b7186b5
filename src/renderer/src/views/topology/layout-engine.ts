// Runs ELK in a Web Worker so laying out hundreds of nodes never blocks the window. ELK ships once,
// as that worker's script (1.6 MB): a main-thread copy as a fallback would ship it twice (2.6 MB
// more) for a case our own pages never have (their CSP allows same-origin workers). A worker that
// fails (it could not load, it crashed) rejects the layout with the reason; the next layout starts a
// new worker, and the view offers the table meanwhile.
import ElkApi, { type ELK, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Graph } from '../../../../shared/topology/graph';
import { elkGraphOf, positionsOf, type Positions } from './layout';

let inWorker: { elk: ELK; failed: Promise<never> } | null = null;

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

async function run(input: ElkNode): Promise<ElkNode> {
  try {
    const { elk, failed } = workerElk();
    return await Promise.race([elk.layout(input), failed]);
  } catch (error) {
    // The next layout tries a fresh worker.
    inWorker?.elk.terminateWorker();
    inWorker = null;
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Starts the worker (and its 1.6 MB of ELK) while the window loads. (Laying out a small graph
 * meanwhile, to have ELK's code compiled before the user's first layout, measured no faster in
 * scripts/bench-topology.ts and made a small first layout wait behind it.)
 */
export function warmUpLayout(): void {
  try {
    workerElk();
  } catch {
    // The first layout reports it.
  }
}

export async function layoutGraph(graph: Graph): Promise<Positions> {
  // Marked for the devtools timeline and the topology benchmark.
  const start = performance.now();
  const positions = positionsOf(await run(elkGraphOf(graph)));
  performance.measure('bridgeport topology layout', { start, detail: { nodes: graph.nodes.length } });
  return positions;
}
