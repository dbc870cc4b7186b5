// The translate function the pure publish helpers take, so they stay pure and can be tested
// against the English catalogue; in the window it is i18next's t bound to the 'publish' namespace.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type Say = (key: string, params?: Record<string, string | number>) => string;

export function usePublishSay(): Say {
  const { t } = useTranslation('publish');
  return useCallback<Say>((key, params) => t(key, params ?? {}), [t]);
}
