// The captured `nft -a monitor` output of real traces in the lab (Docker 28 with iptables-nft, and
// rootful Podman 5 with netavark's native table), grouped by trace id. See test/fixtures/nft-trace.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseNftTraceLine, type NftTraceEvent } from '../../../src/main/netcore/nft-trace/parse-nft-trace';
import { positionKey, rulePositions } from '../../../src/main/netcore/nft-trace/rule-positions';
import type { TraceEventWithPosition } from '../../../src/main/privileged/contract/trace-operations';

const dir = resolve(import.meta.dirname, '../../fixtures/nft-trace');
export const fixture = (name: string) => readFileSync(resolve(dir, name), 'utf8');

export function tracesOf(monitorFile: string): Map<string, NftTraceEvent[]> {
  const traces = new Map<string, NftTraceEvent[]>();
  for (const line of fixture(monitorFile).split('\n')) {
    const event = parseNftTraceLine(line);
    if (event) traces.set(event.id, [...(traces.get(event.id) ?? []), event]);
  }
  return traces;
}

/** One packet's events as the helper hands them over: without the trace table, rules with their position. */
export function helperEvents(events: readonly NftTraceEvent[], rulesetFile: string): TraceEventWithPosition[] {
  const positions = rulePositions(fixture(rulesetFile));
  return events
    .filter((e) => !e.table.startsWith('bridgeport_trace_'))
    .map((e) => {
      const position = e.kind === 'rule' && e.handle !== undefined ? positions.get(positionKey(e.family, e.table, e.chain, e.handle)) : undefined;
      return position === undefined ? e : { ...e, position };
    });
}

/** The first trace whose events satisfy `test`. */
export function traceWhere(traces: Map<string, NftTraceEvent[]>, test: (events: NftTraceEvent[]) => boolean): NftTraceEvent[] {
  const found = [...traces.values()].find(test);
  if (!found) throw new Error('no such trace in the fixture');
  return found;
}
