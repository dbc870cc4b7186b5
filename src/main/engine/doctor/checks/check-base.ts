// Small shared pieces of the checks: each sentence is a message of the `engine-doctor` catalogue,
// and its English (what the CLI and --json print) is rendered from that message (issue 18). Pure.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { inEnglish } from '../../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';
import { variantName } from '../doctor-context';

export type CheckFunction = (ctx: DoctorContext) => DoctorCheck;

/** A message of the doctor's catalogue (`engine-doctor:<key>`). */
export const say = (key: string, params: Record<string, MessageParam> = {}): Message => message(`engine-doctor:${key}`, params);

/** Data (a path, an address, a rule) or a sentence the doctor quotes as it is, in a list or a sentence. */
export const text = (value: string): Message => message('engine-common:text', { text: value });

/** "a", "a and b", "a, b and c": the items joined by the language's separator and its "and". */
export function list(items: readonly Message[]): Message {
  if (items.length <= 1) return items[0] ?? text('');
  return say('list', { items: items.slice(0, -1), last: items.at(-1)! });
}

/** Sentences one after the other, with a space between. */
export function sentences(items: readonly Message[]): Message {
  if (items.length <= 1) return items[0] ?? text('');
  return say('sentences', { first: items[0]!, then: sentences(items.slice(1)) });
}

/** Clauses joined by "; ". */
export function clauses(items: readonly Message[]): Message {
  if (items.length <= 1) return items[0] ?? text('');
  return say('clauses', { first: items[0]!, then: clauses(items.slice(1)) });
}

/** What a check found, as messages; `check` gives each its English beside it. */
export interface CheckMessages {
  status: DoctorCheck['status'];
  detail: Message;
  lookedAt: readonly Message[];
  fix?: { id: string; label: Message };
}

/** The check as the report carries it: the English texts, and the messages the window translates. */
export function check(id: string, found: CheckMessages): DoctorCheck {
  const title = say(`title.${id}`);
  const result: DoctorCheck = {
    id,
    title: inEnglish(title),
    titleMessage: title,
    status: found.status,
    detail: inEnglish(found.detail),
    detailMessage: found.detail,
    lookedAt: found.lookedAt.map(inEnglish),
    lookedAtMessages: [...found.lookedAt],
  };
  if (found.fix) result.fix = { id: found.fix.id, label: inEnglish(found.fix.label), labelMessage: found.fix.label };
  return result;
}

/** "dockerd's ip-forward setting: --ip-forward=false in …". */
export const daemonSetting = (setting: string, source: Message): Message => say('lookedAt.daemonSetting', { setting, source });

/** What the firewall checks say when the rules could not be read: a warning, never a guess. */
export function firewallUnreadable(id: string, fw: DoctorContext['facts']['firewall'], lookedAt: readonly Message[] = []): DoctorCheck {
  return check(id, {
    status: 'warn',
    detail: say('firewallUnreadable', { reason: fw.readable ? text('') : (fw.reasonMessage ?? text(fw.reason)) }),
    lookedAt: [...lookedAt, say('lookedAt.firewallUnreadable')],
  });
}

type ReadFirewall = Extract<DoctorContext['facts']['firewall'], { readable: true }>;

/** "the IPv4 rules of iptables-nft (iptables-save)", or of the variant in use. */
export function rulesRead(fw: ReadFirewall): Message {
  return say(fw.backend === 'nftables' ? 'rulesRead.withNative' : 'rulesRead.iptables', { variant: variantName(fw.variant) });
}

export function dockerUnreachable(id: string, ctx: DoctorContext, lookedAt: readonly Message[]): DoctorCheck | null {
  const docker = ctx.facts.docker;
  if (docker.available) return null;
  return check(id, { status: 'warn', detail: say('dockerUnreachable', { reason: docker.reasonMessage ?? text(docker.reason) }), lookedAt: [...lookedAt, say('lookedAt.dockerUnreachable')] });
}
