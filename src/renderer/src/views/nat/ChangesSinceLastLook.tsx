// What happened to the rules since the user last left this view: added ones are highlighted in the
// tables, removed ones can only be listed here.
import { Alert, Button, Code, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EngineText } from '../../i18n/EngineText';
import type { SeenDiff } from './seen-rules';

const LISTED = 12;

interface Props extends SeenDiff {
  onlyNew: boolean;
  onOnlyNew: (onlyNew: boolean) => void;
  onMarkSeen: () => void;
}

export function ChangesSinceLastLook({ added, removed, onlyNew, onOnlyNew, onMarkSeen }: Props) {
  const { t } = useTranslation('nat');
  if (added.size === 0 && removed.length === 0) return null;
  return (
    <Alert color="green" variant="light" title={t('changes.title')} data-testid="nat-changes" py="xs">
      {added.size > 0 && (
        <Text size="sm" data-testid="nat-added-count">
          {t('changes.added', { count: added.size })}
        </Text>
      )}
      {removed.length > 0 && (
        <div data-testid="nat-removed">
          <Text size="sm">{t('changes.removed')}</Text>
          <List size="xs" spacing={2} mt={2}>
            {removed.slice(0, LISTED).map((r) => (
              <List.Item key={r.id}>
                <b translate="no">{r.where}</b> · <EngineText text={r.explain} message={r.explainMessage} /> <Code fz={10}>{r.spec}</Code>
              </List.Item>
            ))}
          </List>
          {removed.length > LISTED && (
            <Text size="xs" c="dimmed">
              {t('changes.andMore', { count: removed.length - LISTED })}
            </Text>
          )}
        </div>
      )}
      <Group gap={6} mt={6}>
        {added.size > 0 && (
          <Button size="compact-xs" variant={onlyNew ? 'filled' : 'light'} color="green" onClick={() => onOnlyNew(!onlyNew)} data-testid="nat-only-new">
            {onlyNew ? t('changes.showAll') : t('changes.onlyNew')}
          </Button>
        )}
        <Button size="compact-xs" variant="light" color="green" onClick={onMarkSeen} data-testid="nat-mark-seen">
          {t('changes.markSeen')}
        </Button>
      </Group>
    </Alert>
  );
}
