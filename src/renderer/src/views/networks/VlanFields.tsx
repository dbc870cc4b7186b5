// macvlan/ipvlan: the host NIC the network sits on, and the mode.
import { Fieldset, Group, Select } from '@mantine/core';
import { useMemo } from 'react';
import type { Link } from '../../../../shared/model';
import { defaultMode, MODES, type NetworkFieldsProps } from './network-form';
import { parentOptions } from './parent-options';

export function VlanFields({ values, errors, change, disabled, links }: NetworkFieldsProps & { links: readonly Link[] }) {
  const parents = useMemo(() => parentOptions(links), [links]);
  const driver = values.driver === 'ipvlan' ? 'ipvlan' : 'macvlan';
  return (
    <Fieldset legend={`${driver} options`} data-testid="network-vlan-options">
      <Group grow align="flex-start" gap="sm">
        <Select
          label="Parent NIC"
          description="The host interface the containers' traffic leaves by"
          placeholder={parents.length ? 'Pick a host NIC' : 'No host NIC to offer'}
          data={parents}
          value={values.parent}
          onChange={(parent) => change({ parent })}
          searchable
          nothingFoundMessage="No such host NIC"
          error={errors.parent}
          disabled={disabled}
          data-testid="network-parent"
        />
        <Select
          label="Mode"
          data={MODES[driver]}
          value={values.mode || defaultMode(driver)}
          onChange={(mode) => mode && change({ mode })}
          allowDeselect={false}
          error={errors.mode}
          disabled={disabled}
          data-testid="network-mode"
        />
      </Group>
    </Fieldset>
  );
}
