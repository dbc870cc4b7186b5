// The engine's side of privilege.get / privilege.elevate and the `privilege` topic: what the access
// the face handed over says about administrator rights, asked for on request, and pushed on change.
// After rights arrive (by elevate, or by a write that prompted) the views are read again at once.
import { inEnglish } from '../../../shared/i18n/english';
import { message } from '../../../shared/message';
import type { PrivilegeState } from '../../../shared/privilege-model';
import { isPrivilegedState } from '../../../shared/privilege-model';
import type { PrivilegedAccess } from '../../privileged/contract/operations';

/** Why a face without a prompt of its own (the CLI, `serve` without --elevate) cannot get rights. */
export const NO_ELEVATION_MESSAGE = message('engine-errors:privilege.noElevation');
export const NO_ELEVATION = inEnglish(NO_ELEVATION_MESSAGE);

/** The access's own word, else: a bare factory or root access is root when ready, and cannot ask otherwise. */
export function privilegeStateOf(access: PrivilegedAccess): PrivilegeState {
  if (access.state) return access.state();
  return access.ready() ? { state: 'root', reason: null } : { state: 'unavailable', reason: NO_ELEVATION, reasonMessage: NO_ELEVATION_MESSAGE };
}

export interface PrivilegeStatusDeps {
  access: PrivilegedAccess;
  /** Pushes the state (only a change is news). */
  publish: (state: PrivilegeState) => void;
  /** Reads the views again now that the privileged reads are at hand. */
  refresh: () => Promise<void>;
}

export class PrivilegeStatus {
  private last: PrivilegeState;
  /** The re-read started by the last gain of rights. */
  private refreshing: Promise<void> = Promise.resolve();
  /** The prompt being answered: concurrent calls wait for the same one. */
  private asking: Promise<PrivilegeState> | null = null;

  constructor(private readonly deps: PrivilegeStatusDeps) {
    this.last = privilegeStateOf(deps.access);
  }

  /** The state now (and pushed if it moved since last looked at). */
  get(): PrivilegeState {
    const now = privilegeStateOf(this.deps.access);
    const before = this.last;
    this.last = now;
    if (now.state !== before.state || now.reason !== before.reason) {
      this.deps.publish(now);
      if (isPrivilegedState(now) && !isPrivilegedState(before)) this.refreshing = this.deps.refresh().catch(() => undefined);
    }
    return now;
  }

  /**
   * Asks now (one prompt; concurrent calls share it). A dismissed or impossible prompt is a state,
   * not an error. Resolves once the views were read again with the new rights.
   */
  elevate(): Promise<PrivilegeState> {
    this.asking ??= this.ask().finally(() => (this.asking = null));
    return this.asking;
  }

  private async ask(): Promise<PrivilegeState> {
    const before = this.get();
    if (isPrivilegedState(before)) return before;
    let failure: string | null = null;
    try {
      await (this.deps.access.elevate?.() ?? this.deps.access.executor());
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const after = this.get();
    // The answer comes after the views were read with the new rights.
    if (isPrivilegedState(after)) await this.refreshing;
    // An access that cannot tell (a bare factory) still says why it did not work.
    return !isPrivilegedState(after) && after.reason === null && failure ? { ...after, reason: failure } : after;
  }
}
