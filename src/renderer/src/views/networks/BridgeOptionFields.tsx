// The bridge driver's options: the host bridge's name, MTU, host binding, ICC and masquerading.
import { Fieldset, Group, Switch, TextInput } from '@mantine/core';
import type { NetworkFieldsProps } from './network-form';

export function BridgeOptionFields({ values, errors, change, disabled }: NetworkFieldsProps) {
  return (
    <Fieldset legend="Bridge options" data-testid="network-bridge-options">
      <Group grow align="flex-start" gap="sm">
        <TextInput
          label="Bridge name"
          description="The host interface; br-… when empty"
          placeholder="br-mynet"
          value={values.bridgeName}
          onChange={(e) => change({ bridgeName: e.currentTarget.value })}
          error={errors.bridgeName}
          disabled={disabled}
          data-testid="network-bridge-name"
        />
        <TextInput
          label="MTU"
          description="68–65535; the default is 1500"
          placeholder="1500"
          inputMode="numeric"
          value={values.mtu}
          onChange={(e) => change({ mtu: e.currentTarget.value })}
          error={errors.mtu}
          disabled={disabled}
          data-testid="network-mtu"
        />
        <TextInput
          label="Host binding IPv4"
          description="Where -p ports listen by default"
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
          label="Containers talk to each other (ICC)"
          checked={values.icc}
          onChange={(e) => change({ icc: e.currentTarget.checked })}
          disabled={disabled}
          data-testid="network-icc"
        />
        <Switch
          label="IP masquerade (reach outside)"
          checked={values.masquerade}
          onChange={(e) => change({ masquerade: e.currentTarget.checked })}
          disabled={disabled}
          data-testid="network-masquerade"
        />
      </Group>
    </Fieldset>
  );
}
