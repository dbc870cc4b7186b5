// Issue 17, live flows through the CLI as users run it (root in the lab, `bridgeport flows`): a LAN
// client and a neighbour container hold connections to w1 (busybox httpd waits for their request),
// and w2 fetches a page from a server in the LAN namespace. `flows --json` lists LAN → w1 through the
// published 8080 as DNAT, w2 → w1 container to container, and w2 → LAN masqueraded; `flows --watch
// --json` reports a connection's start and, when it closes, its end.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../src/shared/flow-model';
import { LAN_IP, ipOf } from './publish-support';
import { bridgeportOk, repoRoot, run, seedScenario, waitFor } from './support';

const LAN_CLIENT = '198.51.100.2';
const LAN_SERVER_PORT = 8099;
const lanNs = () => process.env.BP_LAB_LAN_NS!;
const started: ChildProcess[] = [];
let w1Ip = '';

/** A process we stop by pid in afterAll. */
function track(child: ChildProcess): ChildProcess {
  started.push(child);
  return child;
}

/** Opens a TCP connection and keeps it open (busybox httpd waits for the request) until killed. */
const holdOpen = (argv: string[]) => track(spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'ignore', 'ignore'] }));

const flowsJson = async () => JSON.parse(await bridgeportOk(['flows', '--json'])) as Flow[];

beforeAll(async () => {
  await seedScenario();
  w1Ip = await ipOf('w1');
  // A web server in the LAN namespace for w2 to fetch from.
  track(spawn('nsenter', [`--net=/run/netns/${lanNs()}`, 'busybox', 'httpd', '-f', '-p', String(LAN_SERVER_PORT), '-h', '/tmp'], { stdio: 'ignore' }));
  holdOpen(['nsenter', `--net=/run/netns/${lanNs()}`, 'busybox', 'nc', LAN_IP, '8080']);
  holdOpen(['docker', 'exec', '-i', 'w2', 'nc', w1Ip, '80']);
  await new Promise((r) => setTimeout(r, 300));
  await execa('docker', ['exec', 'w2', 'timeout', '3', 'busybox', 'wget', '-q', '-O', '/dev/null', `http://${LAN_CLIENT}:${LAN_SERVER_PORT}/`], { reject: false });
}, 60_000);

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('bridgeport flows', () => {
  it('lists LAN → w1 through the published 8080 as DNAT, attributed at both ends', async () => {
    const flow = await waitFor(async () => (await flowsJson()).find((f) => f.original.src === LAN_CLIENT && f.original.dport === 8080 && f.state === 'ESTABLISHED'), 10_000, 'the LAN connection');
    expect(flow).toMatchObject({
      protocol: 'tcp',
      original: { src: LAN_CLIENT, dst: LAN_IP, dport: 8080 },
      reply: { src: w1Ip, sport: 80 },
      from: { kind: 'lan' },
      to: { kind: 'container', container: { name: 'w1' } },
      hostPort: 8080,
      nat: 'dnat',
    });
  });

  it('lists w2 → w1 container to container, without NAT', async () => {
    const w2Ip = await ipOf('w2');
    const flow = (await flowsJson()).find((f) => f.original.src === w2Ip && f.original.dst === w1Ip && f.state === 'ESTABLISHED');
    expect(flow).toMatchObject({ from: { kind: 'container', container: { name: 'w2' } }, to: { kind: 'container', container: { name: 'w1' } }, nat: null });
  });

  it('lists w2 fetching from the LAN as masqueraded (SNAT)', async () => {
    const w2Ip = await ipOf('w2');
    const flow = (await flowsJson()).find((f) => f.original.src === w2Ip && f.original.dport === LAN_SERVER_PORT);
    expect(flow).toMatchObject({ from: { kind: 'container', container: { name: 'w2' } }, to: { kind: 'lan' }, nat: 'snat', reply: { dst: LAN_IP } });
  });

  it('--watch --json reports a new connection when it starts and when it closes', async () => {
    const watcher = track(spawn(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), 'flows', '--watch', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] }));
    const lines: Array<Flow & { event: string }> = [];
    createInterface({ input: watcher.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Flow & { event: string }));
    // Give the watcher its start (it reads the table, then follows events).
    await new Promise((r) => setTimeout(r, 1500));
    // Connections that were open before the watch started are not reported as starting.
    expect(lines.filter((l) => l.event === 'start')).toEqual([]);
    const client = holdOpen(['nsenter', `--net=/run/netns/${lanNs()}`, 'busybox', 'nc', LAN_IP, '8080']);
    const start = await waitFor(() => lines.find((l) => l.event === 'start' && l.original.src === LAN_CLIENT && l.original.dport === 8080), 10_000, 'the start line');
    expect(start).toMatchObject({ to: { container: { name: 'w1' } }, hostPort: 8080, nat: 'dnat' });
    client.kill('SIGKILL');
    const end = await waitFor(() => lines.find((l) => l.event === 'end' && l.id === start.id), 10_000, 'the end line');
    expect(['TIME_WAIT', 'CLOSE']).toContain(end.state);
    watcher.kill('SIGINT');
  });

  it('says what it cannot see instead of leaving it out silently', async () => {
    const result = await execa(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), 'flows', '--json'], { reject: false });
    expect(result.exitCode).toBe(0);
    const acct = (await run('sysctl', ['-n', 'net.netfilter.nf_conntrack_acct'])).trim();
    if (acct === '0') expect(result.stderr).toContain('conntrack accounting is off');
    else expect(result.stderr).not.toContain('conntrack accounting is off');
  });
});
