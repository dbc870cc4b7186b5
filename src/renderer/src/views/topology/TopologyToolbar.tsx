// Above the topology: search, how containers are grouped, and graph or table.
import { CloseButton, Group, SegmentedControl, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupingMode } from '../../../../shared/topology/group-graph';

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
  const { t } = useTranslation('topology');
  return (
    <Group gap="sm" px="sm" pb={6} wrap="nowrap">
      <TextInput
        size="xs"
        w={280}
        placeholder={t('toolbar.searchPlaceholder')}
        value={props.query}
        onChange={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onQuery('')}
        rightSection={props.query ? <CloseButton size="xs" aria-label={t('toolbar.clearSearch')} onClick={() => props.onQuery('')} /> : null}
        data-testid="topology-search"
        aria-label={t('toolbar.searchLabel')}
      />
      {props.query.trim() && (
        <Text size="xs" c={props.hits ? 'dimmed' : 'red'} data-testid="topology-search-hits">
          {props.hits === 0 ? t('toolbar.noMatch') : t('toolbar.matches', { count: props.hits })}
        </Text>
      )}
      <Group gap={6} wrap="nowrap" ml="auto">
        <Tooltip label={t('toolbar.flowsTooltip')}>
          <Switch size="xs" label={t('toolbar.flows')} checked={props.flowLines} onChange={(e) => props.onFlowLines(e.currentTarget.checked)} data-testid="toggle-flow-lines" />
        </Tooltip>
        {props.flowsNotDrawn > 0 && (
          <Text size="xs" c="dimmed" data-testid="flow-lines-not-drawn" title={t('toolbar.flowsNotDrawnTooltip')}>
            {t('toolbar.flowsNotDrawn', { count: props.flowsNotDrawn })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('toolbar.group')}
        </Text>
        <SegmentedControl
          size="xs"
          value={props.mode}
          onChange={(v) => props.onMode(v as GroupingMode)}
          data={[
            { value: 'auto', label: t('toolbar.crowded') },
            { value: 'network', label: t('toolbar.every') },
            { value: 'off', label: t('toolbar.none') },
          ]}
          data-testid="topology-grouping"
        />
        {props.folded > 0 && (
          <Text size="xs" c="dimmed" data-testid="topology-folded">
            {t('toolbar.folded', { count: props.folded })}
          </Text>
        )}
        <SegmentedControl
          size="xs"
          value={props.display}
          onChange={(v) => props.onDisplay(v as Display)}
          data={[
            { value: 'graph', label: t('toolbar.graph') },
            { value: 'table', label: t('toolbar.table') },
          ]}
          data-testid="topology-display"
        />
      </Group>
    </Group>
  );
}
