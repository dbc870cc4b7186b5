// What is wrong with an MTU or a Linux interface name typed in a form, in the catalogue's words
// (keys of `networks`, so the Namespaces forms say it the same way). Pure.
import { INTERFACE_NAME_MAX, SAFE_NAME } from '../../../../shared/atoms/names';
import type { Say } from '../../i18n/say';

/** An MTU typed in a field: '' is "leave it", else an integer 68–65535 or a sentence. */
export function mtuOrProblem(text: string, say: Say): number | undefined | string {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!/^\d{1,6}$/.test(trimmed)) return say('networks:problem.mtuNotNumber', { text: trimmed });
  const mtu = Number(trimmed);
  if (mtu < 68 || mtu > 65535) return say('networks:problem.mtuRange');
  return mtu;
}

/** A name the shared schema refused (Docker's names, `ip netns` names): the rule it broke, said in the catalogue's words. */
export function refusedNameProblem(issue: { code: string; maximum?: unknown } | undefined, what: 'network' | 'netns', say: Say): string {
  const rule = issue?.code === 'too_small' ? 'empty' : issue?.code === 'too_big' ? 'long' : 'chars';
  return say(`networks:problem.name.${what}.${rule}`, rule === 'long' ? { max: Number(issue?.maximum) } : {});
}

export type LinkNameRole = 'interface' | 'bridge' | 'peer' | 'inside';

/** Linux interface names: at most 15 characters of letters, digits, _ . and -. */
export function linkNameProblem(text: string, role: LinkNameRole, say: Say): string | null {
  if (!text) return say(`networks:problem.linkName.${role}.empty`);
  if (text.length > INTERFACE_NAME_MAX) return say(`networks:problem.linkName.${role}.long`, { max: INTERFACE_NAME_MAX, length: text.length });
  if (!SAFE_NAME.test(text)) return say(`networks:problem.linkName.${role}.chars`);
  return null;
}
