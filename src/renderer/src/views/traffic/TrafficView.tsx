// Live traffic: a chart of the chosen container (the top talker by default), top talkers, every
// interface, published ports and the NAT rules whose counters move. Follows the `traffic` topic;
// the chart starts from the engine's history (5 minutes at 1 s, an hour at 10 s).
import { Alert, Group, Loader, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { TrafficHistory, TrafficPoint } from '../../../../shared/traffic-model';
import { api } from '../../api/api';
import { useTopic } from '../../api/use-topic';
import { appendCapped, chartColumns } from './traffic-format';
import { TrafficChart } from './TrafficChart';
import { InterfacesTable, PortsAndRules, TopTalkers } from './TrafficTables';

const FINE_POINTS = 300;

export function TrafficView() {
  const traffic = useTopic('traffic');
  const [history, setHistory] = useState<TrafficHistory>({ fine: [], coarse: [] });
  const [span, setSpan] = useState<'fine' | 'coarse'>('fine');
  const [picked, setPicked] = useState<string | null>(null);
  const sample = traffic.data;

  // The engine's history first, then every pushed sample appended (the rolling 5 minutes).
  useEffect(() => {
    let alive = true;
    void api.invoke('traffic.history', {}).then(
      (h) => alive && setHistory((mine) => ({ coarse: h.coarse, fine: [...h.fine.filter((p) => p.at < (mine.fine[0]?.at ?? '\uffff')), ...mine.fine].slice(-FINE_POINTS) })),
      () => undefined,
    );
    const unsubscribe = api.subscribe('traffic', (next) => {
      const point: TrafficPoint = { at: next.at, containers: Object.fromEntries(next.containers.map((c) => [c.container.id, [c.rxRate, c.txRate] as [number, number]])) };
      setHistory((h) => (h.fine.at(-1)?.at === point.at ? h : { ...h, fine: appendCapped(h.fine, point, FINE_POINTS) }));
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);

  const selected = picked ?? sample?.containers[0]?.container.id ?? null;
  const columns = useMemo(() => chartColumns(span === 'fine' ? history.fine : history.coarse, selected ?? ''), [history, span, selected]);
  const options = (sample?.containers ?? []).map((c) => ({ value: c.container.id, label: c.container.name })).sort((a, b) => a.label.localeCompare(b.label));

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
            <Group gap="sm">
              <Select data={options} value={selected} onChange={setPicked} placeholder="container" searchable w={260} data-testid="traffic-container" />
              <SegmentedControl value={span} onChange={(v) => setSpan(v as 'fine' | 'coarse')} data={[{ value: 'fine', label: '5 min' }, { value: 'coarse', label: '1 h' }]} />
            </Group>
            <TrafficChart columns={columns} />
            <Title order={5}>Top talkers</Title>
            <TopTalkers sample={sample} onPick={setPicked} />
            <Title order={5}>Published ports and rules</Title>
            <PortsAndRules sample={sample} />
            <Title order={5}>Interfaces</Title>
            <InterfacesTable sample={sample} />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
