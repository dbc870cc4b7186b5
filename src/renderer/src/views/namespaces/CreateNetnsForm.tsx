// Create a named network namespace (`ip netns add`).
import { Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { sayWith } from '../../i18n/say';
import { useFormFields } from '../../components/use-form-fields';
import { checkNetnsForm } from './link-forms';
import type { MadeFormProps } from './made-form-props';

export function CreateNetnsForm({ onBusyChange, onCancel, onMade }: MadeFormProps) {
  const { t } = useTranslation('namespaces');
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields({ name: '' }, action.clearError);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const check = checkNetnsForm(values, sayWith(t));
    if (check.errors) return setErrors(check.errors);
    const made = await action.run(() => api.invoke('netns.create', check.input));
    if (made) onMade(made);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="netns-form">
      <Stack gap="sm">
        <TextInput
          label={t('form.name')}
          description={t('form.netnsNameHelp')}
          placeholder="lab1"
          value={values.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={errors.name}
          disabled={action.busy}
          data-autofocus
          data-testid="netns-name"
        />
        <FormFooter id="netns" failure={action.failure} errorTitle={t('form.failed')} submitLabel={t('form.netnsSubmit')} busy={action.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
