// Live flows (issue 17): every connection the host's conntrack sees, attributed at both ends, with
// what Bridgeport cannot see said above the table. Reads `flows.get`, then follows `flowEvents`.
import { Alert, Badge, Group, List, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { filterChoices, flowTable, hiddenLine, noFilter, type FlowFilter } from './flow-rows';
import { FlowFilters } from './FlowFilters';
import { DropsSection } from './DropsSection';
import { FlowsTable } from './FlowsTable';
import { useLiveFlows } from './use-live-flows';

export function FlowsView() {
  const { list, report, error } = useLiveFlows();
  const [filter, setFilter] = useState<FlowFilter>(noFilter);
  const table = useMemo(() => flowTable(list, filter), [list, filter]);
  const choices = useMemo(() => filterChoices(list, filter), [list, filter]);
  const hidden = hiddenLine(table);

  return (
    <ScrollArea h="100%">
      <Stack gap="sm" px="md" pt={4} pb="md" data-testid="flows-view">
        <div>
          <Title order={4}>Flows</Title>
          <Text size="sm" c="dimmed">
            The connections the host&apos;s conntrack tracks, live: who talks to whom, through which host port, translated how.
          </Text>
        </div>
        {error && (
          <Alert color="red" title="Cannot read the flows" data-testid="flows-error">
            {error}
          </Alert>
        )}
        {!report && !error && <Loader m="xl" />}
        {report && (
          <>
            {(report.limitations.length > 0 || report.dropped > 0) && (
              <Alert color="yellow" title="What this view cannot see" data-testid="flows-limitations">
                <List size="sm">
                  {report.limitations.map((line) => (
                    <List.Item key={line} data-testid="flows-limitation">
                      {line}
                    </List.Item>
                  ))}
                </List>
                {report.dropped > 0 && (
                  <Text size="sm" mt="xs" data-testid="flows-dropped">
                    Dropped: {report.dropped.toLocaleString('en-US')} connection(s) the engine&apos;s bounded table did not keep.
                  </Text>
                )}
              </Alert>
            )}
            <FlowFilters filter={filter} protocols={choices.protocols} states={choices.states} onChange={setFilter} />
            <Group gap="xs">
              <Badge variant="light" data-testid="flows-count">
                {table.matched.toLocaleString('en-US')} of {list.size.toLocaleString('en-US')} flows
              </Badge>
              {!report.accounting && (
                <Text size="xs" c="dimmed">
                  No packets or bytes: conntrack accounting is off.
                </Text>
              )}
            </Group>
            <FlowsTable rows={table.rows} accounting={report.accounting} />
            {hidden && (
              <Text size="sm" c="dimmed" data-testid="flows-hidden">
                {hidden}
              </Text>
            )}
          </>
        )}
        <DropsSection />
      </Stack>
    </ScrollArea>
  );
}
