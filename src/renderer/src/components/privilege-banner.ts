// What the read-only banner says for a privilege state: nothing when Bridgeport has the rights;
// otherwise what is missing, why (by kind, like any engine failure) and whether asking can help.
// Its words are catalogue keys (namespace `components`), said in the window's language. Pure.
import type { PrivilegeState } from '../../../shared/privilege-model';
import { isPrivilegedState } from '../../../shared/privilege-model';
import type { EngineFailure } from '../api/engine-failure';
import { engineMessage } from '../views/publish/engine-message';

export interface PrivilegeBannerView {
  state: PrivilegeState['state'];
  /** The title's key: declined prompts say so. */
  titleKey: 'banner.title' | 'banner.titleDeclined';
  /** The body's key: what the read-only window does not show. */
  messageKey: 'banner.message';
  /** Why the rights are not had (shown by kind), or null when nothing went wrong yet. */
  reason: EngineFailure | null;
  /** Asking can help: declined or not yet asked. Not when it cannot work here. */
  canElevate: boolean;
}

/** null: nothing to show (root or elevated). Before the first answer nothing is shown either. */
export function privilegeBanner(state: PrivilegeState | null): PrivilegeBannerView | null {
  if (!state || isPrivilegedState(state)) return null;
  // A dismissed prompt and an impossible one are missing rights; a helper that did not start failed.
  const kind = state.state === 'not-elevated' ? 'failed' : 'needs-privilege';
  return {
    state: state.state,
    titleKey: state.state === 'declined' ? 'banner.titleDeclined' : 'banner.title',
    messageKey: 'banner.message',
    reason: state.reason ? { kind, message: engineMessage(state.reason), ...(state.reasonMessage ? { said: state.reasonMessage } : {}) } : null,
    canElevate: state.state !== 'unavailable',
  };
}
