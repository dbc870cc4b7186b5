// `bridgeport serve`'s WebSocket: a failed call answers { kind, message }, and the browser's client
// throws it as a BridgeportError with that kind. A real server on loopback over a stand-in engine.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { useLoopbackServe } from './loopback-serve';
import { PublishRefused } from '../../../src/main/engine/publish/check-publish';
import { OperationError } from '../../../src/main/privileged/contract/operations';
import type { RunningServer } from '../../../src/main/transport/ws';
import { createWsApi } from '../../../src/renderer/src/api/ws-client';
import { ContractError } from '../../../src/shared/contract';
import { BridgeportError } from '../../../src/shared/errors';
import type { ServerMessage } from '../../../src/shared/ws-protocol';

const failures: Record<string, unknown> = {
  'ports.publish': new PublishRefused('host port 8080/tcp is already published by Docker for container w1'),
  'ports.unpublish': new OperationError('changing firewall rules needs root: run this command with sudo', 'needs-privilege'),
  'doctor.fix': new OperationError('the rules did not take effect'),
  'no.such': new ContractError('unknown method "no.such"'),
  'networks.list': new Error('Docker is not reachable'),
};

const engine = {
  invoke: vi.fn(async (method: string) => {
    if (method in failures) throw failures[method];
    return { answered: method };
  }),
  subscribe: vi.fn(() => () => undefined),
};

const serve = useLoopbackServe(engine);
let server: RunningServer;
let token: string;
beforeAll(() => ({ server, token } = serve));

/** One raw call over the socket: the message exactly as the server sends it. */
async function rawCall(method: string): Promise<ServerMessage> {
  const ws = new NodeWebSocket(`ws://127.0.0.1:${server.port}/ws`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', token }));
  const answer = new Promise<ServerMessage>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as ServerMessage)));
  ws.send(JSON.stringify({ type: 'invoke', id: 7, method, input: {} }));
  const message = await answer;
  ws.close();
  return message;
}

describe('the WebSocket error shape', () => {
  it('answers a value as before', async () => {
    expect(await rawCall('snapshot.get')).toEqual({ type: 'result', id: 7, ok: true, value: { answered: 'snapshot.get' } });
  });

  it('answers a failed call with { kind, message }', async () => {
    expect(await rawCall('ports.publish')).toEqual({
      type: 'result',
      id: 7,
      ok: false,
      error: { kind: 'refused', message: 'host port 8080/tcp is already published by Docker for container w1' },
    });
    expect(await rawCall('ports.unpublish')).toMatchObject({ ok: false, error: { kind: 'needs-privilege', message: 'changing firewall rules needs root: run this command with sudo' } });
    expect(await rawCall('doctor.fix')).toMatchObject({ ok: false, error: { kind: 'failed', message: 'the rules did not take effect' } });
    expect(await rawCall('no.such')).toMatchObject({ ok: false, error: { kind: 'refused', message: 'unknown method "no.such"' } });
    expect(await rawCall('networks.list')).toMatchObject({ ok: false, error: { kind: 'failed', message: 'Docker is not reachable' } });
  });
});

describe('the browser client', () => {
  it('throws a BridgeportError with the kind', async () => {
    // The client sends the token as its first message (`hello`), as in a browser.
    vi.stubGlobal('WebSocket', NodeWebSocket);
    const api = createWsApi(`http://127.0.0.1:${server.port}`, token);
    await expect(api.invoke('snapshot.get', {})).resolves.toEqual({ answered: 'snapshot.get' });
    const refused = await api.invoke('ports.publish', {} as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BridgeportError);
    expect(refused).toMatchObject({ kind: 'refused', message: 'host port 8080/tcp is already published by Docker for container w1' });
    await expect(api.invoke('ports.unpublish', {} as never)).rejects.toMatchObject({ name: 'BridgeportError', kind: 'needs-privilege' });
    await expect(api.invoke('doctor.fix', {} as never)).rejects.toMatchObject({ name: 'BridgeportError', kind: 'failed', message: 'the rules did not take effect' });
  });
});
