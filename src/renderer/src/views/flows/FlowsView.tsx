// Live flows (issue 17): every connection the host's conntrack sees, attributed at both ends, with
// what Bridgeport cannot see said above the table. Reads `flows.get`, then follows `flowEvents`.
import { Alert, Badge, Group, List, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineText } from '../../i18n/EngineText';
import { filterChoices, flowTable, hiddenLine, noFilter, type FlowFilter } from './flow-rows';
import { FlowFilters } from './FlowFilters';
import { DropsSection } from './DropsSection';
import { FlowsTable } from './FlowsTable';
import { useLiveFlows } from './use-live-flows';

export function FlowsView() {
  const { t } = useTranslation('flows');
  const { list, report, error, errorMessage } = useLiveFlows();
  const [filter, setFilter] = useState<FlowFilter>(noFilter);
  const table = useMemo(() => flowTable(list, filter), [list, filter]);
  const choices = useMemo(() => filterChoices(list, filter), [list, filter]);
  const hidden = hiddenLine(table, t);

  return (
    <ScrollArea h="100%">
      <Stack gap="sm" px="md" pt={4} pb="md" data-testid="flows-view">
        <div>
          <Title order={4}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        {error && (
          <Alert color="red" title={t('errorTitle')} data-testid="flows-error">
            <EngineText text={error} message={errorMessage} />
          </Alert>
        )}
        {!report && !error && <Loader m="xl" />}
        {report && (
          <>
            {(report.limitations.length > 0 || report.dropped > 0) && (
              <Alert color="yellow" title={t('limitationsTitle')} data-testid="flows-limitations">
                <List size="sm">
                  {report.limitations.map((line, i) => (
                    <List.Item key={line} data-testid="flows-limitation">
                      <EngineText text={line} message={report.limitationsMessages?.[i]} />
                    </List.Item>
                  ))}
                </List>
                {report.dropped > 0 && (
                  <Text size="sm" mt="xs" data-testid="flows-dropped">
                    {t('dropped', { count: report.dropped })}
                  </Text>
                )}
              </Alert>
            )}
            <FlowFilters filter={filter} protocols={choices.protocols} states={choices.states} onChange={setFilter} />
            <Group gap="xs">
              <Badge variant="light" data-testid="flows-count">
                {t('count', { matched: table.matched, total: list.size })}
              </Badge>
              {!report.accounting && (
                <Text size="xs" c="dimmed">
                  {t('noAccounting')}
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
