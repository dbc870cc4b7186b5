// Create a veth pair in the host namespace, one end on a bridge if wanted; the other end can then
// be moved into a namespace or a container.
import { Group, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { checkVethForm, type VethFormValues } from './link-forms';
import { sayWith } from '../../i18n/say';
import type { MadeFormProps } from './made-form-props';

export function CreateVethForm({ bridges, onBusyChange, onCancel, onMade }: MadeFormProps & { bridges: string[] }) {
  const { t } = useTranslation('namespaces');
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields<VethFormValues>({ name: '', peer: '', master: null, mtu: '' }, action.clearError);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const check = checkVethForm(values, sayWith(t));
    if (check.errors) return setErrors(check.errors);
    const made = await action.run(() => api.invoke('links.createVeth', check.input));
    if (made) onMade(made);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="veth-form">
      <Stack gap="sm">
        <Group grow align="flex-start" gap="sm">
          <TextInput
            label={t('form.name')}
            description={t('form.vethNameHelp')}
            placeholder="vhost0"
            value={values.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            error={errors.name}
            disabled={action.busy}
            data-autofocus
            data-testid="veth-name"
          />
          <TextInput
            label={t('form.peer')}
            description={t('form.peerHelp')}
            placeholder="vpeer0"
            value={values.peer}
            onChange={(e) => change({ peer: e.currentTarget.value })}
            error={errors.peer}
            disabled={action.busy}
            data-testid="veth-peer"
          />
        </Group>
        <Group grow align="flex-start" gap="sm">
          <Select
            label={t('form.onBridge')}
            description={t('form.onBridgeHelp')}
            placeholder={t('form.noBridge')}
            data={bridges}
            value={values.master}
            onChange={(master) => change({ master })}
            clearable
            searchable
            error={errors.master}
            disabled={action.busy}
            data-testid="veth-master"
          />
          <TextInput
            label={t('form.mtu')}
            description={t('form.mtuHelp')}
            placeholder="1500"
            inputMode="numeric"
            value={values.mtu}
            onChange={(e) => change({ mtu: e.currentTarget.value })}
            error={errors.mtu}
            disabled={action.busy}
            data-testid="veth-mtu"
          />
        </Group>
        <FormFooter id="veth" failure={action.failure} errorTitle={t('form.failed')} submitLabel={t('form.vethSubmit')} busy={action.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
