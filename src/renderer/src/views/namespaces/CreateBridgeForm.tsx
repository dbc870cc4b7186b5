// Create a bridge in the host namespace, with an MTU and an address if wanted.
import { Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { checkBridgeForm, type BridgeFormValues } from './link-forms';
import { sayWith } from '../../i18n/say';
import type { MadeFormProps } from './made-form-props';

export function CreateBridgeForm({ onBusyChange, onCancel, onMade }: MadeFormProps) {
  const { t } = useTranslation('namespaces');
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields<BridgeFormValues>({ name: '', mtu: '', address: '' }, action.clearError);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const check = checkBridgeForm(values, sayWith(t));
    if (check.errors) return setErrors(check.errors);
    const made = await action.run(() => api.invoke('links.createBridge', check.input));
    if (made) onMade(made);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="bridge-form">
      <Stack gap="sm">
        <TextInput
          label={t('form.name')}
          description={t('form.bridgeNameHelp')}
          placeholder="br-lab0"
          value={values.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={errors.name}
          disabled={action.busy}
          data-autofocus
          data-testid="bridge-name"
        />
        <Group grow align="flex-start" gap="sm">
          <TextInput
            label={t('form.address')}
            description={t('form.addressHelp')}
            placeholder="10.88.0.1/24"
            value={values.address}
            onChange={(e) => change({ address: e.currentTarget.value })}
            error={errors.address}
            disabled={action.busy}
            data-testid="bridge-address"
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
            data-testid="bridge-mtu"
          />
        </Group>
        <FormFooter id="bridge" failure={action.failure} errorTitle={t('form.failed')} submitLabel={t('form.bridgeSubmit')} busy={action.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
