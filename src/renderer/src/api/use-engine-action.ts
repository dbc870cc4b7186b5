// One change asked of the engine from a button or form: busy while it runs, the engine's sentence
// when it refuses. `run` resolves to the answer, or to undefined after a refusal (already shown).
import { useCallback, useState } from 'react';
import { engineMessage } from '../views/publish/engine-message';

export interface EngineAction {
  busy: boolean;
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
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (e) {
      setError(engineMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [setBusy]);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
