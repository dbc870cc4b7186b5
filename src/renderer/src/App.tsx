// The window: header with Docker status, the topology, and details of the selection.
import { AppShell, Badge, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSnapshot } from './api/use-snapshot';
import { StatusAlerts } from './components/StatusAlerts';
import { DetailsPanel } from './views/details/DetailsPanel';
import { TopologyView, type Selection } from './views/topology/TopologyView';

export function App() {
  const { snapshot, error, connected } = useSnapshot();
  const [selection, setSelection] = useState<Selection>(null);
  return (
    <AppShell header={{ height: 52 }} aside={{ width: 360, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>Bridgeport</Title>
          {snapshot && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {snapshot.host.hostname}
              </Text>
              <Badge color={snapshot.docker.available ? 'teal' : 'orange'} data-testid="docker-badge">
                {snapshot.docker.available ? `Docker ${snapshot.docker.version ?? ''}` : 'Docker unavailable'}
              </Badge>
              <Badge variant="light">{snapshot.containers.length} containers</Badge>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Aside p="sm">
        <ScrollArea h="100%">
          <DetailsPanel selection={selection} />
        </ScrollArea>
      </AppShell.Aside>
      <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        {error && <Text c="red">{error}</Text>}
        {!snapshot && !error && <Loader m="xl" />}
        {snapshot && (
          <>
            <div style={{ padding: 8 }}>
              <StatusAlerts snapshot={snapshot} connected={connected} />
            </div>
            <div style={{ flex: 1, minHeight: 400 }} data-testid="topology">
              <TopologyView snapshot={snapshot} onSelect={setSelection} />
            </div>
          </>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
