// Parses `ip -j netns list` into names and nsids. Pure: no I/O.
import { z } from 'zod';

const entrySchema = z.looseObject({ name: z.string(), id: z.number().int().optional() });

export interface NetnsEntry {
  name: string;
  /** nsid as seen from the namespace `ip` ran in; null when none is assigned. */
  id: number | null;
}

export function parseNetnsList(jsonText: string): NetnsEntry[] {
  const trimmed = jsonText.trim();
  // `ip -j netns list` prints nothing at all when /run/netns is empty.
  if (trimmed === '') return [];
  return z
    .array(entrySchema)
    .parse(JSON.parse(trimmed))
    .map((e) => ({ name: e.name, id: e.id ?? null }));
}
