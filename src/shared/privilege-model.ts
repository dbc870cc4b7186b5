// Whether Bridgeport has administrator rights, as every face shows it. Pure: no Node, no DOM.
import { z } from 'zod';
import { messageSchema } from './message';

/**
 * - root: this process is root (sudo, a root service);
 * - elevated: the privileged helper runs (the prompt was answered);
 * - not-elevated: not yet asked (or the helper went away); asking may work;
 * - declined: the last prompt was dismissed or refused;
 * - unavailable: asking cannot work here (no pkexec, no polkit agent, a development checkout without the opt-in, a server started without --elevate).
 */
export const privilegeStates = ['root', 'elevated', 'not-elevated', 'declined', 'unavailable'] as const;
export type PrivilegeStateName = (typeof privilegeStates)[number];

export const privilegeStateSchema = z.object({
  state: z.enum(privilegeStates),
  /** Why not (declined, unavailable, a helper that did not start); null when there is nothing to say. */
  reason: z.string().nullable(),
  /** The reason as a message (engine-errors), when it was said as one: the window translates it. */
  reasonMessage: messageSchema.optional(),
});
export type PrivilegeState = z.infer<typeof privilegeStateSchema>;

/** The privileged reads are at hand: root in-process, or the helper running. */
export function isPrivilegedState(state: PrivilegeState): boolean {
  return state.state === 'root' || state.state === 'elevated';
}
