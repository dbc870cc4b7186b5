// A list read from the engine again whenever the snapshot moves (the system changed: Docker
// events, netlink, /run/netns) and when asked after a change made here. No polling.
import { useCallback, useEffect, useState } from 'react';
import { engineMessage } from '../views/publish/engine-message';

export interface ReadState<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

/** `read` must be stable (a module-level function); `version` changes with every snapshot pushed (its takenAt). */
export function useReadOnChange<T>(read: () => Promise<T>, version: string): ReadState<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    // An answer that comes after a newer question carries older data and is dropped.
    let current = true;
    read().then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) => current && setState((s) => ({ ...s, error: engineMessage(error) })),
    );
    return () => {
      current = false;
    };
  }, [read, version, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { ...state, reload };
}
