// A failed engine call, shown by its kind (describeFailure): a refusal in orange ("nothing was
// changed"), missing rights in yellow with what to do, a failure in red; the engine's sentence verbatim.
import { Alert, Text } from '@mantine/core';
import { face } from '../api/api';
import { describeFailure, type EngineFailure } from '../api/engine-failure';

/** One line beside a button or in a popover. */
export function EngineErrorText({ failure, testId }: { failure: EngineFailure | null; testId: string }) {
  if (!failure) return null;
  const view = describeFailure(failure, face);
  return (
    <Text size="xs" c={view.textColor} data-testid={testId} data-kind={view.kind}>
      {view.line}
      {view.hint && (
        <Text span inherit c="dimmed">
          {' '}
          {view.hint}
        </Text>
      )}
    </Text>
  );
}

interface AlertProps {
  failure: EngineFailure | null;
  testId: string;
  /** What did not happen ("Not created"), in the title. */
  what?: string;
  onClose?: () => void;
}

/** An alert in a form or a view. */
export function EngineErrorAlert({ failure, testId, what, onClose }: AlertProps) {
  if (!failure) return null;
  const view = describeFailure(failure, face, what);
  return (
    <Alert color={view.color} title={view.title} withCloseButton={onClose !== undefined} onClose={onClose} data-testid={testId} data-kind={view.kind}>
      {view.message}
      {view.hint && (
        <Text size="xs" mt={4}>
          {view.hint}
        </Text>
      )}
    </Alert>
  );
}
