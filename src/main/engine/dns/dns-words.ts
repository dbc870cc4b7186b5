// Pieces shared by the DNS sentences (issue 18): a list of servers (or "none"), a resolv.conf in one
// line, and a text field with its message beside it. Pure.
import type { ResolvSettings } from '../../../shared/dns-model';
import { saidOf } from '../../../shared/errors';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../shared/message';

/** "10.0.0.1, 10.0.0.2" (data), or the word "none". */
export const serverList = (servers: readonly string[]): MessageParam => (servers.length > 0 ? servers.join(', ') : message('engine-dns:none'));

/** "198.51.100.53 (search one.lab)" */
export function summaryMessage(settings: ResolvSettings): Message {
  const servers = serverList(settings.nameservers);
  return settings.search.length > 0 ? message('engine-dns:summary.withSearch', { servers, search: settings.search.join(' ') }) : message('engine-dns:summary.servers', { servers });
}

/** A container's note in English, with its message. */
export const noteOf = (m: Message): { note: string; noteMessage: Message } => ({ note: inEnglish(m), noteMessage: m });

/** A timeline entry's sentence in English, with its message. */
export const eventMessage = (m: Message): { message: string; messageMessage: Message } => ({ message: inEnglish(m), messageMessage: m });

/** A view's note as a message parameter: its message, or its English when it came without one. */
export const noteParam = (view: { note: string; noteMessage?: Message | undefined }): MessageParam => view.noteMessage ?? view.note;

/** An error Bridgeport words itself (not a tool's), so the window can say it in its language. */
export class DnsSyncError extends Error {
  constructor(readonly said: Message) {
    super(inEnglish(said));
  }
}

/** An error as a message parameter: Bridgeport's own sentence (any error carrying `said`) as a message, a tool's text as data. */
export const errorParam = (error: unknown): MessageParam => saidOf(error) ?? (error instanceof Error ? error.message : String(error));
