// Subnet (with "Suggest a free subnet", which fills the gateway too), gateway and IP range.
import { Button, Group, TextInput } from '@mantine/core';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import type { NetworkFieldsProps } from './network-form';

export function NetworkAddressingFields({ values, errors, change, disabled }: NetworkFieldsProps) {
  const suggest = useEngineAction();
  const askSuggestion = async () => {
    const suggestion = await suggest.run(() => api.invoke('networks.suggestSubnet', {}));
    if (suggestion) change({ subnet: suggestion.subnet, gateway: suggestion.gateway });
  };
  return (
    <>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label="Subnet"
          description="Left empty, Docker picks one"
          placeholder="172.30.0.0/24"
          value={values.subnet}
          onChange={(e) => change({ subnet: e.currentTarget.value })}
          error={errors.subnet ?? suggest.error}
          disabled={disabled}
          style={{ flex: 1 }}
          data-testid="network-subnet"
        />
        <Button
          variant="light"
          mt={44}
          onClick={() => void askSuggestion()}
          loading={suggest.busy}
          disabled={disabled}
          data-testid="network-suggest-subnet"
        >
          Suggest a free subnet
        </Button>
      </Group>
      <Group grow align="flex-start" gap="sm">
        <TextInput
          label="Gateway"
          placeholder="172.30.0.1"
          value={values.gateway}
          onChange={(e) => change({ gateway: e.currentTarget.value })}
          error={errors.gateway}
          disabled={disabled}
          data-testid="network-gateway"
        />
        <TextInput
          label="IP range"
          description="Containers get addresses from this part only"
          placeholder="172.30.0.128/25"
          value={values.ipRange}
          onChange={(e) => change({ ipRange: e.currentTarget.value })}
          error={errors.ipRange}
          disabled={disabled}
          data-testid="network-ip-range"
        />
      </Group>
    </>
  );
}
