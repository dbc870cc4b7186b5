// Recent drops over the ticks: each firewall reading is compared with the one before, and every
// rule or policy that dropped stays listed until it has been quiet for `windowMs`, so a drop seen in
// one tick is still there to see a while later. No I/O: readings and times are handed in.
import type { FirewallRule, NatReport } from '../../../shared/firewall-model';
import type { Snapshot } from '../../../shared/model';
import type { DropEvent, DropsReport } from '../../../shared/traffic-model';
import { dropCountersOf, movedDrops, uncountedDropMessages, type DropCounters } from './drop-events';
import { placementOf, spotOf, type Placement } from './place-drop';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';

const flows = (key: string, params: Record<string, string | number> = {}) => message(`engine-flows:${key}`, params);

/** The rule's explanation (its message from attribute-rules), or a chain policy's own. */
function explanationOf(rule: FirewallRule | null, table: string, chain: string): { explain: string; explainMessage?: Message } {
  if (rule) return rule.explainMessage ? { explain: rule.explain, explainMessage: rule.explainMessage } : { explain: rule.explain };
  const explainMessage = flows('drop.policy', { table, chain });
  return { explain: inEnglish(explainMessage), explainMessage };
}

/** Sentences in English beside their messages. */
const notesOf = (notes: Message[]) => ({ notes: notes.map(inEnglish), notesMessages: notes });

export const DROP_WINDOW_MS = 60_000;
/** Bounds the list whatever the rule set: the busiest are kept. */
const MAX_EVENTS = 200;

export interface FirewallReading {
  report: NatReport;
  /** False: not read (no privilege); the report's warnings say why. */
  readable: boolean;
}

export class DropTracker {
  private previous: DropCounters | null = null;
  private previousAtMs = 0;
  private readonly events = new Map<string, DropEvent & { lastAtMs: number }>();
  private readonly placements = new WeakMap<Snapshot, Placement>();

  constructor(private readonly windowMs = DROP_WINDOW_MS) {}

  update(reading: FirewallReading, snapshot: Snapshot | null, atMs: number): DropsReport {
    if (!reading.readable) {
      // Nothing known: the baseline goes too, so a later read does not call old counts new drops.
      this.previous = null;
      this.events.clear();
      // The reading's own reason (said by the firewall reader), else ours.
      const why = reading.report.warnings[0];
      const saidWhy = reading.report.warningMessages?.[0];
      const notes = why === undefined ? notesOf([flows('drop.unreadable')]) : saidWhy ? notesOf([saidWhy]) : { notes: [why] };
      return { readable: false, ...notes, windowMs: this.windowMs, events: [] };
    }
    // After a long gap (nobody watched) the counters' growth is old news, not this tick's drops.
    if (atMs - this.previousAtMs > this.windowMs) this.previous = null;
    const at = new Date(atMs).toISOString();
    const placement = snapshot ? this.placementOf(snapshot) : null;
    for (const drop of movedDrops(this.previous, reading.report)) {
      const { places, whereMessage } = spotOf(drop.rule, placement);
      const earlier = this.events.get(drop.key);
      this.events.set(drop.key, {
        ruleId: drop.rule?.id ?? null,
        family: drop.family,
        table: drop.table,
        chain: drop.chain,
        spec: drop.spec,
        target: drop.target,
        ...explanationOf(drop.rule, drop.table, drop.chain),
        container: drop.rule?.container ?? null,
        places,
        where: inEnglish(whereMessage),
        whereMessage,
        packets: drop.packets,
        bytes: drop.bytes,
        totalPackets: (earlier?.totalPackets ?? 0) + drop.packets,
        totalBytes: (earlier?.totalBytes ?? 0) + drop.bytes,
        firstAt: earlier?.firstAt ?? at,
        lastAt: at,
        lastAtMs: atMs,
      });
    }
    this.previous = dropCountersOf(reading.report);
    this.previousAtMs = atMs;
    for (const [key, event] of this.events) if (atMs - event.lastAtMs > this.windowMs) this.events.delete(key);
    const events = [...this.events.values()]
      .sort((a, b) => b.lastAtMs - a.lastAtMs || b.totalPackets - a.totalPackets)
      .slice(0, MAX_EVENTS)
      .map(({ lastAtMs: _, ...event }) => event);
    return { readable: true, ...notesOf(uncountedDropMessages(reading.report)), windowMs: this.windowMs, events };
  }

  private placementOf(snapshot: Snapshot): Placement {
    let placement = this.placements.get(snapshot);
    if (!placement) {
      placement = placementOf(snapshot);
      this.placements.set(snapshot, placement);
    }
    return placement;
  }
}
