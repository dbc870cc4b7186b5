// The desktop path for real: a normal user runs `bridgeport --elevate doctor --fix ip-forward`, the
// launcher spawns the real pkexec, the real polkitd decides by a rules file (YES for one throw-away
// user, NO — a dismissed prompt — for another), and the helper (the built CLI's `helper --stdio`,
// as root) writes net.ipv4.ip_forward of the lab namespace. Both branches of the launcher's
// ownership rule run: this checkout as it is (must be root-owned, as in CI: asserted, not assumed),
// and a copy owned by the user (a development checkout: refused unless BRIDGEPORT_DEV_ELEVATE=1).
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { untrustedCode } from '../../src/main/privileged/helper/code-trust';
import type { KernelTraceResult } from '../../src/shared/trace-model';
import { labEnv, repoRoot } from './support';
import { type PolkitLab, startPolkitLab } from './polkit-lab';

const IP_FORWARD = '/proc/sys/net/ipv4/ip_forward';
const CLI = resolve(repoRoot, 'out/main/cli.js');
let lab: PolkitLab | null = null;
let work = '';

const ipForward = () => readFileSync(IP_FORWARD, 'utf8').trim();
const traceTables = async () => (await execa('nft', ['list', 'tables'])).stdout.split('\n').filter((l) => l.includes('bridgeport_trace_'));

/** Runs bin/bridgeport.js of `checkout` as `user`, with a plain user's environment (pkexec clears it anyway). */
function bridgeportAs(user: { name: string; uid: number }, checkout: string, args: string[], extra: Record<string, string> = {}) {
  const env = {
    // With sbin: the engine finds iptables by PATH to ask its variant (Ubuntu's user PATH has it; Debian's has not).
    PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
    HOME: '/nonexistent',
    SHELL: '/bin/sh',
    DOCKER_HOST: process.env.DOCKER_HOST!,
    BRIDGEPORT_CONFIG_DIR: join(work, `config-${user.name}`),
    BRIDGEPORT_RESOLV_CONF: process.env.BRIDGEPORT_RESOLV_CONF ?? '/etc/resolv.conf',
    ...extra,
  };
  const argv = ['--reuid', user.name, '--regid', user.name, '--init-groups', '--', process.execPath, join(checkout, 'bin/bridgeport.js'), ...args];
  return execa('setpriv', argv, { env, extendEnv: false, reject: false, timeout: 60_000, input: '' });
}

/** What this lab's processes, and Bridgeport's helper among them, would see as ip_forward. */
function setIpForward(value: '0' | '1'): void {
  writeFileSync(IP_FORWARD, value);
}

beforeAll(async () => {
  labEnv();
  const ns = process.env.BP_LAB_HOST_NS!;
  // ip_forward is written below: only ever the lab namespace's, never the machine's own.
  if (statSync('/proc/self/ns/net').ino !== statSync(`/run/netns/${ns}`).ino) throw new Error(`not inside the lab namespace ${ns}; refusing to run`);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  work = mkdtempSync('/tmp/bp-desktop-');
  chmodSync(work, 0o755);
  lab = await startPolkitLab(String(process.pid % 100000));
  for (const user of [lab.yes, lab.no]) {
    const dir = join(work, `config-${user.name}`);
    await execa('install', ['-d', '-m', '0700', '-o', user.name, '-g', user.name, dir]);
  }
}, 60_000);

afterAll(async () => {
  setIpForward('1');
  await lab?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

beforeEach(() => setIpForward('0'));

describe('a root-owned checkout (this one)', () => {
  it('is root-owned, so the launcher takes its root-owned branch (no opt-in)', () => {
    // Asserted, not assumed: on a checkout a user owns, this test is not the one that runs.
    expect(untrustedCode([process.execPath, CLI, join(repoRoot, 'node_modules'), join(repoRoot, 'package.json')])).toBeNull();
  });

  it('without --elevate, a normal user is refused with one line and nothing changes', async () => {
    const result = await bridgeportAs(lab!.yes, repoRoot, ['doctor', '--fix', 'ip-forward', '--json']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^bridgeport: .*needs root: run this command with sudo, or add --elevate/m);
    expect(ipForward()).toBe('0');
  });

  it('with --elevate, polkit says YES: pkexec starts the helper as root and the fix is applied', async () => {
    const result = await bridgeportAs(lab!.yes, repoRoot, ['--elevate', 'doctor', '--fix', 'ip-forward', '--json']);
    expect(result.stderr).toBe('bridgeport: asking for administrator rights (pkexec) to start the privileged helper');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'ip-forward', status: 'ok' });
    expect(ipForward()).toBe('1');
  });

  it('with --elevate, privileged reads go through the helper too: the NAT view sees the rules', async () => {
    const plain = JSON.parse((await bridgeportAs(lab!.yes, repoRoot, ['nat', '--json'])).stdout) as { chains: unknown[]; warnings: string[] };
    expect(plain.chains).toEqual([]);
    expect(plain.warnings.join(' ')).toMatch(/needs root/);
    const result = await bridgeportAs(lab!.yes, repoRoot, ['--elevate', 'nat', '--json']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('bridgeport: asking for administrator rights (pkexec) to start the privileged helper');
    const report = JSON.parse(result.stdout) as { chains: Array<{ table: string; name: string }>; warnings: string[] };
    // The lab's dockerd chains, which only root can read.
    expect(report.chains.some((c) => c.table === 'nat' && c.name === 'DOCKER'), `${report.chains.length} chains; ${report.warnings.join(' ')}`).toBe(true);
    expect(report.warnings.join(' ')).not.toMatch(/needs root/);
  });

  it('with --elevate, a kernel trace runs in the helper: the DNAT rule as the kernel met it, no difference, no table left', async () => {
    const result = await bridgeportAs(lab!.yes, repoRoot, ['--elevate', 'trace', '198.51.100.1:8080', '--from', 'host', '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const trace = JSON.parse(result.stdout) as KernelTraceResult;
    expect(trace.probe?.outcome).toBe('connected');
    expect(trace.steps.some((s) => s.kind === 'rule' && s.table === 'nat' && s.rule?.includes('-j DNAT'))).toBe(true);
    expect(trace.differences).toEqual([]);
    expect(await traceTables()).toEqual([]);
  });

  it('with --elevate, Ctrl-C while a trace waits ends the helper’s trace too: its table is removed', async () => {
    const waiting = bridgeportAs(lab!.yes, repoRoot, ['--elevate', 'trace', '198.51.100.1:8080', '--from', 'lan', '--timeout', '60']);
    const deadline = Date.now() + 20_000;
    while ((await traceTables()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await traceTables()).toHaveLength(1);
    waiting.kill('SIGINT');
    const ended = await waiting;
    expect(ended.exitCode, ended.stderr).toBe(130);
    // The helper is told by its input closing; it removes the table before it goes.
    const gone = Date.now() + 10_000;
    while ((await traceTables()).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(await traceTables()).toEqual([]);
  }, 60_000);

  it('a trace table left by a process that is gone is removed when the helper starts', async () => {
    // As a killed trace leaves it: named after a pid (here one that cannot exist) and its start time.
    await execa('nft', ['add', 'table', 'ip', 'bridgeport_trace_4194304_1']);
    const result = await bridgeportAs(lab!.yes, repoRoot, ['--elevate', 'nat', '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const deadline = Date.now() + 10_000;
    while ((await traceTables()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await traceTables()).toEqual([]);
  });

  it('with --elevate, polkit says NO (a dismissed prompt): a needs-privilege refusal in one line, nothing changed', async () => {
    const result = await bridgeportAs(lab!.no, repoRoot, ['--elevate', 'doctor', '--fix', 'ip-forward', '--json']);
    expect(result.exitCode).toBe(1);
    // ElevationRefused (kind needs-privilege) says exactly this; pkexec exited 126.
    expect(result.stderr.split('\n')).toEqual([
      'bridgeport: asking for administrator rights (pkexec) to start the privileged helper',
      'bridgeport: Bridgeport did not get administrator rights: the password prompt was cancelled or refused',
    ]);
    expect(result.stdout).toBe('');
    expect(ipForward()).toBe('0');
  });
});

describe('a development checkout (a copy the user owns)', () => {
  let checkout = '';

  beforeAll(async () => {
    checkout = join(work, 'dev-checkout');
    for (const part of ['bin', 'out', 'package.json']) cpSync(join(repoRoot, part), join(checkout, part), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(checkout, 'node_modules'));
    await execa('chown', ['-R', '-h', `${lab!.yes.name}:${lab!.yes.name}`, checkout]);
  });

  it('is refused without the opt-in, before any prompt, saying why and how', async () => {
    const result = await bridgeportAs(lab!.yes, checkout, ['--elevate', 'doctor', '--fix', 'ip-forward']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `bridgeport: Bridgeport elevates only root-owned helper code, and this is a development checkout (${checkout} belongs to uid ${lab!.yes.uid}, not root); run it with sudo, or set BRIDGEPORT_DEV_ELEVATE=1 to elevate this checkout anyway`,
    );
    expect(ipForward()).toBe('0');
  });

  it('with BRIDGEPORT_DEV_ELEVATE=1 it elevates, and says it is a development checkout', async () => {
    const result = await bridgeportAs(lab!.yes, checkout, ['--elevate', 'doctor', '--fix', 'ip-forward', '--json'], { BRIDGEPORT_DEV_ELEVATE: '1' });
    expect(result.stderr).toBe(`bridgeport: asking for administrator rights (pkexec) to start the privileged helper from the development checkout ${checkout}`);
    expect(result.exitCode).toBe(0);
    expect(ipForward()).toBe('1');
  });
});
