// The latest traffic rates per host link, kept outside React Flow's node and edge data: a tick
// re-renders only the cables whose numbers changed, never the graph or its layout.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TrafficSample } from '../../../../shared/traffic-model';
import { api } from '../../api/api';

export interface Rates {
  rx: number;
  tx: number;
}

export class LinkRates {
  private rates = new Map<string, Rates>();
  private listeners = new Set<() => void>();

  /** Rates as the sample gives them: from the container's side when the link is a container's veth. */
  update(sample: TrafficSample): void {
    this.rates = new Map(sample.interfaces.map((i) => [i.name, { rx: i.rxRate, tx: i.txRate }]));
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  sum(links: readonly string[]): Rates {
    let rx = 0;
    let tx = 0;
    for (const name of links) {
      const r = this.rates.get(name);
      if (r) {
        rx += r.rx;
        tx += r.tx;
      }
    }
    return { rx, tx };
  }
}

/** One store per mounted topology, fed by the `traffic` topic while it is shown. */
export function useLinkRatesStore(): LinkRates {
  const [store] = useState(() => new LinkRates());
  useEffect(() => {
    const unsubscribe = api.subscribe('traffic', (sample) => store.update(sample));
    api.invoke('traffic.get', {}).then(
      (sample) => store.update(sample),
      () => undefined,
    );
    return unsubscribe;
  }, [store]);
  return store;
}

/** The summed rates of some links, re-rendering the caller only when they change. */
export function useRatesOf(store: LinkRates | null, links: readonly string[]): Rates {
  // A primitive snapshot, so an unchanged sum does not re-render.
  const key = useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    () => {
      if (!store) return '0 0';
      const { rx, tx } = store.sum(links);
      return `${rx} ${tx}`;
    },
  );
  const [rx, tx] = key.split(' ').map(Number);
  return { rx: rx ?? 0, tx: tx ?? 0 };
}

const noSubscribe = () => () => undefined;
