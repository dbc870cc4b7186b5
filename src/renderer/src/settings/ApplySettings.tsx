// Puts the settings into effect: the language of every string and the colour scheme of every view.
import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { applyLanguage, languageOverride } from '../i18n/i18n';
import { resolveLanguage } from '../i18n/resolve-language';
import { useSettings } from './use-settings';

export function ApplySettings() {
  const { settings } = useSettings();
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    applyLanguage(resolveLanguage(settings?.language ?? 'auto', navigator.languages, languageOverride));
  }, [settings?.language]);
  useEffect(() => {
    if (settings) setColorScheme(settings.colorScheme);
  }, [settings, setColorScheme]);
  return null;
}
