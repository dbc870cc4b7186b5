// The elevated helper as the app and `bridgeport --elevate` use it: the BUILT CLI's
// `helper --stdio --for-uid UID` subcommand, run as root, reached over its stdin/stdout with the
// app's HelperExecutor. It must serve the closed operation set, refuse everything else with one
// clear sentence — also 10,000 fuzzed messages — without running a command or touching a rule, keep
// its limits, and go away when its stdin closes. (pkexec and polkit in front of it:
// desktop-path.test.ts.) Inside the lab: the iptables here are the lab namespace's.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperError, HelperExecutor } from '../../src/main/privileged/helper/helper-client';
import { MAX_PENDING, MAX_REQUEST_LINE } from '../../src/main/privileged/helper/message-framing';
import { parseOperation } from '../../src/main/privileged/contract/operations';
import { fuzzer, prng, VALID_LINK_ARGS, VALID_MAPPING } from './helper-fuzz';
import { labEnv, repoRoot, run, waitFor } from './support';

const CLI = resolve(repoRoot, 'out/main/cli.js');
const FOR_UID = 65534;
const FUZZ_MESSAGES = 10_000;
const FUZZ_SEED = 0xb71d9e;

const helpers: ChildProcessWithoutNullStreams[] = [];

/** A root shell's environment, without what pkexec or sudo add. */
function rootShellEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'PKEXEC_UID' && k !== 'SUDO_UID') env[k] = v;
  return env;
}

function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

/** The child's exit code, once it has exited (5 s at most). */
const exitCodeOf = (child: ChildProcessWithoutNullStreams, what: string) =>
  waitFor(() => (child.exitCode !== null || child.signalCode !== null ? true : undefined), 5000, what).then(() => child.exitCode);

/** Starts the helper as root, the way pkexec leaves it: its stdio is ours alone. */
function startHelper(): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [CLI, 'helper', '--stdio', '--for-uid', String(FOR_UID)], { env: rootShellEnv(), stdio: 'pipe' });
  helpers.push(child);
  return child;
}

const runHelper = (argv: string[], env: Record<string, string> = rootShellEnv()) => execa(process.execPath, [CLI, 'helper', ...argv], { env, extendEnv: false, reject: false, timeout: 20_000, input: '' });

/** iptables-save of the lab namespace, without its timestamp comments and counters. */
async function rules(): Promise<string> {
  const text = await run('iptables-save', []);
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/\[\d+:\d+\]/g, '[]'))
    .join('\n');
}

interface Reply {
  id: number | string | null;
  ok: boolean;
  result?: unknown;
  error?: { kind: string; message: string };
}

/** A client that writes raw bytes to the helper's stdin, for what the app's executor never sends. */
class RawClient {
  readonly replies: Reply[] = [];
  private rest = '';

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const parts = (this.rest + text).split('\n');
      this.rest = parts.pop()!;
      for (const part of parts) this.replies.push(JSON.parse(part) as Reply);
    });
  }

  async write(data: Buffer | string): Promise<void> {
    if (!this.child.stdin.write(data)) await new Promise((r) => this.child.stdin.once('drain', r));
  }

  async ask(line: string | Buffer): Promise<Reply> {
    const before = this.replies.length;
    await this.write(Buffer.concat([Buffer.from(line), Buffer.from('\n')]));
    return waitFor(() => this.replies[before], 10_000, 'a reply');
  }
}

/** A refusal the way the helper must phrase it: { kind, message }, one line, no stack, no command output. */
function expectRefusal(reply: Reply | undefined, pattern?: RegExp, kind = 'refused'): void {
  expect(reply?.ok).toBe(false);
  expect(reply?.error?.kind).toBe(kind);
  expect(reply!.error!.message.length).toBeGreaterThan(0);
  expect(reply!.error!.message).not.toMatch(/\n|\s+at \S+ \(|node:internal/);
  if (pattern) expect(reply!.error!.message).toMatch(pattern);
}

beforeAll(() => {
  labEnv();
  // Firewall operations run below: only ever in the lab namespace, never the machine's own.
  const ns = process.env.BP_LAB_HOST_NS!;
  if (statSync('/proc/self/ns/net').ino !== statSync(`/run/netns/${ns}`).ino) throw new Error(`not inside the lab namespace ${ns}; refusing to run`);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
});

afterAll(() => {
  // Only what this file started.
  for (const child of helpers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Runs the built CLI as `nobody`. The checkout may sit below a directory only root can enter (a CI
 * clone in a 0700 temp dir), so node and the CLI are reached through a bind mount of the repository
 * made in a private mount namespace: nothing is mounted on the system.
 */
async function runHelperAsNobody(argv: string[]) {
  const view = mkdtempSync('/tmp/bp-helper-view-');
  chmodSync(view, 0o755);
  const inView = (path: string) => (path.startsWith(`${repoRoot}/`) ? `${view}/${path.slice(repoRoot.length + 1)}` : path);
  const script = 'mount --bind "$1" "$2" && shift 2 && exec setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"';
  try {
    return await execa('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', repoRoot, view, inView(process.execPath), inView(CLI), 'helper', ...argv], {
      env: rootShellEnv(),
      extendEnv: false,
      reject: false,
      timeout: 20_000,
      input: '',
    });
  } finally {
    // Not recursive: were the mount ever visible here, a recursive delete would go through it.
    rmdirSync(view);
  }
}

describe('starting the helper', () => {
  it('refuses to run as anyone but root (exit 1, one line)', async () => {
    const result = await runHelperAsNobody(['--stdio', '--for-uid', String(FOR_UID)]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('bridgeport helper: must run as root (the app and `bridgeport --elevate` start it through pkexec)');
    expect(result.stdout).toBe('');
  });

  it('refuses bad arguments (exit 2, one line) before serving anything', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['--stdio'], {}, /^bridgeport helper: --for-uid is missing; usage: bridgeport helper --stdio --for-uid UID$/],
      [['--for-uid', '1000'], {}, /--stdio is missing/],
      [['--stdio', '--for-uid', '0'], {}, /--for-uid must be a whole number from 1/],
      [['--stdio', '--for-uid', 'root'], {}, /--for-uid must be a whole number/],
      [['--stdio', '--for-uid', '1000', '--socket', '/tmp/x.sock'], {}, /unknown argument "--socket"/],
      [['--stdio', '--for-uid', '1000'], { PKEXEC_UID: '1001' }, /--for-uid 1000 is not the user who asked for the helper \(PKEXEC_UID=1001\)/],
    ];
    for (const [argv, env, message] of cases) {
      const result = await runHelper(argv, { ...rootShellEnv(), ...env });
      expect(result.exitCode, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });
});

describe('the helper with the app’s executor', () => {
  let child: ChildProcessWithoutNullStreams;
  let executor: HelperExecutor;

  beforeAll(() => {
    child = startHelper();
    executor = new HelperExecutor(child.stdin, child.stdout);
  });

  it('serves firewall.save and an empty ports.apply, and counts them', async () => {
    expect(await executor.run('helper.status', {})).toEqual({ executed: 0, pid: child.pid });
    const saved = await executor.run('firewall.save', {});
    expect(saved.text).toMatch(/^\*filter$/m);
    expect(saved.text).toMatch(/^:DOCKER /m); // the lab's dockerd rules: this is the lab namespace
    const applied = await executor.run('ports.apply', { mappings: [], resetRouteLocalnet: [] });
    expect(applied).toMatchObject({ routeLocalnetSet: [], warnings: [] });
    expect(typeof applied.changed).toBe('boolean');
    expect((await executor.run('helper.status', {})).executed).toBe(2);
  });

  it('has no way in but the stdio of the app that started it: not one socket, so a second client has nothing to reach', async () => {
    await executor.run('helper.status', {});
    // Its stdio are the launcher's unnamed socket pairs (Node's 'pipe'); beyond them it holds no socket.
    const sockets = readdirSync(`/proc/${child.pid}/fd`).filter((fd) => {
      try {
        return readlinkSync(`/proc/${child.pid}/fd/${fd}`).startsWith('socket:');
      } catch {
        return false;
      }
    });
    expect(sockets.filter((fd) => !['0', '1', '2'].includes(fd))).toEqual([]);
    // And nothing listens under its pid (unix, TCP or UDP) in this namespace.
    const listeners = await run('ss', ['-H', '-l', '-p', '-x', '-t', '-u']);
    expect(listeners).not.toContain(`pid=${child.pid},`);
  });

  it('refuses unknown operations and bad arguments with one clear sentence each (kind refused), running nothing', async () => {
    const refusals: Array<[string, unknown, RegExp]> = [
      ['link.nuke', {}, /^unknown operation "link\.nuke"$/],
      ['link.delete', {}, /^invalid arguments for link\.delete: link/],
      ['link.delete', { link: 'docker0;reboot' }, /^invalid arguments for link\.delete: link: an interface name has only letters/],
      ['link.addBridge', { name: 'a'.repeat(16) }, /name: an interface name is at most 15 characters/],
      ['link.addBridge', { name: 'bpfuzzbr', mtu: 70000 }, /mtu: MTU is at most 65535/],
      ['link.addBridge', { name: 'bpfuzzbr', address: '10.250.0.0/24' }, /address: 10\.250\.0\.0 is the network address/],
      ['link.move', { link: 'bpfuzzb', to: { pid: 1 } }, /^invalid arguments for link\.move: to/],
      ['link.move', { link: 'bpfuzzb', to: { netns: '../../proc/1/ns/net' } }, /^invalid arguments for link\.move: to/],
      ['link.move', { link: 'bpfuzzb', to: { pid: 1234 }, gateway: '10.250.0.1' }, /gateway: a gateway needs an address on the link/],
      ['netns.add', { name: '..' }, /^invalid arguments for netns\.add: name/],
      ['netns.delete', { name: 'x;reboot' }, /^invalid arguments for netns\.delete: name/],
      ['constructor', {}, /^unknown operation "constructor"$/],
      ['helper.status', { verbose: true }, /^invalid arguments for helper\.status: args: Unrecognized key: "verbose"$/],
      ['firewall.save', { table: 'nat' }, /^invalid arguments for firewall\.save/],
      ['ports.apply', { mappings: [], resetRouteLocalnet: ['docker0;reboot'] }, /resetRouteLocalnet\.0: an interface name has only letters, digits/],
      ['ports.apply', { mappings: [], resetRouteLocalnet: ['a'.repeat(16)] }, /resetRouteLocalnet\.0: an interface name is at most 15 characters/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, bridge: 'br-0123456789abc' }], resetRouteLocalnet: [] }, /mappings\.0\.bridge: an interface name is at most 15/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, bridge: 'docker0;reboot' }], resetRouteLocalnet: [] }, /mappings\.0\.bridge/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, hostPort: 0, hostPortEnd: 0 }], resetRouteLocalnet: [] }, /mappings\.0\.hostPort/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, containerPort: 65536, containerPortEnd: 65536 }], resetRouteLocalnet: [] }, /mappings\.0\.containerPort/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, hostPort: '80' }], resetRouteLocalnet: [] }, /mappings\.0\.hostPort/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, containerIp: '256.0.0.1' }], resetRouteLocalnet: [] }, /mappings\.0\.containerIp: not an IPv4 address/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, hostIp: '1.2.3.4;id' }], resetRouteLocalnet: [] }, /mappings\.0\.hostIp/],
      ['ports.apply', { mappings: [{ ...VALID_MAPPING, subnet: '172.17.0.1/16' }], resetRouteLocalnet: [] }, /mappings\.0\.subnet: not an IPv4 network/],
      ['ports.apply', { mappings: [] }, /resetRouteLocalnet/],
    ];
    for (const [op, args, message] of refusals) {
      const error = await executor.run(op as never, args as never).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, op).toBeInstanceOf(HelperError);
      expect((error as HelperError).kind, op).toBe('refused');
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toMatch(/\n/);
    }
    expect((await executor.run('helper.status', {})).executed).toBe(2);
  });

  it('exits when its stdin closes (the app has gone)', async () => {
    executor.close();
    expect(await exitCodeOf(child, 'the helper to exit after its stdin closed')).toBe(0);
    expect(running(child.pid!)).toBe(false);
    await expect(executor.run('helper.status', {})).rejects.toThrow(/closed|stopped/);
  });
});

describe('the helper under hostile input', () => {
  let child: ChildProcessWithoutNullStreams;
  let client: RawClient;

  beforeAll(() => {
    child = startHelper();
    client = new RawClient(child);
  });

  it('refuses malformed JSON, non-objects, wrong shapes and oversized messages, and keeps serving', async () => {
    expectRefusal(await client.ask('{"id":1,"op":"helper.status","args":{}'), /^the message is not valid JSON$/);
    expectRefusal(await client.ask('[1,2,3]'), /^a request must be a JSON object/);
    expectRefusal(await client.ask('"helper.status"'), /^a request must be a JSON object/);
    expectRefusal(await client.ask('null'), /^a request must be a JSON object/);
    expectRefusal(await client.ask(Buffer.from([0xff, 0xfe, 0x00])), /^the message is not UTF-8 text$/);
    const shape = await client.ask('{"id":9,"op":"helper.status","args":[]}');
    expectRefusal(shape, /args must be a JSON object/);
    expect(shape.id).toBe(9);
    const proto = await client.ask('{"id":10,"op":"firewall.save","args":{"__proto__":{"x":1}}}');
    expectRefusal(proto, /Unrecognized key: "__proto__"/);
    const oversized = await client.ask(`{"id":11,"op":"firewall.save","args":{"pad":"${'x'.repeat(MAX_REQUEST_LINE)}"}}`);
    expectRefusal(oversized, new RegExp(`^the message is longer than ${MAX_REQUEST_LINE} bytes and was discarded$`));
    expect(oversized.id).toBeNull();
    const status = await client.ask('{"id":"s1","op":"helper.status","args":{}}');
    expect(status).toEqual({ id: 's1', ok: true, result: { executed: 0, pid: child.pid } });
  });

  it(`refuses requests beyond ${MAX_PENDING} waiting ones (kind refused) and answers the rest`, async () => {
    const start = client.replies.length;
    const count = MAX_PENDING * 3;
    // One write: the helper reads them all before the first iptables-save is done.
    await client.write(Array.from({ length: count }, (_, i) => `{"id":"q${i}","op":"firewall.save","args":{}}\n`).join(''));
    await waitFor(() => (client.replies.length >= start + count ? true : undefined), 60_000, `${count} replies`);
    const replies = client.replies.slice(start);
    const refused = replies.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const reply of refused) expectRefusal(reply, new RegExp(`^${MAX_PENDING} requests are already waiting; firewall\\.save was not run$`));
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(MAX_PENDING);
    expect(new Set(replies.map((r) => r.id)).size).toBe(count); // one answer per request
    const status = await client.ask('{"id":"s-q","op":"helper.status","args":{}}');
    expect(status.ok).toBe(true);
  });

  it(`refuses ${FUZZ_MESSAGES} fuzzed messages without running anything or changing a rule`, async () => {
    // The template the mutations break must itself be valid: every refusal below is the mutation's.
    expect(() => parseOperation('ports.apply', { mappings: [VALID_MAPPING], resetRouteLocalnet: [] })).not.toThrow();
    for (const [op, template] of Object.entries(VALID_LINK_ARGS)) expect(() => parseOperation(op, template.args), op).not.toThrow();
    const executedBefore = ((await client.ask('{"id":"s0","op":"helper.status","args":{}}')).result as { executed: number }).executed;
    const rulesBefore = await rules();
    const linksBefore = await run('ip', ['-j', 'link', 'show']);
    const start = client.replies.length;
    const fuzz = fuzzer(FUZZ_SEED, MAX_REQUEST_LINE);
    const lines = Array.from({ length: FUZZ_MESSAGES }, () => fuzz.next());
    const stream = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
    // Cut at random places, so lines and even UTF-8 characters arrive split across chunks.
    const random = prng(FUZZ_SEED + 1);
    for (let at = 0; at < stream.length; ) {
      const size = 1 + Math.floor(random() * 16384);
      await client.write(stream.subarray(at, at + size));
      at += size;
    }
    await waitFor(() => (client.replies.length >= start + FUZZ_MESSAGES ? true : undefined), 60_000, `${FUZZ_MESSAGES} replies`);
    const replies = client.replies.slice(start);
    expect(replies).toHaveLength(FUZZ_MESSAGES); // one answer per line, none dropped, none extra
    expect(replies.filter((r) => r.ok)).toEqual([]);
    for (const reply of replies) expectRefusal(reply);
    // Still alive and answering, and no operation ran.
    expect(running(child.pid!)).toBe(true);
    const status = await client.ask('{"id":"s2","op":"helper.status","args":{}}');
    expect(status).toEqual({ id: 's2', ok: true, result: { executed: executedBefore, pid: child.pid } });
    expect(await rules()).toBe(rulesBefore);
    expect(await run('ip', ['-j', 'link', 'show'])).toBe(linksBefore);
    expect(existsSync('/run/netns/bpfuzz-ns')).toBe(false);
  });

  it('exits when its stdin closes', async () => {
    child.stdin.end();
    expect(await exitCodeOf(child, 'the helper to exit after its stdin closed')).toBe(0);
  });
});
