// Above the topology: search, how containers are grouped, and graph or table.
import { CloseButton, Group, SegmentedControl, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import type { GroupingMode } from '../../../../shared/topology/group-graph';
import { plural } from '../../format/plural';

export type Display = 'graph' | 'table';

export function TopologyToolbar(props: {
  query: string;
  onQuery: (q: string) => void;
  hits: number;
  mode: GroupingMode;
  onMode: (m: GroupingMode) => void;
  folded: number;
  display: Display;
  onDisplay: (d: Display) => void;
  /** Live flow lines drawn (and flows subscribed to) or not. */
  flowLines: boolean;
  onFlowLines: (on: boolean) => void;
  /** Flows with an end that has no node shown to draw it at. */
  flowsNotDrawn: number;
}) {
  return (
    <Group gap="sm" px="sm" pb={6} wrap="nowrap">
      <TextInput
        size="xs"
        w={280}
        placeholder="Search name, IP, image, id, veth, MAC…"
        value={props.query}
        onChange={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onQuery('')}
        rightSection={props.query ? <CloseButton size="xs" aria-label="Clear search" onClick={() => props.onQuery('')} /> : null}
        data-testid="topology-search"
        aria-label="Search the topology"
      />
      {props.query.trim() && (
        <Text size="xs" c={props.hits ? 'dimmed' : 'red'} data-testid="topology-search-hits">
          {props.hits === 0 ? 'no match' : props.hits === 1 ? '1 match' : `${props.hits} matches`}
        </Text>
      )}
      <Group gap={6} wrap="nowrap" ml="auto">
        <Tooltip label="Live connections between the nodes, from conntrack: thicker with more flows at once, faded when they end">
          <Switch size="xs" label="Flows" checked={props.flowLines} onChange={(e) => props.onFlowLines(e.currentTarget.checked)} data-testid="toggle-flow-lines" />
        </Tooltip>
        {props.flowsNotDrawn > 0 && (
          <Text size="xs" c="dimmed" data-testid="flow-lines-not-drawn" title="Flows whose LAN, host or outside end matches no host link shown, or whose two ends fall on one node">
            {plural(props.flowsNotDrawn, 'flow')} not drawn
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Group
        </Text>
        <SegmentedControl
          size="xs"
          value={props.mode}
          onChange={(v) => props.onMode(v as GroupingMode)}
          data={[
            { value: 'auto', label: 'Crowded networks' },
            { value: 'network', label: 'Every network' },
            { value: 'off', label: 'None' },
          ]}
          data-testid="topology-grouping"
        />
        {props.folded > 0 && (
          <Text size="xs" c="dimmed" data-testid="topology-folded">
            {plural(props.folded, 'network')} folded
          </Text>
        )}
        <SegmentedControl
          size="xs"
          value={props.display}
          onChange={(v) => props.onDisplay(v as Display)}
          data={[
            { value: 'graph', label: 'Graph' },
            { value: 'table', label: 'Table' },
          ]}
          data-testid="topology-display"
        />
      </Group>
    </Group>
  );
}
