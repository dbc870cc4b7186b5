// `bridgeport traffic [--json] [--interval MS] [--count N]`: live rates per interface, attributed to
// containers (bytes and packets from the container's side), one sample per interval.
import { type Command, InvalidArgumentError } from 'commander';
import type { TrafficSample } from '../../shared/traffic-model';
import { formatRate } from '../../shared/units';
import { cliEngine } from './cli-engine';

/** The line scripts read (issue 7). */
export function trafficJson(sample: TrafficSample) {
  return {
    at: sample.at,
    interfaces: sample.interfaces.map((i) => ({
      name: i.name,
      container: i.container,
      rxBytes: i.rxBytes,
      txBytes: i.txBytes,
      rxPackets: i.rxPackets,
      txPackets: i.txPackets,
      rxRate: Math.round(i.rxRate),
      txRate: Math.round(i.txRate),
    })),
  };
}

export function formatTraffic(sample: TrafficSample): string {
  const busy = [...sample.interfaces].sort((a, b) => b.rxRate + b.txRate - (a.rxRate + a.txRate));
  const lines = [`${sample.at}`];
  for (const i of busy) {
    const who = i.container ? `${i.container.name}${i.containerInterface ? `/${i.containerInterface}` : ''} (${i.name})` : i.name;
    lines.push(`  ${who.padEnd(40)} rx ${formatRate(i.rxRate).padStart(10)}  tx ${formatRate(i.txRate).padStart(10)}`);
  }
  return lines.join('\n');
}

function positiveInt(what: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min) throw new InvalidArgumentError(`${what} must be a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
}

async function trafficCommand(options: { json?: boolean; interval: number; count?: number }): Promise<void> {
  const engine = cliEngine();
  // Attribution follows containers as they come and go.
  engine.startWatching();
  let stopped = false;
  const stop = () => (stopped = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await engine.refreshNow();
    // The first reading is the baseline the first rates are computed against.
    await engine.sampleTraffic();
    for (let printed = 0; !stopped && (options.count === undefined || printed < options.count); printed++) {
      await new Promise((r) => setTimeout(r, options.interval));
      if (stopped) break;
      const sample = await engine.sampleTraffic();
      process.stdout.write(options.json ? `${JSON.stringify(trafficJson(sample))}\n` : `${formatTraffic(sample)}\n`);
    }
  } finally {
    engine.stop();
  }
}

export function registerTrafficCommand(program: Command): void {
  program
    .command('traffic')
    .description("print live traffic per interface and container (bytes and packets from the container's side), one sample per interval")
    .option('--json', 'one JSON object per sample line: { at, interfaces: [{ name, container, rxBytes, txBytes, rxPackets, txPackets, rxRate, txRate }] }')
    .option('--interval <ms>', 'time between samples (ms, ≥ 100)', positiveInt('--interval', 100), 1000)
    .option('--count <n>', 'stop after n samples (default: until interrupted)', positiveInt('--count', 1))
    .action(trafficCommand);
}
