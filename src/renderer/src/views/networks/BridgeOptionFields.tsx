// The bridge driver's options: the host bridge's name, MTU, host binding, ICC and masquerading.
import { Fieldset, Group, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkFieldsProps } from './network-form';

export function BridgeOptionFields({ values, errors, change, disabled }: NetworkFieldsProps) {
  const { t } = useTranslation('networks');
  return (
    <Fieldset legend={t('create.bridgeOptions')} data-testid="network-bridge-options">
      <Group grow align="flex-start" gap="sm">
        <TextInput
          label={t('create.bridgeName')}
          description={t('create.bridgeNameHelp')}
          placeholder="br-mynet"
          value={values.bridgeName}
          onChange={(e) => change({ bridgeName: e.currentTarget.value })}
          error={errors.bridgeName}
          disabled={disabled}
          data-testid="network-bridge-name"
        />
        <TextInput
          label={t('create.mtu')}
          description={t('create.mtuHelp')}
          placeholder="1500"
          inputMode="numeric"
          value={values.mtu}
          onChange={(e) => change({ mtu: e.currentTarget.value })}
          error={errors.mtu}
          disabled={disabled}
          data-testid="network-mtu"
        />
        <TextInput
          label={t('create.hostBinding')}
          description={t('create.hostBindingHelp')}
          placeholder="0.0.0.0"
          value={values.hostBindingIpv4}
          onChange={(e) => change({ hostBindingIpv4: e.currentTarget.value })}
          error={errors.hostBindingIpv4}
          disabled={disabled}
          data-testid="network-host-binding"
        />
      </Group>
      <Group gap="xl" mt="sm">
        <Switch
          label={t('create.icc')}
          checked={values.icc}
          onChange={(e) => change({ icc: e.currentTarget.checked })}
          disabled={disabled}
          data-testid="network-icc"
        />
        <Switch
          label={t('create.masquerade')}
          checked={values.masquerade}
          onChange={(e) => change({ masquerade: e.currentTarget.checked })}
          disabled={disabled}
          data-testid="network-masquerade"
        />
      </Group>
    </Fieldset>
  );
}
