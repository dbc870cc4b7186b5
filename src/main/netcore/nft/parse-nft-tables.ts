// Parses `nft -j list tables` into family/name pairs. Pure.
import { z } from 'zod';

export interface NftTable {
  family: string;
  name: string;
}

const listingSchema = z.looseObject({
  nftables: z.array(z.looseObject({ table: z.looseObject({ family: z.string(), name: z.string() }).optional() })),
});

export function parseNftTables(jsonText: string): NftTable[] {
  if (jsonText.trim() === '') return [];
  return listingSchema
    .parse(JSON.parse(jsonText))
    .nftables.flatMap((entry) => (entry.table ? [{ family: entry.table.family, name: entry.table.name }] : []));
}
