// Subnet (with "Suggest a free subnet", which fills the gateway too), gateway and IP range.
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import type { NetworkFieldsProps } from './network-form';

export function NetworkAddressingFields({ values, errors, change, disabled }: NetworkFieldsProps) {
  const { t } = useTranslation('networks');
  const suggest = useEngineAction();
  const askSuggestion = async () => {
    const suggestion = await suggest.run(() => api.invoke('networks.suggestSubnet', {}));
    if (suggestion) change({ subnet: suggestion.subnet, gateway: suggestion.gateway });
  };
  return (
    <>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label={t('create.subnet')}
          description={t('create.subnetHelp')}
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
          {t('create.suggest')}
        </Button>
      </Group>
      <Group grow align="flex-start" gap="sm">
        <TextInput
          label={t('create.gateway')}
          placeholder="172.30.0.1"
          value={values.gateway}
          onChange={(e) => change({ gateway: e.currentTarget.value })}
          error={errors.gateway}
          disabled={disabled}
          data-testid="network-gateway"
        />
        <TextInput
          label={t('create.ipRange')}
          description={t('create.ipRangeHelp')}
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
