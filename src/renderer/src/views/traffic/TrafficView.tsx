// Live traffic: a chart of the chosen container (by default the one that moved the most lately),
// top talkers, every interface, published ports and the NAT rules whose counters move. Follows the
// `traffic` topic; the chart starts from the engine's history (`traffic.history`, fetched once) and
// goes on with every pushed sample, kept in a rolling 5 minutes at 1 s; "1 h" shows the engine's
// coarse history (10 s points), fetched again whenever it is chosen.
import { Alert, Group, Loader, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { TrafficPoint } from '../../../../shared/traffic-model';
import { api } from '../../api/api';
import { useTopic } from '../../api/use-topic';
import { appendPoint, chartColumns, mergeHistory, pointOf, selectedContainer } from './traffic-buffer';
import { TrafficChart } from './TrafficChart';
import { InterfacesTable, PortsTable, RulesTable, TopTalkers } from './TrafficTables';

type Span = 'fine' | 'coarse';

export function TrafficView() {
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
          <Title order={4}>Traffic</Title>
          <Text size="sm" c="dimmed">
            Who is talking, live: per container (from its side, every network), interface, published port and NAT rule. One kernel read per second.
          </Text>
        </div>
        {traffic.error && (
          <Alert color="red" title="Cannot read traffic" data-testid="traffic-error">
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
                placeholder={options.length === 0 ? 'no containers' : 'container'}
                searchable
                w={260}
                aria-label="Container shown in the chart"
                data-testid="traffic-container"
              />
              <SegmentedControl
                value={span}
                onChange={(value) => showSpan(value as Span)}
                data={[
                  { value: 'fine', label: '5 min' },
                  { value: 'coarse', label: '1 h' },
                ]}
                data-testid="traffic-span"
              />
              {span === 'coarse' && coarse.length === 0 && (
                <Text size="xs" c="dimmed">
                  The hour fills in as Bridgeport runs (a point per 10 s).
                </Text>
              )}
            </Group>
            <TrafficChart columns={columns} />
            <Title order={5}>Top talkers</Title>
            <TopTalkers sample={sample} selected={selected} onPick={setPicked} />
            <Title order={5}>Published ports</Title>
            <PortsTable sample={sample} />
            <Title order={5}>Busiest NAT and filter rules</Title>
            <RulesTable sample={sample} />
            <Title order={5}>Interfaces</Title>
            <InterfacesTable sample={sample} />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
