// The end of a modal form: the engine's refusal in its words, then Cancel and the submit button.
import { Alert, Button, Group } from '@mantine/core';

interface Props {
  /** Prefix of the test ids: `${id}-error`, `${id}-cancel`, `${id}-submit`. */
  id: string;
  error: string | null;
  /** "Not created" … */
  errorTitle: string;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}

export function FormFooter({ id, error, errorTitle, submitLabel, busy, onCancel }: Props) {
  return (
    <>
      {error && (
        <Alert color="red" title={errorTitle} data-testid={`${id}-error`}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy} data-testid={`${id}-cancel`}>
          Cancel
        </Button>
        <Button type="submit" loading={busy} disabled={busy} data-testid={`${id}-submit`}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
