// The Bridgeport events section: the latest first, each with a colour for its kind. Pure.
import type { PortEvent } from '../../../../shared/publish-model';

export const SHOWN_EVENTS = 8;

export const eventColors: Record<PortEvent['kind'], string> = {
  published: 'teal',
  restored: 'blue',
  unpublished: 'gray',
  removed: 'orange',
  refused: 'yellow',
  failed: 'red',
};

/** The engine lists events oldest first; the view shows the newest `count`, newest first. */
export function latestEvents(events: readonly PortEvent[], count = SHOWN_EVENTS): PortEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.index - a.index)
    .slice(0, count)
    .map(({ event }) => event);
}

/** "14:03:12" today, "12 Mar 14:03" before; in the window's `locale` (the system's when not given). */
export function eventTime(at: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${time}`;
}
