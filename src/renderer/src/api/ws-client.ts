// The browser face of the contract: the same BridgeportApi as the Electron preload, over the
// loopback WebSocket of `bridgeport serve`. The socket's first message is `hello` with the access
// token (see serve-token.ts); the server accepts nothing before it and closes on a wrong one.
import type { BridgeportApi, TopicName } from '../../../shared/contract';
import { BridgeportError, fromWireError } from '../../../shared/errors';
import { WS_CLOSE_UNAUTHORIZED, WS_PATH, type ServerMessage } from '../../../shared/ws-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: BridgeportError) => void };

export interface WsApi extends BridgeportApi {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

export function createWsApi(origin: string, token: string | null): WsApi {
  const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}`;
  const pending = new Map<number, Pending>();
  const topicListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<WebSocket>;

  const connect = () => {
    socket = new WebSocket(url);
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => {
        socket.send(JSON.stringify({ type: 'hello', token: token ?? '' }));
        // A (re)connected server knows no subscriptions: ask again for every topic listened to.
        for (const topic of topicListeners.keys()) socket.send(JSON.stringify({ type: 'subscribe', topic }));
        connectionListeners.forEach((l) => l(true));
        resolve(socket);
      });
      socket.addEventListener('error', () => reject(new BridgeportError('failed', 'cannot reach the Bridgeport server')));
    });
    ready.catch(() => undefined);
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === 'topic') {
        topicListeners.get(message.topic)?.forEach((l) => l(message.payload));
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      // { kind, message }; checked, since an older server sent a bare string.
      else waiter?.reject(fromWireError(message.error));
    });
    socket.addEventListener('close', (event) => {
      const unauthorized = event.code === WS_CLOSE_UNAUTHORIZED;
      connectionListeners.forEach((l) => l(false));
      const error = unauthorized
        ? new BridgeportError('refused', 'the Bridgeport server refused this page: open the URL `bridgeport serve` printed (its access token is missing or wrong)')
        : new BridgeportError('failed', 'connection to the Bridgeport server lost');
      pending.forEach((p) => p.reject(error));
      pending.clear();
      // A wrong token stays wrong; otherwise the server may be restarting: try again shortly.
      if (unauthorized) {
        ready = Promise.reject(error);
        ready.catch(() => undefined);
        return;
      }
      setTimeout(connect, 1000);
    });
  };
  connect();

  return {
    async invoke(method, input) {
      const ws = await ready;
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      ws.send(JSON.stringify({ type: 'invoke', id, method, input }));
      return result as never;
    },
    subscribe(topic: TopicName, listener) {
      const set = topicListeners.get(topic) ?? new Set();
      const first = set.size === 0;
      set.add(listener as (payload: unknown) => void);
      topicListeners.set(topic, set);
      if (first && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'subscribe', topic }));
      return () => {
        set.delete(listener as (payload: unknown) => void);
        if (set.size > 0) return;
        topicListeners.delete(topic);
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'unsubscribe', topic }));
      };
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
