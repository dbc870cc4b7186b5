// Issue 17, real traces as users run them (root in the lab, `bridgeport trace`): the kernel's own
// trace (nftables nftrace, read from `nft monitor`) of a real LAN packet to the published 8080, of
// the host's and w2's own probes, and of a probe stopped by icc=false — each beside the computed
// path, which must agree. After every trace the rule set is as before and no trace table is left;
// also after a timeout, Ctrl-C, a kill -9 (the next trace removes the stale table) and refused input.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import type { KernelTraceResult } from '../../src/shared/trace-model';
import { LAN_IP, ipOf } from './publish-support';
import { bridgeport, labEnv, repoRoot, run, seedScenario, waitFor } from './support';

const LAN_CLIENT = '198.51.100.2';
const NOICC = 'bp-trace-noicc';
const lanNs = () => process.env.BP_LAB_LAN_NS!;
let w1Ip = '';

/** The rule set without its counters: what a trace must leave exactly as it found it. */
async function rules(): Promise<string> {
  const [save, nft] = await Promise.all([run('iptables-save', []), run('nft', ['list', 'ruleset'])]);
  // Chains' policy counters (`:POSTROUTING ACCEPT [13:815]`) move with any traffic of the lab's other tests.
  return `${save.replace(/^#.*$/gm, '').replace(/\[\d+:\d+\]$/gm, '[counters]')}\n${nft.replace(/counter packets \d+ bytes \d+/g, 'counter')}`;
}

/** The rule set is as `before`; a difference is named line by line (added, removed), then order. */
async function expectRulesAsBefore(before: string): Promise<void> {
  const after = await rules();
  const [was, is] = [before.split('\n'), after.split('\n')];
  expect({ added: is.filter((l) => !was.includes(l)), removed: was.filter((l) => !is.includes(l)) }).toEqual({ added: [], removed: [] });
  expect(after).toBe(before);
}

const traceTables = async () => (await run('nft', ['list', 'tables'])).split('\n').filter((l) => l.includes('bridgeport_trace'));

async function traceJson(args: string[]): Promise<KernelTraceResult> {
  const result = await bridgeport(['trace', ...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as KernelTraceResult;
}

/** `trace … --from lan` started in the background; resolves once its trace table is armed. */
function startLanTrace(args: string[]) {
  const child = spawn(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), 'trace', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const armed = waitFor(async () => ((await traceTables()).length > 0 ? true : undefined), 20_000, 'the trace table');
  return { child, armed, exited, output: () => ({ stdout, stderr }) };
}

const lanConnect = (ip: string, port: number) => execa('ip', ['netns', 'exec', lanNs(), 'timeout', '3', 'bash', '-c', `exec 3<>/dev/tcp/${ip}/${port}`], { reject: false });

const ruleSteps = (r: KernelTraceResult) => r.steps.filter((s) => s.kind === 'rule');

beforeAll(async () => {
  labEnv();
  await seedScenario();
  w1Ip = await ipOf('w1');
}, 60_000);

afterAll(async () => {
  await execa('docker', ['rm', '-f', 'bp-trace-i1', 'bp-trace-i2'], { reject: false });
  await execa('docker', ['network', 'rm', NOICC], { reject: false });
});

describe('bridgeport trace', () => {
  it('--from lan catches a real LAN packet and lists the DNAT rule; the computed path agrees; nothing is left', async () => {
    const before = await rules();
    const trace = startLanTrace([`${LAN_IP}:8080`, '--from', 'lan', '--timeout', '20', '--json']);
    await trace.armed;
    await lanConnect(LAN_IP, 8080);
    const { code } = await trace.exited;
    expect(code, trace.output().stderr).toBe(0);
    const result = JSON.parse(trace.output().stdout) as KernelTraceResult;
    expect(result.caught).toBe(true);
    expect(result.packet).toMatchObject({ source: LAN_CLIENT, destination: LAN_IP, destinationPort: 8080 });
    const dnat = ruleSteps(result).find((s) => s.rule?.includes(`--to-destination ${w1Ip}:80`));
    expect(dnat, JSON.stringify(result.steps)).toMatchObject({ table: 'nat', chain: 'DOCKER', verdict: 'accept' });
    // The same rule, by the same id, in the computed path.
    expect(result.computed.steps.map((s) => s.ruleId)).toContain(dnat!.ruleId);
    // Forwarded to w1 after the rewrite, as the kernel saw it.
    expect(result.steps.some((s) => s.kind === 'packet' && s.packet?.destination === w1Ip && s.packet.out === 'docker0')).toBe(true);
    expect(result.kernelOutcome).toBe('passed');
    expect(result.differences).toEqual([]);
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);

  it('--from host sends its own probe through nat OUTPUT', async () => {
    const before = await rules();
    const result = await traceJson([`${LAN_IP}:8080`, '--from', 'host']);
    expect(result.probe).toMatchObject({ outcome: 'connected' });
    expect(ruleSteps(result).map((s) => `${s.table} ${s.chain} ${s.verdict}`)).toEqual(['nat OUTPUT jump', 'nat DOCKER accept']);
    expect(result.differences).toEqual([]);
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);

  it('--from w2 sends the probe from inside w2: the packet enters from docker0 with w2’s address', async () => {
    const before = await rules();
    const result = await traceJson([`${w1Ip}:80`, '--from', 'w2']);
    expect(result.packet).toMatchObject({ source: await ipOf('w2'), in: 'docker0', destination: w1Ip, destinationPort: 80 });
    expect(result.probe).toMatchObject({ outcome: 'connected' });
    expect(result.kernelOutcome).toBe('passed');
    expect(result.differences).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);

  it('on an icc=false network the trace ends at the DROP rule that stops it, and the computed path agrees', async () => {
    const { image } = labEnv();
    await run('docker', ['network', 'create', '-o', 'com.docker.network.bridge.enable_icc=false', NOICC]);
    await run('docker', ['run', '-d', '--name', 'bp-trace-i1', '--network', NOICC, image, 'httpd', '-f', '-p', '80']);
    await run('docker', ['run', '-d', '--name', 'bp-trace-i2', '--network', NOICC, image, 'sleep', '3600']);
    const i1 = (await run('docker', ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'bp-trace-i1'])).trim();
    const before = await rules();
    const result = await traceJson([`${i1}:80`, '--from', 'bp-trace-i2', '--timeout', '3']);
    expect(result.caught).toBe(true);
    expect(result.kernelOutcome).toBe('dropped');
    const last = ruleSteps(result).at(-1)!;
    expect(last.verdict).toBe('drop');
    expect(last.rule).toMatch(/-j DROP$/);
    expect(result.computed.outcome.kind).toBe('dropped');
    expect(result.computed.steps.at(-1)?.ruleId ?? result.computed.steps.findLast((s) => s.ruleId)?.ruleId).toBe(last.ruleId);
    expect(result.differences).toEqual([]);
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 90_000);

  it('waits for a LAN packet until the timeout, says none came, and leaves nothing', async () => {
    const before = await rules();
    const result = await traceJson([`${LAN_IP}:8080`, '--from', 'lan', '--timeout', '1']);
    expect(result).toMatchObject({ caught: false, kernelOutcome: 'not-seen', steps: [], differences: [] });
    expect(result.notes.join(' ')).toMatch(/No packet to 198\.51\.100\.1:8080\/tcp arrived within 1 s/);
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);

  it('a probe from a container with no network never reaches the host: said so, with the probe’s error', async () => {
    const result = await traceJson([`${LAN_IP}:8080`, '--from', 'nonet']);
    expect(result).toMatchObject({ caught: false, kernelOutcome: 'not-seen', steps: [], differences: [] });
    expect(result.probe).toMatchObject({ outcome: 'error', detail: 'ENETUNREACH' });
    expect(result.notes.join(' ')).toMatch(/never reached the host's rules/);
    expect(await traceTables()).toEqual([]);
  }, 60_000);

  it('Ctrl-C while waiting removes the trace table', async () => {
    const before = await rules();
    const trace = startLanTrace([`${LAN_IP}:8080`, '--from', 'lan', '--timeout', '60']);
    await trace.armed;
    trace.child.kill('SIGINT');
    const ended = await trace.exited;
    expect(ended.signal ?? ended.code).toBeTruthy();
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);

  it('a trace killed with -9 leaves its table; the next trace removes it', async () => {
    const before = await rules();
    const trace = startLanTrace([`${LAN_IP}:8080`, '--from', 'lan', '--timeout', '60']);
    await trace.armed;
    trace.child.kill('SIGKILL');
    await trace.exited;
    expect(await traceTables()).toHaveLength(1);
    await traceJson([`${LAN_IP}:8080`, '--from', 'host']);
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);

  it('the helper refuses a pid that is not a container, and the next trace still runs', async () => {
    const executor = new LocalExecutor();
    const from = { kind: 'container' as const, pid: process.pid };
    await expect(executor.run('trace.run', { protocol: 'tcp', destination: LAN_IP, port: 8080, from, timeoutMs: 2_000 })).rejects.toThrow(/the namespace Bridgeport runs in/);
    const next = await executor.run('trace.run', { protocol: 'tcp', destination: LAN_IP, port: 8080, from: { kind: 'host' }, timeoutMs: 5_000 });
    expect(next.caught).toBe(true);
    expect(await traceTables()).toEqual([]);
  }, 60_000);

  it('refuses bad input with the reason and changes nothing', async () => {
    const before = await rules();
    const cases: Array<[string[], RegExp]> = [
      [['300.1.1.1:80', '--from', 'host'], /destination must be an IPv4 address/],
      [['255.255.255.255:80', '--from', 'host'], /broadcast address/],
      [[`${LAN_IP}:80`, '--from', 'no-such-container'], /no container named "no-such-container"/],
      [[`${LAN_IP}:80`, '--timeout', '0'], /timeout must be 1-120 seconds/],
      [[`${LAN_IP}:99999`], /port must be 1-65535/],
    ];
    for (const [args, reason] of cases) {
      const result = await bridgeport(['trace', ...args]);
      expect(result.exitCode, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(reason);
    }
    expect(await traceTables()).toEqual([]);
    await expectRulesAsBefore(before);
  }, 60_000);
});
