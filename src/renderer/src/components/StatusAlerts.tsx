// Says why Docker is missing and what to do, and what this view could not see.
import { Alert, Stack } from '@mantine/core';
import type { Snapshot } from '../../../shared/model';

const titles = {
  'not-installed': 'Docker is not installed',
  'daemon-down': 'The Docker daemon is not running',
  'permission-denied': 'No permission to talk to Docker',
  error: 'Docker answered with an error',
} as const;

export function StatusAlerts({ snapshot, connected }: { snapshot: Snapshot; connected: boolean }) {
  return (
    <Stack gap={6}>
      {!connected && (
        <Alert color="red" title="Disconnected" data-testid="disconnected">
          Lost the connection to Bridgeport; reconnecting…
        </Alert>
      )}
      {!snapshot.docker.available && (
        <Alert color="orange" title={titles[snapshot.docker.problem ?? 'error']} data-testid="docker-problem">
          {snapshot.docker.hint} The host network is still shown. ({snapshot.docker.error})
        </Alert>
      )}
      {snapshot.limitations.map((note) => (
        <Alert key={note} color="yellow" variant="light" data-testid="limitation">
          {note}
        </Alert>
      ))}
    </Stack>
  );
}
