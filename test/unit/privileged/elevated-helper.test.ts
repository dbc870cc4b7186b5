// The app's once-per-session elevation. sudo-prompt is the one thing replaced (no polkit agent or
// password here): the stand-in answers like sudo-prompt and, on "success", starts a real socket
// server at the path the command names, answering like the helper. Everything else is real.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Callback = (error?: Error, stdout?: string, stderr?: string) => void;
const prompt = vi.hoisted(() => ({
  calls: [] as Array<{ command: string; options: unknown }>,
  answer: null as null | ((command: string, callback: Callback) => void),
}));
vi.mock('sudo-prompt', () => ({
  exec: (command: string, options: unknown, callback: Callback) => {
    prompt.calls.push({ command, options });
    setTimeout(() => prompt.answer!(command, callback), 10);
  },
}));

const { ElevatedHelper } = await import('../../../src/main/privileged/helper/helper-launcher');

const root = mkdtempSync(join(tmpdir(), 'bp-elevate-'));
const uid = process.getuid!();
mkdirSync(join(root, String(uid)));
const servers: Server[] = [];
const clients: Socket[] = [];

/** Like the helper: listens where the command says and answers helper.status. */
function grant(command: string, callback: Callback): void {
  const socketPath = /'--socket' '([^']+)'/.exec(command)![1]!;
  const server = createServer((socket) => {
    clients.push(socket);
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      for (const line of text.split('\n').filter(Boolean)) {
        const { id } = JSON.parse(line) as { id: number };
        socket.write(`${JSON.stringify({ id, ok: true, result: { executed: 0, pid: 4242 } })}\n`);
      }
    });
  });
  servers.push(server);
  server.listen(socketPath, () => callback(undefined, 'bridgeport-helper: serving\n', ''));
}

beforeEach(() => {
  prompt.calls.length = 0;
  prompt.answer = grant;
});

afterAll(() => {
  for (const s of servers) s.close();
  for (const c of clients) c.destroy();
  rmSync(root, { recursive: true, force: true });
});

const make = () => new ElevatedHelper('/opt/Bridgeport/out/main/helper.js', { execPath: '/opt/Bridgeport/bridgeport', runtimeRoot: root });

describe('ElevatedHelper', () => {
  it('prompts once for concurrent first calls, then reuses the helper', async () => {
    const helper = make();
    const [a, b] = await Promise.all([helper.executor(), helper.executor()]);
    expect(a).toBe(b);
    expect(await helper.executor()).toBe(a);
    expect(prompt.calls).toHaveLength(1);
    expect(prompt.calls[0]!.options).toEqual({ name: 'Bridgeport' });
    expect(prompt.calls[0]!.command).toMatch(/^'\/usr\/bin\/env' 'ELECTRON_RUN_AS_NODE=1' '\/opt\/Bridgeport\/bridgeport' '\/opt\/Bridgeport\/out\/main\/helper\.js' '--socket' '[^']+\/bridgeport\/helper-[0-9a-f]{12}\.sock' '--owner-uid' '\d+' '--parent-pid' '\d+'$/);
    expect(prompt.calls[0]!.command).toContain(`'--parent-pid' '${process.pid}'`);
    expect(await a.run('helper.status', {})).toEqual({ executed: 0, pid: 4242 });
    helper.close();
  });

  it('says clearly when the prompt was cancelled, and prompts again next time', async () => {
    const helper = make();
    prompt.answer = (_command, callback) => callback(new Error('User did not grant permission.'));
    await expect(helper.executor()).rejects.toThrow('Bridgeport did not get administrator rights: the password prompt was cancelled or refused');
    prompt.answer = grant;
    await expect(helper.executor()).resolves.toBeDefined();
    expect(prompt.calls).toHaveLength(2);
    helper.close();
  });

  it("passes on the helper's own reason when it refused to start", async () => {
    const helper = make();
    prompt.answer = (_command, callback) =>
      callback(new Error('Command failed: /bin/bash -c ...'), '', 'bridgeport-helper: cannot use the socket directory /run/user/1000/bridgeport: its mode is 755, not 700\n');
    await expect(helper.executor()).rejects.toThrow("Bridgeport's privileged helper did not start: cannot use the socket directory /run/user/1000/bridgeport: its mode is 755, not 700");
  });

  it('starts a new helper (new prompt) when the old one has gone', async () => {
    const helper = make();
    const first = await helper.executor();
    clients.at(-1)!.destroy(); // the helper dies
    await expect(first.run('helper.status', {})).rejects.toThrow('the privileged helper has stopped');
    const second = await helper.executor();
    expect(second).not.toBe(first);
    expect(prompt.calls).toHaveLength(2);
    helper.close();
  });

  it('ends the connection on close, and starts nothing afterwards', async () => {
    const helper = make();
    await helper.executor();
    const connection = clients.at(-1)!;
    const ended = new Promise((r) => connection.once('end', r));
    helper.close();
    await ended;
    await expect(helper.executor()).rejects.toThrow('Bridgeport is quitting');
    expect(prompt.calls).toHaveLength(1);
  });
});
