// How a failed engine call is shown: what kind of "no" it was (src/shared/errors.ts), said so in
// words and colour, with the engine's own sentence kept verbatim after it. Pure.
import { errorKindOf, type ErrorKind } from '../../../shared/errors';
import { engineMessage } from '../views/publish/engine-message';

/** A failed call as a view keeps it. */
export interface EngineFailure {
  kind: ErrorKind;
  /** The engine's sentence, capitalized (engineMessage). */
  message: string;
}

/** Which face the window talks through: the hint for missing rights differs. */
export type Face = 'desktop' | 'browser';

export interface FailureView {
  kind: ErrorKind;
  /** Mantine colour of an Alert. */
  color: string;
  /** Mantine colour of a line of text (readable on the page background). */
  textColor: string;
  /** "Refused — nothing was changed", or with what did not happen: "Not created — refused, nothing was changed". */
  title: string;
  message: string;
  /** One line: "Refused — nothing was changed: <message>". */
  line: string;
  /** What to do about it, for missing rights; null otherwise. */
  hint: string | null;
}

export function engineFailure(error: unknown): EngineFailure {
  return { kind: errorKindOf(error), message: engineMessage(error) };
}

const headline: Record<ErrorKind, string> = {
  refused: 'Refused — nothing was changed',
  'needs-privilege': 'Needs administrator rights',
  failed: 'Failed',
};

/** After "Not created — …". */
const afterWhat: Record<ErrorKind, string> = {
  refused: 'refused, nothing was changed',
  'needs-privilege': 'needs administrator rights',
  failed: 'it failed',
};

const color: Record<ErrorKind, string> = { refused: 'orange', 'needs-privilege': 'yellow', failed: 'red' };
const textColor: Record<ErrorKind, string> = { refused: 'orange.8', 'needs-privilege': 'yellow.9', failed: 'red' };

const privilegeHint: Record<Face, string> = {
  desktop: 'Bridgeport asks for the administrator password when a change needs it: try again to be asked again, or run the bridgeport command with sudo.',
  browser: 'This server runs without root: start it with sudo (sudo bridgeport serve) to make this change.',
};

/** `what` names what did not happen ("Not created"), for a form's alert title. */
export function describeFailure(failure: EngineFailure, face: Face = 'desktop', what?: string): FailureView {
  const { kind, message } = failure;
  return {
    kind,
    color: color[kind],
    textColor: textColor[kind],
    title: what ? `${what} — ${afterWhat[kind]}` : headline[kind],
    message,
    line: `${headline[kind]}: ${message}`,
    hint: kind === 'needs-privilege' ? privilegeHint[face] : null,
  };
}
