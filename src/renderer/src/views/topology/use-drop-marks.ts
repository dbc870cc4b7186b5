// The drop marks store of a mounted topology, fed by the `traffic` topic, and the hooks its nodes,
// cables and the host line read it with.
import { createContext, useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../../api/api';
import { DropMarksStore, NO_DROP_MARKS, type DropMark, type DropMarks } from './drop-marks';

export const DropMarksContext = createContext<DropMarksStore | null>(null);

/** One store per mounted topology, fed by the `traffic` topic while it is shown. */
export function useDropMarksStore(): DropMarksStore {
  const [store] = useState(() => new DropMarksStore());
  useEffect(() => {
    const unsubscribe = api.subscribe('traffic', (sample) => store.update(sample.drops));
    api.invoke('traffic.get', {}).then(
      (sample) => store.update(sample.drops),
      () => undefined,
    );
    return unsubscribe;
  }, [store]);
  return store;
}

const noSubscribe = () => () => undefined;

/** Every mark, re-rendering the caller when any changes. */
export function useDropMarks(store: DropMarksStore | null): DropMarks {
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.read ?? (() => NO_DROP_MARKS));
}

/** The mark on one node or cable, re-rendering the caller only when it changes. */
export function useDropMark(store: DropMarksStore | null, id: string): DropMark | undefined {
  // A primitive snapshot, so an unchanged mark does not re-render.
  const key = useSyncExternalStore(store?.subscribe ?? noSubscribe, () => {
    const mark = store?.read().byId.get(id);
    return mark ? `${mark.packets} ${mark.events.map((e) => `${e.ruleId ?? e.chain}@${e.lastAt}`).join(' ')}` : '';
  });
  // Read with the key, so it is the mark the key describes.
  return key === '' ? undefined : store?.read().byId.get(id);
}
