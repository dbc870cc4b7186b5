// flows.list and flows.events through the in-process executor (the CLI under sudo; the helper runs
// the same handlers): a LAN client's fetch through the published 8080 shows as a NEW event DNATed to
// w1, is in the table dump, and its end shows as a TIME_WAIT update or a DESTROY. The watcher stops
// when nobody reads, and a reader from before the stop is told it may have missed events.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import { flowWatcherPid, stopFlowWatcher } from '../../src/main/privileged/ops/flows/conntrack-events';
import type { ConntrackEntry } from '../../src/main/netcore/conntrack/parse-conntrack';
import { seedScenario, waitFor } from './support';
import { LAN_IP, httpGet, ipOf } from './publish-support';

const LAN_CLIENT = '198.51.100.2';
const executor = new LocalExecutor();
let w1Ip = '';
let cursor = 0;
const seen: ConntrackEntry[] = [];

/** Reads every event after the cursor into `seen`. */
async function drain(): Promise<{ lost: boolean; running: boolean }> {
  let lost = false;
  for (let more = true; more; ) {
    const batch = await executor.run('flows.events', { cursor });
    expect(batch.problem).toBeNull();
    seen.push(...batch.events);
    cursor = batch.cursor;
    lost ||= batch.lost;
    more = batch.more;
    if (!more) return { lost, running: batch.running };
  }
  return { lost, running: false };
}

const isLanToW1 = (e: ConntrackEntry) =>
  e.protocol === 'tcp' && e.original.src === LAN_CLIENT && e.original.dst === LAN_IP && e.original.dport === 8080 && e.reply.src === w1Ip && e.reply.sport === 80;

beforeAll(async () => {
  await seedScenario();
  w1Ip = await ipOf('w1');
});

afterAll(() => stopFlowWatcher());

describe('flows operations', () => {
  it('sees a LAN fetch through 8080 start (NEW, DNAT to w1), in the table, and end', async () => {
    const first = await drain();
    expect(first.running).toBe(true);
    // conntrack -E subscribes a moment after it starts: fetch again until its NEW event is there.
    const created = await waitFor(
      async () => {
        expect(await httpGet({ lan: true }, LAN_IP, 8080)).toContain('bridgeport lab');
        await new Promise((r) => setTimeout(r, 300));
        await drain();
        return seen.find((e) => e.event === 'new' && isLanToW1(e));
      },
      15_000,
      'a NEW event of the LAN fetch through 8080',
    );
    expect(created.id).toBeTypeOf('number');
    expect(created.timestamp).toBeTypeOf('number');

    const table = await executor.run('flows.list', {});
    expect(table.count).toBeGreaterThanOrEqual(table.entries.length);
    expect(typeof table.accounting).toBe('boolean');
    const listed = table.entries.find((e) => e.id === created.id);
    expect(listed && isLanToW1(listed)).toBe(true);

    // wget has closed the connection: conntrack moves it to TIME_WAIT (or it is gone already).
    const ended = await waitFor(
      async () => {
        await drain();
        return seen.find((e) => e.id === created.id && (e.event === 'destroy' || (e.event === 'update' && e.state === 'TIME_WAIT')));
      },
      10_000,
      'the end of the LAN fetch',
    );
    expect(isLanToW1(ended)).toBe(true);
  });

  it("with addresses of interest, leaves out the host's own connections and keeps a container's DNAT", async () => {
    const from = cursor;
    // The host's own: the LAN client pings the host. A container's: a LAN fetch through 8080 to w1.
    execFileSync('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'busybox', 'ping', '-c', '1', '-W', '2', LAN_IP], { stdio: 'ignore' });
    expect(await httpGet({ lan: true }, LAN_IP, 8080)).toContain('bridgeport lab');
    const isPingToHost = (e: ConntrackEntry) => e.protocol === 'icmp' && e.original.src === LAN_CLIENT && e.original.dst === LAN_IP;
    // w1 is not in the interest: its flow is kept because it was DNAT'ed (the reply comes from w1).
    const interest = ['172.31.255.254'];

    const whole = await executor.run('flows.list', {});
    expect(whole.entries.some(isPingToHost)).toBe(true);
    expect(whole.uninteresting).toBe(0);
    const narrowed = await executor.run('flows.list', { interest });
    expect(narrowed.entries.some(isPingToHost)).toBe(false);
    expect(narrowed.entries.some(isLanToW1)).toBe(true);
    expect(narrowed.uninteresting).toBeGreaterThan(0);

    const events: ConntrackEntry[] = [];
    let uninteresting = 0;
    await waitFor(
      async () => {
        for (let at = from, more = true; more; ) {
          const batch = await executor.run('flows.events', { cursor: at, interest });
          events.push(...batch.events);
          uninteresting += batch.uninteresting;
          at = batch.cursor;
          more = batch.more;
        }
        return events.some(isLanToW1) || undefined;
      },
      10_000,
      'the LAN fetch through 8080 among the events of interest',
    );
    expect(events.some(isPingToHost)).toBe(false);
    expect(uninteresting).toBeGreaterThan(0);
  });

  it('stops conntrack -E when nobody reads, and tells an old cursor after the restart', async () => {
    const pid = flowWatcherPid();
    expect(pid).not.toBeNull();
    await waitFor(() => (flowWatcherPid() === null ? true : undefined), 45_000, 'the idle watcher to stop');
    await waitFor(() => (existsSync(`/proc/${pid}`) ? undefined : true), 5_000, `conntrack -E (pid ${pid}) to exit`);
    const again = await drain();
    expect(again.running).toBe(true);
    expect(again.lost).toBe(true);
    expect(flowWatcherPid()).not.toBe(pid);
  }, 60_000);
});
