// An in-process engine (root, the lab's executor) that watches traffic — which is what makes each
// sample read the firewall — with its own config folder, for tests of what the samples carry.
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import type { TrafficSample } from '../../src/shared/traffic-model';
import { tempConfigDir } from './publish-support';

export interface TrafficEngine {
  engine: Engine;
  /** A sample after the shared firewall read's 0.9 s, as the next tick would take it. */
  nextSample(): Promise<TrafficSample>;
  stop(): Promise<void>;
}

export async function startTrafficEngine(): Promise<TrafficEngine> {
  const config = await tempConfigDir();
  const engine = new Engine({ executor: rootExecutor, configDir: config.dir });
  const unsubscribe = engine.subscribe('traffic', () => undefined);
  return {
    engine,
    nextSample: async () => {
      await new Promise((r) => setTimeout(r, 1000));
      return engine.sampleTraffic();
    },
    stop: async () => {
      unsubscribe();
      engine.stop();
      await config.remove();
    },
  };
}
