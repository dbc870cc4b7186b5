// The window's settings as one hook: the current value (pushed when any window changes it) and a
// change that is saved in the config folder.
import { useCallback, useState } from 'react';
import type { Settings } from '../../../shared/settings-model';
import { api } from '../api/api';
import { useTopic } from '../api/use-topic';

export function useSettings() {
  const { data } = useTopic('settings');
  const [error, setError] = useState<string | null>(null);
  const change = useCallback((next: Partial<Settings>) => {
    api.invoke('settings.set', next).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  }, []);
  return { settings: data, change, error };
}
