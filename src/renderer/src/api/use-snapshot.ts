// The live snapshot: fetched once, then replaced by every pushed update (no polling).
import { useEffect, useState } from 'react';
import type { Snapshot } from '../../../shared/model';
import { api } from './api';

export interface SnapshotState {
  snapshot: Snapshot | null;
  error: string | null;
  connected: boolean;
}

export function useSnapshot(): SnapshotState {
  const [state, setState] = useState<SnapshotState>({ snapshot: null, error: null, connected: true });
  useEffect(() => {
    let alive = true;
    const load = () =>
      api.invoke('snapshot.get', {}).then(
        (snapshot) => alive && setState((s) => ({ ...s, snapshot, error: null })),
        (error: Error) => alive && setState((s) => ({ ...s, error: error.message })),
      );
    const unsubscribe = api.subscribe('snapshot', (snapshot) => setState((s) => ({ ...s, snapshot, error: null })));
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
  }, []);
  return state;
}
