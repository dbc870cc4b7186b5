// A failed engine call, shown by its kind (describeFailure): a refusal in orange ("nothing was
// changed"), missing rights in yellow with what to do, a failure in red; the engine's sentence verbatim.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { face } from '../api/api';
import { describeFailure, type EngineFailure } from '../api/engine-failure';
import { EngineText } from '../i18n/EngineText';

/** The window's words around the engine's sentence, in its language (the English ones are describeFailure's). */
function useFailureWords(failure: EngineFailure, what?: string) {
  const { t } = useTranslation('components');
  const view = describeFailure(failure, face, what);
  return {
    view,
    headline: t(`failure.headline.${failure.kind}`),
    title: what ? t(`failure.after.${failure.kind}`, { what }) : t(`failure.headline.${failure.kind}`),
    hint: view.hint === null ? null : t(`failure.hint.${face}`),
  };
}

/** One line beside a button or in a popover. */
export function EngineErrorText({ failure, testId }: { failure: EngineFailure | null; testId: string }) {
  if (!failure) return null;
  return <FailureLine failure={failure} testId={testId} />;
}

function FailureLine({ failure, testId }: { failure: EngineFailure; testId: string }) {
  const { view, headline, hint } = useFailureWords(failure);
  return (
    <Text size="xs" c={view.textColor} data-testid={testId} data-kind={view.kind}>
      {headline}: <EngineText text={failure.message} />
      {hint && (
        <Text span inherit c="dimmed">
          {' '}
          {hint}
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
  return <FailureAlert failure={failure} testId={testId} what={what} onClose={onClose} />;
}

function FailureAlert({ failure, testId, what, onClose }: AlertProps & { failure: EngineFailure }) {
  const { view, title, hint } = useFailureWords(failure, what);
  return (
    <Alert color={view.color} title={title} withCloseButton={onClose !== undefined} onClose={onClose} data-testid={testId} data-kind={view.kind}>
      <EngineText text={view.message} />
      {hint && (
        <Text size="xs" mt={4}>
          {hint}
        </Text>
      )}
    </Alert>
  );
}
