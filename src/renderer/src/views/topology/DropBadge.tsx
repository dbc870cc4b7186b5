// A red mark on a node or cable where packets were dropped lately: how many, and by which rules
// (tooltip and accessible name).
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sayWith } from '../../i18n/say';
import { dropLines, type DropMark } from './drop-marks';

export function DropBadge({ mark, testId }: { mark: DropMark; testId: string }) {
  const { t } = useTranslation('topology');
  const lines = dropLines(mark, sayWith(t));
  const label = t('drops.label', { count: mark.packets, lines: lines.join('; ') });
  return (
    <Tooltip label={lines.map((line) => <div key={line}>{line}</div>)} multiline maw={520} withinPortal>
      <Badge size="xs" color="red" variant="filled" data-testid={testId} data-packets={mark.packets} aria-label={label} role="status" style={{ pointerEvents: 'all', cursor: 'help' }}>
        {t('drops.badge', { count: mark.packets })}
      </Badge>
    </Tooltip>
  );
}
