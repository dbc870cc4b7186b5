// Live traffic: a chart of the chosen container (by default the one that moved the most lately),
// top talkers, every interface, published ports and the NAT rules whose counters move. Follows the
// `traffic` topic; the chart starts from the engine's history (`traffic.history`, fetched once) and
// goes on with every pushed sample, kept in a rolling 5 minutes at 1 s; "1 h" shows the engine's
// coarse history (10 s points), fetched again whenever it is chosen.
import { Alert, Group, Loader, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrafficPoint } from '../../../../shared/traffic-model';
import { api } from '../../api/api';
import { useTopic } from '../../api/use-topic';
import { appendPoint, chartColumns, mergeHistory, pointOf, selectedContainer } from './traffic-buffer';
import { TrafficChart } from './TrafficChart';
import { InterfacesTable, PortsTable, RulesTable, TopTalkers } from './TrafficTables';

type Span = 'fine' | 'coarse';

export function TrafficView() {
  const { t } = useTranslation('traffic');
  const traffic = useTopic('traffic');
  const [fine, setFine] = useState<readonly TrafficPoint[]>([]);
  const [coarse, setCoarse] = useState<readonly TrafficPoint[]>([]);
  const [span, setSpan] = useState<Span>('fine');
  const [picked, setPicked] = useState<string | null>(null);
  const sample = traffic.data;

  const showSpan = (next: Span) => {
    setSpan(next);
    if (next === 'coarse') api.invoke('traffic.history', {}).then((history) => setCoarse(history.coarse), () => undefined);
  };

  // Every pushed sample into the rolling buffer; the engine's history, once, in front of it.
  useEffect(() => {
    let alive = true;
    const unsubscribe = api.subscribe('traffic', (next) => setFine((buffer) => appendPoint(buffer, pointOf(next))));
    api.invoke('traffic.history', {}).then(
      (history) => {
        if (!alive) return;
        setFine((mine) => mergeHistory(history.fine, mine));
        setCoarse(history.coarse);
      },
      () => undefined,
    );
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);

  const containers = useMemo(() => sample?.containers ?? [], [sample]);
  const selected = selectedContainer(picked, containers, fine);
  const columns = useMemo(() => chartColumns(span === 'fine' ? fine : coarse, selected), [fine, coarse, span, selected]);
  const options = useMemo(() => containers.map((c) => ({ value: c.container.id, label: c.container.name })).sort((a, b) => a.label.localeCompare(b.label)), [containers]);

  return (
    <ScrollArea h="100%">
      <Stack gap="sm" px="md" pt={4} pb="md" data-testid="traffic-view">
        <div>
          <Title order={4}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('subtitle')}
          </Text>
        </div>
        {traffic.error && (
          <Alert color="red" title={t('readFailed')} data-testid="traffic-error">
            {traffic.error}
          </Alert>
        )}
        {!sample && !traffic.error && <Loader m="xl" />}
        {sample && (
          <>
            <Group gap="sm" align="center">
              <Select
                data={options}
                value={selected}
                onChange={(value) => value && setPicked(value)}
                allowDeselect={false}
                placeholder={options.length === 0 ? t('noContainers') : t('pickContainer')}
                searchable
                w={260}
                aria-label={t('chartContainer')}
                data-testid="traffic-container"
              />
              <SegmentedControl
                value={span}
                onChange={(value) => showSpan(value as Span)}
                data={[
                  { value: 'fine', label: t('span.fine') },
                  { value: 'coarse', label: t('span.coarse') },
                ]}
                data-testid="traffic-span"
              />
              {span === 'coarse' && coarse.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('hourFills')}
                </Text>
              )}
            </Group>
            <TrafficChart columns={columns} />
            <Title order={5}>{t('sections.top')}</Title>
            <TopTalkers sample={sample} selected={selected} onPick={setPicked} />
            <Title order={5}>{t('sections.ports')}</Title>
            <PortsTable sample={sample} />
            <Title order={5}>{t('sections.rules')}</Title>
            <RulesTable sample={sample} />
            <Title order={5}>{t('sections.interfaces')}</Title>
            <InterfacesTable sample={sample} />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
