// macvlan/ipvlan: the host NIC the network sits on, and the mode.
import { Fieldset, Group, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Link } from '../../../../shared/model';
import { defaultMode, MODES, type NetworkFieldsProps } from './network-form';
import { sayWith } from '../../i18n/say';
import { parentOptions } from './parent-options';

export function VlanFields({ values, errors, change, disabled, links }: NetworkFieldsProps & { links: readonly Link[] }) {
  const { t } = useTranslation('networks');
  const parents = useMemo(() => parentOptions(links, sayWith(t)), [links, t]);
  const driver = values.driver === 'ipvlan' ? 'ipvlan' : 'macvlan';
  return (
    <Fieldset legend={t('create.vlanOptions', { driver })} data-testid="network-vlan-options">
      <Group grow align="flex-start" gap="sm">
        <Select
          label={t('create.parent')}
          description={t('create.parentHelp')}
          placeholder={parents.length ? t('create.pickParent') : t('create.noParent')}
          data={parents}
          value={values.parent}
          onChange={(parent) => change({ parent })}
          searchable
          nothingFoundMessage={t('create.noSuchParent')}
          error={errors.parent}
          disabled={disabled}
          data-testid="network-parent"
        />
        <Select
          label={t('create.mode')}
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
