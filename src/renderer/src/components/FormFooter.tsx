// The end of a modal form: the engine's refusal or failure in its words, then Cancel and the submit button.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngineFailure } from '../api/engine-failure';
import { EngineErrorAlert } from './EngineError';

interface Props {
  /** Prefix of the test ids: `${id}-error`, `${id}-cancel`, `${id}-submit`. */
  id: string;
  failure: EngineFailure | null;
  /** "Not created" … (in the window's language: the caller's words). */
  errorTitle: string;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}

export function FormFooter({ id, failure, errorTitle, submitLabel, busy, onCancel }: Props) {
  const { t } = useTranslation('components');
  return (
    <>
      <EngineErrorAlert failure={failure} what={errorTitle} testId={`${id}-error`} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy} data-testid={`${id}-cancel`}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={busy} disabled={busy} data-testid={`${id}-submit`}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
