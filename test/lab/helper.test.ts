// The elevated helper as the desktop app uses it: the BUILT helper (out/main/helper.js, plain Node)
// started as root, reached through its socket with the app's HelperExecutor. It must serve the closed
// operation set, refuse everything else with one clear sentence — also 10,000 fuzzed messages —
// without running a command or touching a rule, and go away with its client or its parent.
// Inside the lab: the iptables here are the lab namespace's.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperError, HelperExecutor } from '../../src/main/privileged/helper/helper-client';
import { MAX_REQUEST_LINE } from '../../src/main/privileged/helper/message-framing';
import { parseOperation } from '../../src/main/privileged/contract/operations';
import { fuzzer, prng, VALID_LINK_ARGS, VALID_MAPPING } from './helper-fuzz';
import { labEnv, repoRoot, run, waitFor } from './support';

const HELPER = resolve(repoRoot, 'out/main/helper.js');
const OWNER = 65534; // nobody: the socket must end up theirs, not root's
const FUZZ_MESSAGES = 10_000;
const FUZZ_SEED = 0xb71d9e;

let root = '';
const parents: ChildProcess[] = [];
const helperPids = new Set<number>();

/** A root shell's environment, without what pkexec or sudo add (with those, a test socket root is refused). */
function rootShellEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'PKEXEC_UID' && k !== 'SUDO_UID') env[k] = v;
  return env;
}

/** Running, not a zombie (the detached helper's parent is init, which may reap it lazily). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

const waitGone = (pid: number, what: string) => waitFor(() => (running(pid) ? undefined : true), 5000, what);

/** A stand-in for the app: the helper watches this pid. */
function startParent(): ChildProcess {
  const parent = spawn('sleep', ['600'], { stdio: 'ignore' });
  parents.push(parent);
  return parent;
}

/** A user-owned, private socket directory, as the app makes it. */
function socketDir(name: string, uid = OWNER, mode = 0o700): string {
  const dir = `${root}/${name}/${uid}/bridgeport`;
  mkdirSync(dir, { recursive: true });
  chownSync(`${root}/${name}/${uid}`, uid, uid);
  chownSync(dir, uid, uid);
  chmodSync(dir, mode);
  return dir;
}

function helperArgv(name: string, parentPid: number, socketName = 'helper-test.sock'): string[] {
  return ['--socket', `${root}/${name}/${OWNER}/bridgeport/${socketName}`, '--owner-uid', String(OWNER), '--parent-pid', String(parentPid), '--socket-dir-root', `${root}/${name}`];
}

const runHelper = (argv: string[]) => execa(process.execPath, [HELPER, ...argv], { env: rootShellEnv(), extendEnv: false, reject: false, timeout: 20_000 });

/** Starts the helper the way pkexec does: the first process returns once the socket is ready. */
async function startHelper(name: string): Promise<{ socketPath: string; pid: number; parent: ChildProcess }> {
  socketDir(name);
  const parent = startParent();
  const argv = helperArgv(name, parent.pid!);
  const result = await runHelper(argv);
  expect(result.exitCode, result.stderr).toBe(0);
  const match = /^bridgeport-helper: serving (\S+) \(pid (\d+)\)$/.exec(result.stdout);
  expect(match, result.stdout).not.toBeNull();
  const pid = Number(match![2]);
  helperPids.add(pid);
  return { socketPath: argv[1]!, pid, parent };
}

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
  error?: string;
}

/** A client that writes raw bytes, for what the app's executor never sends. */
class RawClient {
  readonly replies: Reply[] = [];
  closed = false;
  private rest = '';

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      const parts = (this.rest + text).split('\n');
      this.rest = parts.pop()!;
      for (const part of parts) this.replies.push(JSON.parse(part) as Reply);
    });
    socket.on('close', () => (this.closed = true));
  }

  static connect(path: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(path);
      socket.once('error', reject);
      socket.once('connect', () => resolve(new RawClient(socket)));
    });
  }

  async write(data: Buffer | string): Promise<void> {
    if (!this.socket.write(data)) await new Promise((r) => this.socket.once('drain', r));
  }

  async ask(line: string | Buffer): Promise<Reply> {
    const before = this.replies.length;
    await this.write(Buffer.concat([Buffer.from(line), Buffer.from('\n')]));
    return waitFor(() => this.replies[before], 10_000, 'a reply');
  }
}

/** A refusal the way the helper must phrase it: one line, no stack, no command output. */
function expectRefusal(reply: Reply | undefined, pattern?: RegExp): void {
  expect(reply?.ok).toBe(false);
  expect(reply?.error).toEqual(expect.any(String));
  expect(reply!.error!.length).toBeGreaterThan(0);
  expect(reply!.error).not.toMatch(/\n|\s+at \S+ \(|node:internal/);
  if (pattern) expect(reply!.error).toMatch(pattern);
}

beforeAll(() => {
  labEnv();
  // Firewall operations run below: only ever in the lab namespace, never the machine's own.
  const ns = process.env.BP_LAB_HOST_NS!;
  if (statSync('/proc/self/ns/net').ino !== statSync(`/run/netns/${ns}`).ino) throw new Error(`not inside the lab namespace ${ns}; refusing to run`);
  if (!existsSync(HELPER)) throw new Error(`${HELPER} is missing: run "npx electron-vite build" first`);
  root = mkdtempSync('/tmp/bp-helper-');
});

afterAll(() => {
  // Only what this file started: the stand-in parents and the helpers they had.
  for (const pid of helperPids) if (running(pid)) process.kill(pid, 'SIGKILL');
  for (const parent of parents) if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
  if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * Runs the built helper as `nobody`. The checkout may sit below a directory only root can enter (a
 * CI clone in a 0700 temp dir), so node and the helper are reached through a bind mount of the
 * repository made in a private mount namespace: nothing is mounted on the system.
 */
async function runHelperAsNobody(argv: string[]) {
  const view = mkdtempSync('/tmp/bp-helper-view-');
  chmodSync(view, 0o755);
  const inView = (path: string) => (path.startsWith(`${repoRoot}/`) ? `${view}/${path.slice(repoRoot.length + 1)}` : path);
  const script = 'mount --bind "$1" "$2" && shift 2 && exec setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"';
  try {
    return await execa('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', repoRoot, view, inView(process.execPath), inView(HELPER), ...argv], {
      env: rootShellEnv(),
      extendEnv: false,
      reject: false,
      timeout: 20_000,
    });
  } finally {
    // Not recursive: were the mount ever visible here, a recursive delete would go through it.
    rmdirSync(view);
  }
}

describe('starting the helper', () => {
  it('refuses to run as anyone but root', async () => {
    socketDir('nonroot');
    const parent = startParent();
    const result = await runHelperAsNobody(helperArgv('nonroot', parent.pid!));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('bridgeport-helper: must run as root (the Bridgeport app starts it through pkexec)');
  });

  it('refuses bad arguments (exit 2) and unsafe socket directories (exit 1) before serving anything', async () => {
    const parent = startParent();
    const good = helperArgv('args', parent.pid!);
    socketDir('args');
    const cases: Array<[string[], number, RegExp]> = [
      [[], 2, /--socket is missing/],
      [[...good.slice(0, 5), '1', ...good.slice(6)], 2, /--parent-pid must be a whole number from 2/],
      [[...good, '--owner-uid', '0'], 2, /--owner-uid is given twice/],
      [['--socket', '/etc/bp.sock', ...good.slice(2)], 2, /--socket must be \/tmp\/bp-helper-\w+\/args\/65534\/bridgeport\/<name>\.sock/],
      [[...good.slice(0, 1), `${root}/args/${OWNER}/bridgeport/x;reboot.sock`, ...good.slice(2)], 2, /--socket must be/],
      [[...good, '--exec', 'id'], 2, /unknown argument "--exec"/],
      [[...good.slice(0, 5), '999999', ...good.slice(6)], 1, /the parent process 999999 is not running/],
    ];
    for (const [argv, code, message] of cases) {
      const result = await runHelper(argv);
      expect(result.exitCode, argv.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
    }
    // The directory must be the owner's, private, and not a symlink.
    socketDir('open', OWNER, 0o755);
    expect((await runHelper(helperArgv('open', parent.pid!))).stderr).toMatch(/its mode is 755, not 700/);
    mkdirSync(`${root}/rootowned/${OWNER}/bridgeport`, { recursive: true, mode: 0o700 });
    expect((await runHelper(helperArgv('rootowned', parent.pid!))).stderr).toMatch(/belongs to uid 0, not 65534/);
    expect(existsSync(`${root}/rootowned/${OWNER}/bridgeport/helper-test.sock`)).toBe(false);
  });
});

describe('the helper with the app’s executor', () => {
  let helper: { socketPath: string; pid: number; parent: ChildProcess };
  let executor: HelperExecutor;

  beforeAll(async () => {
    helper = await startHelper('exec');
  });

  it('hands its socket to the owner, mode 0600, and takes one client only', async () => {
    const stat = lstatSync(helper.socketPath);
    expect(stat.isSocket()).toBe(true);
    expect(stat.uid).toBe(OWNER);
    expect(stat.mode & 0o777).toBe(0o600);
    executor = await HelperExecutor.connect(helper.socketPath);
    // The socket file goes with the first client: nobody else can connect.
    await waitFor(() => (existsSync(helper.socketPath) ? undefined : true), 2000, 'the socket file to go');
  });

  it('serves firewall.save and an empty ports.apply, and counts them', async () => {
    expect(await executor.run('helper.status', {})).toEqual({ executed: 0, pid: helper.pid });
    const saved = await executor.run('firewall.save', {});
    expect(saved.text).toMatch(/^\*filter$/m);
    expect(saved.text).toMatch(/^:DOCKER /m); // the lab's dockerd rules: this is the lab namespace
    const applied = await executor.run('ports.apply', { mappings: [], resetRouteLocalnet: [] });
    expect(applied).toMatchObject({ routeLocalnetSet: [], warnings: [] });
    expect(typeof applied.changed).toBe('boolean');
    expect((await executor.run('helper.status', {})).executed).toBe(2);
  });

  it('refuses unknown operations and bad arguments with one clear sentence each, running nothing', async () => {
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
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toMatch(/\n/);
    }
    expect((await executor.run('helper.status', {})).executed).toBe(2);
  });

  it('exits when the client disconnects', async () => {
    executor.close();
    await waitGone(helper.pid, 'the helper to exit after its client left');
    expect(existsSync(helper.socketPath)).toBe(false);
    await expect(executor.run('helper.status', {})).rejects.toThrow(/closed|stopped/);
  });
});

describe('the helper under hostile input', () => {
  let helper: { socketPath: string; pid: number; parent: ChildProcess };
  let client: RawClient;

  beforeAll(async () => {
    helper = await startHelper('fuzz');
    client = await RawClient.connect(helper.socketPath);
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
    expect(status).toEqual({ id: 's1', ok: true, result: { executed: 0, pid: helper.pid } });
  });

  it(`refuses ${FUZZ_MESSAGES} fuzzed messages without running anything or changing a rule`, async () => {
    // The template the mutations break must itself be valid: every refusal below is the mutation's.
    expect(() => parseOperation('ports.apply', { mappings: [VALID_MAPPING], resetRouteLocalnet: [] })).not.toThrow();
    for (const [op, template] of Object.entries(VALID_LINK_ARGS)) expect(() => parseOperation(op, template.args), op).not.toThrow();
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
    const accepted = replies.filter((r) => r.ok);
    expect(accepted).toEqual([]);
    for (const reply of replies) expectRefusal(reply);
    // Still alive and answering, and no operation ran.
    expect(running(helper.pid)).toBe(true);
    const status = await client.ask('{"id":"s2","op":"helper.status","args":{}}');
    expect(status).toEqual({ id: 's2', ok: true, result: { executed: 0, pid: helper.pid } });
    expect(await rules()).toBe(rulesBefore);
    expect(await run('ip', ['-j', 'link', 'show'])).toBe(linksBefore);
    expect(existsSync('/run/netns/bpfuzz-ns')).toBe(false);
  });

  it('exits when its parent (the app) dies', async () => {
    helper.parent.kill('SIGKILL');
    await waitGone(helper.pid, 'the helper to exit after its parent died');
    await waitFor(() => (client.closed ? true : undefined), 2000, 'the connection to close');
  });
});
