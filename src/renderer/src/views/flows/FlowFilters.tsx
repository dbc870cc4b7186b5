// The Flows view's filters: a text box (container, namespace, address or port) and selects for
// protocol, state and direction.
import { Group, Select, TextInput } from '@mantine/core';
import { directionLabels, type FlowDirection, type FlowFilter } from './flow-rows';

const directions = Object.entries(directionLabels).map(([value, label]) => ({ value, label }));

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
  return (
    <Group gap="sm" align="end">
      <TextInput
        label="Container or port"
        placeholder="w1, 8080, 172.17.0.2 …"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        data-testid="flows-filter-text"
        w={240}
      />
      <Select
        label="Protocol"
        placeholder="all"
        data={protocols}
        value={filter.protocol}
        onChange={(protocol) => onChange({ ...filter, protocol })}
        clearable
        data-testid="flows-filter-protocol"
        w={130}
      />
      <Select
        label="State"
        placeholder="all"
        data={states}
        value={filter.state}
        onChange={(state) => onChange({ ...filter, state })}
        clearable
        data-testid="flows-filter-state"
        w={170}
      />
      <Select
        label="Direction"
        placeholder="all"
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
