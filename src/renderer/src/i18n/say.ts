// How pure helpers (form checks, labels) say things without importing i18next: a catalogue key and
// its parameters, turned into words by the caller — the window's t() for one namespace, or the
// English catalogue in unit tests.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type Say = (key: string, params?: Record<string, string | number>) => string;

/** A Say from react-i18next's t (which wants its options object present). */
export const sayWith =
  (t: (key: string, options: Record<string, string | number>) => string): Say =>
  (key, params) =>
    t(key, params ?? {});

/** A Say bound to one catalogue namespace, stable while the language stays. */
export function useSay(namespace: string): Say {
  const { t } = useTranslation(namespace);
  return useCallback<Say>((key, params) => t(key, params ?? {}), [t]);
}
