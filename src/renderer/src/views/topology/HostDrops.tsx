// Above the topology, drops that have no node or cable to sit on (the host itself: a chain's
// policy, a rule that names nothing drawn), and, when the firewall cannot be read, that drops
// cannot be seen at all: never an empty picture that reads as "no drops".
import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EngineText } from '../../i18n/EngineText';
import { DropBadge } from './DropBadge';
import type { DropMarksStore } from './drop-marks';
import { useDropMarks } from './use-drop-marks';

export function HostDrops({ store }: { store: DropMarksStore }) {
  const { t } = useTranslation('topology');
  const marks = useDropMarks(store);
  if (marks.readable === false) {
    return (
      <Tooltip
        label={marks.notes.map((note, i) => (
          <div key={note}>
            <EngineText text={note} message={marks.notesMessages?.[i]} />
          </div>
        ))}
        multiline
        maw={420}
      >
        <Text size="xs" c="orange" px="sm" data-testid="topology-drops-unreadable">
          {t('drops.unreadable')}
        </Text>
      </Tooltip>
    );
  }
  if (!marks.host) return null;
  return (
    <Text size="xs" component="div" px="sm" data-testid="topology-host-drops">
      {t('drops.onHost')} <DropBadge mark={marks.host} testId="drop-badge-host" />
    </Text>
  );
}
