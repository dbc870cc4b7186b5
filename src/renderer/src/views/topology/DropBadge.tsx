// A red mark on a node or cable where packets were dropped lately: how many, and by which rules
// (tooltip and accessible name).
import { Badge, Tooltip } from '@mantine/core';
import { formatCount } from '../../format/counters';
import { dropLines, type DropMark } from './drop-marks';

export function DropBadge({ mark, testId }: { mark: DropMark; testId: string }) {
  const lines = dropLines(mark);
  const label = `${formatCount(mark.packets)} packets dropped here in the last minute: ${lines.join('; ')}`;
  return (
    <Tooltip label={lines.map((line) => <div key={line}>{line}</div>)} multiline maw={520} withinPortal>
      <Badge size="xs" color="red" variant="filled" data-testid={testId} data-packets={mark.packets} aria-label={label} role="status" style={{ pointerEvents: 'all', cursor: 'help' }}>
        {formatCount(mark.packets)} dropped
      </Badge>
    </Tooltip>
  );
}
