// Above the topology, drops that have no node or cable to sit on (the host itself: a chain's
// policy, a rule that names nothing drawn), and, when the firewall cannot be read, that drops
// cannot be seen at all: never an empty picture that reads as "no drops".
import { Text, Tooltip } from '@mantine/core';
import { DropBadge } from './DropBadge';
import type { DropMarksStore } from './drop-marks';
import { useDropMarks } from './use-drop-marks';

export function HostDrops({ store }: { store: DropMarksStore }) {
  const marks = useDropMarks(store);
  if (marks.readable === false) {
    return (
      <Tooltip label={marks.notes.join(' ')} multiline maw={420}>
        <Text size="xs" c="orange" px="sm" data-testid="topology-drops-unreadable">
          Drops not shown: the firewall cannot be read
        </Text>
      </Tooltip>
    );
  }
  if (!marks.host) return null;
  return (
    <Text size="xs" component="div" px="sm" data-testid="topology-host-drops">
      On the host: <DropBadge mark={marks.host} testId="drop-badge-host" />
    </Text>
  );
}
