// A pushed topic followed live: its current value is fetched once, then replaced by every push
// (no polling). Subscribing is what makes the engine sample 'nat' and 'ports', so unmounting the
// view that follows them unsubscribes and lets the engine stop.
import { useEffect, useState } from 'react';
import type { TopicName, TopicPayload } from '../../../shared/contract';
import { saidOf } from '../../../shared/errors';
import type { Message } from '../../../shared/message';
import { api } from './api';

/** The method that answers a topic's current value, so a view never waits a tick for its first data. */
const fetchCurrent: { [T in TopicName]: () => Promise<TopicPayload<T>> } = {
  snapshot: () => api.invoke('snapshot.get', {}),
  nat: () => api.invoke('nat.get', {}),
  ports: () => api.invoke('ports.get', {}),
  mappings: () => api.invoke('mappings.list', {}),
  events: () => api.invoke('events.list', {}),
  dns: () => api.invoke('dns.get', {}),
  dnsEvents: () => api.invoke('dns.timeline', {}),
  // News is what happens from now on: there is none yet when a view opens.
  dnsNews: () => Promise.resolve([]),
  traffic: () => api.invoke('traffic.get', {}),
  privilege: () => api.invoke('privilege.get', {}),
  // Flow events are what happens from now on; the flows there are come from flows.get.
  flowEvents: () => Promise.resolve([]),
  settings: () => api.invoke('settings.get', {}).then((r) => r.settings),
};

export interface TopicState<T> {
  data: T | null;
  /** The value before `data`, to show what moved since the last update. */
  previous: T | null;
  error: string | null;
  /** The error as a message, when the engine said it as one (`error` is its English). */
  errorMessage: Message | null;
  connected: boolean;
}

export function useTopic<T extends TopicName>(topic: T): TopicState<TopicPayload<T>> {
  const [state, setState] = useState<TopicState<TopicPayload<T>>>({ data: null, previous: null, error: null, errorMessage: null, connected: true });
  useEffect(() => {
    let alive = true;
    // Bumped by every push: a fetch answered after a push carries older data and is dropped.
    let pushes = 0;
    const accept = (data: TopicPayload<T>) => alive && setState((s) => ({ ...s, data, previous: s.data, error: null, errorMessage: null }));
    const load = () => {
      const before = pushes;
      return (fetchCurrent[topic] as () => Promise<TopicPayload<T>>)().then(
        (data) => before === pushes && accept(data),
        (error: Error) => alive && setState((s) => ({ ...s, error: error.message, errorMessage: saidOf(error) ?? null })),
      );
    };
    const unsubscribe = api.subscribe(topic, (data) => {
      pushes++;
      accept(data);
    });
    const unwatch = api.onConnectionChange?.((connected) => {
      setState((s) => ({ ...s, connected }));
      // After a reconnect the state may have moved on.
      if (connected) void load();
    });
    void load();
    return () => {
      alive = false;
      unsubscribe();
      unwatch?.();
    };
  }, [topic]);
  return state;
}
