// Why a view is partial without the privileged executor (a user's CLI, the app before it elevated):
// one message for every view that says so (catalogue engine-common), its English beside it. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message } from '../../../shared/message';

export const NO_PRIVILEGE_MESSAGE = message('engine-common:needsRoot');

/** The same in English, for the CLI, --json and logs. */
export const NO_PRIVILEGE = inEnglish(NO_PRIVILEGE_MESSAGE);
