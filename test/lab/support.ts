// Helpers for tests that run inside a lab (test/lab/lab.sh): real commands, no mocks.
import { expect } from 'vitest';
import { execa } from 'execa';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function labEnv(): { lab: string; image: string; dockerHost: string } {
  const lab = process.env.BP_LAB;
  const image = process.env.BP_LAB_IMAGE;
  const dockerHost = process.env.DOCKER_HOST;
  if (!lab || !image || !dockerHost) throw new Error('lab tests must run inside test/lab/lab.sh (BP_LAB, BP_LAB_IMAGE, DOCKER_HOST unset)');
  return { lab, image, dockerHost };
}

export async function run(file: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await execa(file, args, { env, cwd: repoRoot });
  return result.stdout;
}

export async function runJson<T>(file: string, args: string[]): Promise<T> {
  return JSON.parse(await run(file, args)) as T;
}

/** The built CLI, as a user runs it. */
export async function bridgeport(args: string[], env: Record<string, string> = {}, wrapper: string[] = []) {
  const argv = [...wrapper, process.execPath, resolve(repoRoot, 'bin/bridgeport.js'), ...args];
  return execa(argv[0]!, argv.slice(1), { env, cwd: repoRoot, reject: false });
}

/** The CLI with `env`, expected to succeed: its stdout (a failure shows its stderr). */
export async function bridgeportOk(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await bridgeport(args, env);
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout;
}

export async function seedScenario(): Promise<void> {
  await run('bash', [resolve(repoRoot, 'test/lab/seed-scenario.sh')]);
}

export interface IpLink {
  ifindex: number;
  ifname: string;
  link_index?: number;
  link_netnsid?: number;
  master?: string;
  address?: string;
  linkinfo?: { info_kind?: string };
}

export const ipLinks = () => runJson<IpLink[]>('ip', ['-j', '-d', 'link', 'show']);

/** `ip -j link` inside a container, entered with nsenter: an independent view for the oracle. */
export const containerIpLinks = (pid: number) => runJson<IpLink[]>('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', '-j', '-d', 'link', 'show']);

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let dockerMajorRead: Promise<number> | undefined;

/**
 * The major version of the lab's Docker engine (`docker version`), read once. Docker's firewall
 * layout and resolver changed between 20.10 and 28: tests expect what the version in the lab does.
 */
export function dockerMajor(): Promise<number> {
  dockerMajorRead ??= run('docker', ['version', '--format', '{{.Server.Version}}']).then((text) => {
    const major = Number(/^(\d+)\./.exec(text.trim())?.[1]);
    if (!Number.isInteger(major)) throw new Error(`cannot read the engine's version from "${text.trim()}"`);
    return major;
  });
  return dockerMajorRead;
}
