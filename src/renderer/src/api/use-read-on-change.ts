// A list read from the engine again whenever the snapshot moves (the system changed: Docker
// events, netlink, /run/netns) and when asked after a change made here. No polling.
import { useCallback, useEffect, useState } from 'react';
import { engineFailure, type EngineFailure } from './engine-failure';

export interface ReadState<T> {
  data: T | null;
  /** Why the last read did not answer (its kind too), for EngineErrorAlert. */
  failure: EngineFailure | null;
  /** Its sentence alone. */
  error: string | null;
  reload: () => void;
}

/** `read` must be stable (a module-level function); `version` changes with every snapshot pushed (its takenAt). */
export function useReadOnChange<T>(read: () => Promise<T>, version: string): ReadState<T> {
  const [state, setState] = useState<{ data: T | null; failure: EngineFailure | null }>({ data: null, failure: null });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    // An answer that comes after a newer question carries older data and is dropped.
    let current = true;
    read().then(
      (data) => current && setState({ data, failure: null }),
      (error: unknown) => current && setState((s) => ({ ...s, failure: engineFailure(error) })),
    );
    return () => {
      current = false;
    };
  }, [read, version, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { ...state, error: state.failure?.message ?? null, reload };
}
