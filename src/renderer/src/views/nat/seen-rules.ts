// The rules the user saw when last leaving the NAT view, kept in localStorage, so the next visit can
// say what was added or removed meanwhile. Ids are hashes, so each keeps a few words to name it
// once it is gone.
import type { FirewallRule } from '../../../../shared/firewall-model';
import { messageSchema, type Message } from '../../../../shared/message';

export const SEEN_KEY = 'bridgeport.nat.seen';

export interface SeenRule {
  /** "nat DOCKER" */
  where: string;
  explain: string;
  spec: string;
  /** The explanation as a message, so it is said in the window's language (absent in older stores). */
  explainMessage?: Message;
}

export type SeenRules = ReadonlyMap<string, SeenRule>;

export function seenOf(rules: readonly FirewallRule[]): SeenRules {
  return new Map(rules.map((r) => [r.id, { where: `${r.table} ${r.chain}`, explain: r.explain, spec: r.spec.slice(0, 200), ...(r.explainMessage ? { explainMessage: r.explainMessage } : {}) }]));
}

/** null when the user never looked (or the stored value is unreadable). */
export function loadSeen(storage: Storage): SeenRules | null {
  try {
    const raw = storage.getItem(SEEN_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as { rules?: Record<string, [string, string, string, unknown?]> };
    if (!stored.rules || typeof stored.rules !== 'object') return null;
    return new Map(
      Object.entries(stored.rules).map(([id, [where, explain, spec, said]]) => {
        const explainMessage = messageSchema.safeParse(said);
        return [id, { where, explain, spec, ...(explainMessage.success ? { explainMessage: explainMessage.data } : {}) }];
      }),
    );
  } catch {
    return null;
  }
}

export function saveSeen(storage: Storage, seen: SeenRules): void {
  const rules = Object.fromEntries([...seen].map(([id, r]) => [id, r.explainMessage ? [r.where, r.explain, r.spec, r.explainMessage] : [r.where, r.explain, r.spec]]));
  try {
    storage.setItem(SEEN_KEY, JSON.stringify({ version: 1, rules }));
  } catch {
    // Storage full or disabled: the next visit just highlights nothing.
  }
}

export interface SeenDiff {
  added: ReadonlySet<string>;
  removed: Array<{ id: string } & SeenRule>;
}

export function diffSeen(seen: SeenRules, rules: readonly FirewallRule[]): SeenDiff {
  const now = new Set(rules.map((r) => r.id));
  return {
    added: new Set([...now].filter((id) => !seen.has(id))),
    removed: [...seen].filter(([id]) => !now.has(id)).map(([id, r]) => ({ id, ...r })),
  };
}
