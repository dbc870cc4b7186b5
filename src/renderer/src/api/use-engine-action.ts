// One change asked of the engine from a button or form: busy while it runs, the engine's sentence
// and its kind (refused, needs privilege, failed) when it does not happen. `run` resolves to the
// answer, or to undefined after a failure (already shown).
import { useCallback, useState } from 'react';
import { engineFailure, type EngineFailure } from './engine-failure';

export interface EngineAction {
  busy: boolean;
  /** The last call's failure, shown with EngineErrorText / EngineErrorAlert. */
  failure: EngineFailure | null;
  /** Its sentence alone. */
  error: string | null;
  run<T>(call: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

/** `onBusyChange` hears it too: a modal that must not close while the engine works. */
export function useEngineAction(onBusyChange?: (busy: boolean) => void): EngineAction {
  const [busy, setBusyState] = useState(false);
  const setBusy = useCallback(
    (next: boolean) => {
      setBusyState(next);
      onBusyChange?.(next);
    },
    [onBusyChange],
  );
  const [failure, setFailure] = useState<EngineFailure | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await call();
    } catch (e) {
      setFailure(engineFailure(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [setBusy]);
  const clearError = useCallback(() => setFailure(null), []);
  return { busy, failure, error: failure?.message ?? null, run, clearError };
}
