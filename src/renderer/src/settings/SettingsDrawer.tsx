// Settings: language, colour scheme, the grouping threshold, the administrator rights, and where
// Bridgeport keeps its files. Every change is saved at once (no Save button to forget).
import { Alert, Button, Code, Drawer, Group, List, NumberInput, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_THRESHOLD_MAX, GROUP_THRESHOLD_MIN, type SettingsReport } from '../../../shared/settings-model';
import { isPrivilegedState } from '../../../shared/privilege-model';
import { api } from '../api/api';
import { useTopic } from '../api/use-topic';
import { resolveLanguage } from '../i18n/resolve-language';
import { useSettings } from './use-settings';

export function SettingsDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { settings, change, error } = useSettings();
  const privilege = useTopic('privilege').data;
  const [files, setFiles] = useState<SettingsReport['files'] | null>(null);
  useEffect(() => {
    if (opened) void api.invoke('settings.get', {}).then((r) => setFiles(r.files), () => undefined);
  }, [opened]);
  const system = resolveLanguage('auto', navigator.languages);

  return (
    <Drawer opened={opened} onClose={onClose} position="right" title={<Title order={4}>{t('settings.title')}</Title>} data-testid="settings-drawer" closeButtonProps={{ 'aria-label': t('settings.close') }}>
      {settings && (
        <Stack gap="md">
          <Select
            label={t('settings.language')}
            value={settings.language}
            onChange={(v) => v && change({ language: v as typeof settings.language })}
            data={[
              { value: 'auto', label: t('settings.languageAuto', { system: t(`languages.${system === 'pseudo' ? 'en' : system}`) }) },
              { value: 'en', label: t('languages.en') },
              { value: 'ko', label: t('languages.ko') },
            ]}
            allowDeselect={false}
            data-testid="settings-language"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settings-scheme-label">
              {t('settings.colorScheme')}
            </Text>
            <SegmentedControl
              aria-labelledby="settings-scheme-label"
              value={settings.colorScheme}
              onChange={(v) => change({ colorScheme: v as typeof settings.colorScheme })}
              data={[
                { value: 'auto', label: t('settings.schemeAuto') },
                { value: 'light', label: t('settings.schemeLight') },
                { value: 'dark', label: t('settings.schemeDark') },
              ]}
              data-testid="settings-scheme"
            />
          </Stack>
          <NumberInput
            label={t('settings.groupThreshold')}
            rightSection={<Text size="xs">{t('settings.groupThresholdUnit')}</Text>}
            rightSectionWidth={120}
            min={GROUP_THRESHOLD_MIN}
            max={GROUP_THRESHOLD_MAX}
            value={settings.groupThreshold}
            onChange={(v) => typeof v === 'number' && v >= GROUP_THRESHOLD_MIN && v <= GROUP_THRESHOLD_MAX && change({ groupThreshold: v })}
            data-testid="settings-group-threshold"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.privilege')}
            </Text>
            <Group justify="space-between">
              <Text size="sm" data-testid="settings-privilege" data-state={privilege?.state}>
                {privilege ? t(`settings.privilegeState.${privilege.state}`) : '…'}
              </Text>
              {privilege && !isPrivilegedState(privilege) && privilege.state !== 'unavailable' && (
                <Button size="xs" variant="light" onClick={() => void api.invoke('privilege.elevate', {})} data-testid="settings-elevate">
                  {t('settings.elevate')}
                </Button>
              )}
            </Group>
          </Stack>
          {files && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('settings.files')}
              </Text>
              <Code translate="no" data-testid="settings-config-dir">
                {files.configDir}
              </Code>
              <List size="xs" spacing={2}>
                {files.entries.map((f) => (
                  <List.Item key={f.name}>
                    <Code translate="no">{f.name}</Code> — {t(`settings.fileHolds.${f.name.replace(/\./g, '_')}`, { defaultValue: f.holds })}
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed">
                {t('settings.filesNote')}
              </Text>
            </Stack>
          )}
          {error && (
            <Alert color="red" variant="light" data-testid="settings-error">
              {t('settings.failed', { reason: error })}
            </Alert>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
