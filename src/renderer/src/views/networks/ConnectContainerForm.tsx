// Connect a container to a network: which one (those not on it yet), an optional static IP and
// aliases. Whether the IP fits the subnet and is free is the engine's to say.
import { Select, Stack, TagsInput, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../shared/network-model';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { checkConnectForm, MAX_ALIASES, type ConnectFormValues } from './connect-form';
import { sayWith } from '../../i18n/say';

interface Props {
  network: NetworkDetail;
  /** Containers that can join it. */
  offered: string[];
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onConnected: (network: NetworkDetail) => void;
}

export function ConnectContainerForm({ network, offered, onBusyChange, onCancel, onConnected }: Props) {
  const { t } = useTranslation('networks');
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields<ConnectFormValues>({ container: null, ip: '', aliases: [] }, action.clearError);
  const busy = action.busy;
  const subnets = network.subnets.map((s) => s.subnet).join(', ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkConnectForm(network.name, values, sayWith(t));
    if (check.errors) return setErrors(check.errors);
    setErrors({});
    const connected = await action.run(() => api.invoke('networks.connect', check.input));
    if (connected) onConnected(connected);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="connect-form">
      <Stack gap="sm">
        <Select
          label={t('connect.container')}
          placeholder={offered.length ? t('connect.pick') : t('connect.noneOffered')}
          data={offered}
          value={values.container}
          onChange={(container) => change({ container })}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('connect.nothingFound')}
          error={errors.container}
          disabled={busy}
          data-autofocus
          data-testid="connect-container"
        />
        <TextInput
          label={t('connect.ip')}
          description={subnets ? t('connect.ipInside', { subnets }) : t('connect.ipOptional')}
          placeholder={t('connect.ipPlaceholder')}
          value={values.ip}
          onChange={(e) => change({ ip: e.currentTarget.value })}
          error={errors.ip}
          disabled={busy}
          data-testid="connect-ip"
        />
        <TagsInput
          label={t('connect.aliases')}
          description={t('connect.aliasesHelp')}
          value={values.aliases}
          onChange={(aliases) => change({ aliases })}
          maxTags={MAX_ALIASES}
          error={errors.aliases}
          disabled={busy}
          data-testid="connect-aliases"
        />
        <FormFooter id="connect" failure={action.failure} errorTitle={t('connect.failed')} submitLabel={t('connect.submit')} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
