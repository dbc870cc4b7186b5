// Parses `nft -j list tables` or `nft -j list chains` into family/name pairs. Pure.
import { z } from 'zod';

export interface NftTable {
  family: string;
  name: string;
}

const listingSchema = z.looseObject({
  nftables: z.array(
    z.looseObject({
      table: z.looseObject({ family: z.string(), name: z.string() }).optional(),
      chain: z.looseObject({ family: z.string(), table: z.string() }).optional(),
    }),
  ),
});

/**
 * The tables named in a listing, once each, in order. A chain listing names every table that has a
 * chain, which is every table that can hold a rule (tables without chains are left out).
 */
export function parseNftTables(jsonText: string): NftTable[] {
  if (jsonText.trim() === '') return [];
  const seen = new Set<string>();
  const tables: NftTable[] = [];
  for (const entry of listingSchema.parse(JSON.parse(jsonText)).nftables) {
    const table = entry.table ? { family: entry.table.family, name: entry.table.name } : entry.chain ? { family: entry.chain.family, name: entry.chain.table } : null;
    const key = table ? `${table.family} ${table.name}` : '';
    if (table && !seen.has(key)) {
      seen.add(key);
      tables.push(table);
    }
  }
  return tables;
}
