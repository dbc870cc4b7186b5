// Create a named network namespace (`ip netns add`).
import { Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { checkNetnsForm } from './link-forms';
import type { MadeFormProps } from './made-form-props';

export function CreateNetnsForm({ onBusyChange, onCancel, onMade }: MadeFormProps) {
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields({ name: '' }, action.clearError);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const check = checkNetnsForm(values);
    if (check.errors) return setErrors(check.errors);
    const made = await action.run(() => api.invoke('netns.create', check.input));
    if (made) onMade(made);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="netns-form">
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="Shows up in ip netns list and in /run/netns"
          placeholder="lab1"
          value={values.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={errors.name}
          disabled={action.busy}
          data-autofocus
          data-testid="netns-name"
        />
        <FormFooter id="netns" failure={action.failure} errorTitle="Not created" submitLabel="Create namespace" busy={action.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
