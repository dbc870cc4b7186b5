// The Flows view's filters: a text box (container, namespace, address or port) and selects for
// protocol, state and direction.
import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { flowDirections, type FlowDirection, type FlowFilter } from './flow-rows';

export function FlowFilters({
  filter,
  protocols,
  states,
  onChange,
}: {
  filter: FlowFilter;
  protocols: string[];
  states: string[];
  onChange: (filter: FlowFilter) => void;
}) {
  const { t } = useTranslation('flows');
  const directions = flowDirections.map((value) => ({ value, label: t(`direction.${value}`) }));
  return (
    <Group gap="sm" align="end">
      <TextInput
        label={t('filter.text')}
        placeholder="w1, 8080, 172.17.0.2 …"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        data-testid="flows-filter-text"
        w={240}
      />
      <Select
        label={t('filter.protocol')}
        placeholder={t('filter.all')}
        data={protocols}
        value={filter.protocol}
        onChange={(protocol) => onChange({ ...filter, protocol })}
        clearable
        data-testid="flows-filter-protocol"
        w={130}
      />
      <Select
        label={t('filter.state')}
        placeholder={t('filter.all')}
        data={states}
        value={filter.state}
        onChange={(state) => onChange({ ...filter, state })}
        clearable
        data-testid="flows-filter-state"
        w={170}
      />
      <Select
        label={t('filter.direction')}
        placeholder={t('filter.all')}
        data={directions}
        value={filter.direction}
        onChange={(direction) => onChange({ ...filter, direction: direction as FlowDirection | null })}
        clearable
        data-testid="flows-filter-direction"
        w={240}
      />
    </Group>
  );
}
