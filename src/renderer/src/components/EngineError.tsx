// A failed engine call, shown by its kind (describeFailure): a refusal in orange ("nothing was
// changed"), missing rights in yellow with what to do, a failure in red; then the engine's sentence,
// in the window's language when the engine said it as a message, else verbatim.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { face } from '../api/api';
import { describeFailure, type EngineFailure } from '../api/engine-failure';
import { EngineText } from '../i18n/EngineText';

/** The window's words around the engine's sentence, in its language. */
function useFailureWords(failure: EngineFailure, what?: string) {
  const { t } = useTranslation('components');
  const view = describeFailure(failure, face, what !== undefined);
  return {
    view,
    headline: t(view.headlineKey),
    title: t(view.titleKey, { what }),
    hint: view.hintKey === null ? null : t(view.hintKey),
  };
}

/** The engine's sentence; English starts with a capital like the untranslated text (engineMessage). */
export function FailureSentence({ failure }: { failure: Pick<EngineFailure, 'message' | 'said'> }) {
  const { i18n } = useTranslation();
  const capital = (said: string) => (i18n.language === 'ko' ? said : said.charAt(0).toUpperCase() + said.slice(1));
  return <EngineText text={failure.message} message={failure.said}>{capital}</EngineText>;
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
      {headline}: <FailureSentence failure={failure} />
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
      <FailureSentence failure={failure} />
      {hint && (
        <Text size="xs" mt={4}>
          {hint}
        </Text>
      )}
    </Alert>
  );
}
