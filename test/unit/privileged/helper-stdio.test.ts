// The helper's stdio server over in-memory streams. The runner behind it is a stand-in where a test
// needs one that waits, fails or answers hugely; the framing, checks, limits and lifecycle are real.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../../src/main/privileged/local-executor';
import { OperationError } from '../../../src/main/privileged/contract/operations';
import { type RequestRunner, serveStdio, type StdioServer } from '../../../src/main/privileged/helper/helper-stdio';
import { MAX_PENDING, MAX_REPLY_BYTES, MAX_REQUEST_LINE } from '../../../src/main/privileged/helper/message-framing';

interface Reply {
  id: number | string | null;
  ok: boolean;
  result?: unknown;
  error?: { kind: string; message: string };
}

function harness(runner: RequestRunner) {
  const input = new PassThrough();
  const output = new PassThrough();
  const replies: Reply[] = [];
  let rest = '';
  output.setEncoding('utf8');
  output.on('data', (text: string) => {
    const parts = (rest + text).split('\n');
    rest = parts.pop()!;
    for (const part of parts) replies.push(JSON.parse(part) as Reply);
  });
  const server = serveStdio({ input, output, runner, drainTimeoutMs: 2000 });
  servers.push(server);
  const until = async (n: number) => {
    for (let i = 0; i < 200 && replies.length < n; i++) await new Promise((r) => setTimeout(r, 5));
    return replies;
  };
  return { input, replies, server, until, send: (line: string) => input.write(`${line}\n`) };
}

const servers: StdioServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.stop('test over')));

describe('serveStdio', () => {
  it('answers requests by id with { id, ok, result }', async () => {
    const h = harness(new LocalExecutor());
    h.send('{"id":1,"op":"helper.status","args":{}}');
    h.send('{"id":"b","op":"helper.status","args":{}}');
    expect(await h.until(2)).toEqual([
      { id: 1, ok: true, result: { executed: 0, pid: process.pid } },
      { id: 'b', ok: true, result: { executed: 0, pid: process.pid } },
    ]);
  });

  it('refuses bad lines with { kind: refused, message }, one reply each, and keeps serving', async () => {
    const h = harness(new LocalExecutor());
    h.send('not json');
    h.send('{"id":7,"op":"link.nuke","args":{}}');
    h.send('{"id":8,"op":"helper.status","args":{"x":1}}');
    h.input.write(`{"id":9,"op":"firewall.save","args":{"pad":"${'x'.repeat(MAX_REQUEST_LINE)}"}}\n`);
    h.send('{"id":10,"op":"helper.status","args":{}}');
    const replies = await h.until(5);
    expect(replies.slice(0, 4)).toEqual([
      { id: null, ok: false, error: { kind: 'refused', message: 'the message is not valid JSON' } },
      { id: 7, ok: false, error: { kind: 'refused', message: 'unknown operation "link.nuke"' } },
      { id: 8, ok: false, error: { kind: 'refused', message: 'invalid arguments for helper.status: args: Unrecognized key: "x"' } },
      { id: null, ok: false, error: { kind: 'refused', message: `the message is longer than ${MAX_REQUEST_LINE} bytes and was discarded` } },
    ]);
    expect(replies[4]).toMatchObject({ id: 10, ok: true });
  });

  it(`refuses a request beyond ${MAX_PENDING} pending ones, without running it`, async () => {
    const held: Array<() => void> = [];
    let ran = 0;
    const h = harness({
      runRequest: () => {
        ran++;
        return new Promise((resolve) => held.push(() => resolve({ executed: 0, pid: 1 })));
      },
    });
    h.input.write(Array.from({ length: MAX_PENDING + 3 }, (_, i) => `{"id":${i},"op":"helper.status","args":{}}\n`).join(''));
    const refused = await h.until(3);
    expect(refused).toEqual([65, 66, 67].map((id) => ({ id: id - 1, ok: false, error: { kind: 'refused', message: `${MAX_PENDING} requests are already waiting; helper.status was not run` } })));
    expect(ran).toBe(MAX_PENDING);
    held.splice(0).forEach((go) => go());
    expect(await h.until(MAX_PENDING + 3)).toHaveLength(MAX_PENDING + 3);
    // Room again: the next one runs.
    h.send('{"id":"again","op":"helper.status","args":{}}');
    await new Promise((r) => setTimeout(r, 20));
    held.splice(0).forEach((go) => go());
    expect((await h.until(MAX_PENDING + 4)).at(-1)).toEqual({ id: 'again', ok: true, result: { executed: 0, pid: 1 } });
  });

  it(`sends an error reply instead of a reply over ${MAX_REPLY_BYTES} bytes`, async () => {
    const h = harness({ runRequest: () => Promise.resolve({ text: 'x'.repeat(MAX_REPLY_BYTES) }) });
    h.send('{"id":1,"op":"firewall.save","args":{}}');
    const [reply] = await h.until(1);
    expect(reply).toEqual({ id: 1, ok: false, error: { kind: 'failed', message: expect.stringMatching(/^the reply is \d+ bytes, more than the helper's limit of 8388608 bytes; it was not sent$/) } });
  });

  it("carries an operation's failure and its kind, as one line", async () => {
    const h = harness({ runRequest: () => Promise.reject(new OperationError('docker0 was not made by Bridgeport\n  at x', 'refused')) });
    h.send('{"id":1,"op":"firewall.save","args":{}}');
    expect(await h.until(1)).toEqual([{ id: 1, ok: false, error: { kind: 'refused', message: 'docker0 was not made by Bridgeport at x' } }]);
  });

  it('ends when its input ends, after running operations have answered', async () => {
    let release = () => undefined as void;
    const h = harness({ runRequest: () => new Promise((resolve) => (release = () => resolve({ executed: 0, pid: 1 }))) });
    h.send('{"id":1,"op":"helper.status","args":{}}');
    await new Promise((r) => setTimeout(r, 10));
    h.input.end();
    let done: string | null = null;
    void h.server.finished.then((reason) => (done = reason));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBeNull();
    release();
    expect(await h.server.finished).toBe('its input ended (the app has gone)');
    expect(h.replies).toEqual([{ id: 1, ok: true, result: { executed: 0, pid: 1 } }]);
  });
});
