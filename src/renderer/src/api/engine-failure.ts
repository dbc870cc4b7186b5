// How a failed engine call is shown: what kind of "no" it was (src/shared/errors.ts), said so in
// colour and in the window's words (catalogue `components`, keys failure.*), with the engine's own
// sentence after it: translated when the engine said it as a message, else verbatim. Pure.
import { errorKindOf, saidOf, type ErrorKind } from '../../../shared/errors';
import type { Message } from '../../../shared/message';
import { engineMessage } from '../views/publish/engine-message';

/** A failed call as a view keeps it. */
export interface EngineFailure {
  kind: ErrorKind;
  /** The engine's sentence, capitalized (engineMessage). */
  message: string;
  /** The same sentence as a message, when the engine said it as one: the window translates it. */
  said?: Message;
}

/** Which face the window talks through: the hint for missing rights differs. */
export type Face = 'desktop' | 'browser';

export interface FailureView {
  kind: ErrorKind;
  /** Mantine colour of an Alert. */
  color: string;
  /** Mantine colour of a line of text (readable on the page background). */
  textColor: string;
  /** The headline alone (`failure.headline.<kind>`), or after what did not happen (`failure.after.<kind>`, with `what`). */
  titleKey: `failure.${'headline' | 'after'}.${ErrorKind}`;
  /** For a one-line view: `failure.headline.<kind>`, then the sentence. */
  headlineKey: `failure.headline.${ErrorKind}`;
  message: string;
  said?: Message;
  /** What to do about it, for missing rights (`failure.hint.<face>`); null otherwise. */
  hintKey: `failure.hint.${Face}` | null;
}

export function engineFailure(error: unknown): EngineFailure {
  const said = saidOf(error);
  return said ? { kind: errorKindOf(error), message: engineMessage(error), said } : { kind: errorKindOf(error), message: engineMessage(error) };
}

const color: Record<ErrorKind, string> = { refused: 'orange', 'needs-privilege': 'yellow', failed: 'red' };
const textColor: Record<ErrorKind, string> = { refused: 'orange.8', 'needs-privilege': 'yellow.9', failed: 'red' };

/** `withWhat`: the title names what did not happen ("Not created"), for a form's alert. */
export function describeFailure(failure: EngineFailure, face: Face = 'desktop', withWhat = false): FailureView {
  const { kind, message, said } = failure;
  return {
    kind,
    color: color[kind],
    textColor: textColor[kind],
    titleKey: withWhat ? `failure.after.${kind}` : `failure.headline.${kind}`,
    headlineKey: `failure.headline.${kind}`,
    message,
    ...(said ? { said } : {}),
    hintKey: kind === 'needs-privilege' ? `failure.hint.${face}` : null,
  };
}
