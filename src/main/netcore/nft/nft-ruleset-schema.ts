// Tolerant schemas for the objects of `nft -j list ruleset` that Bridgeport reads. Unknown objects
// and unknown properties are ignored, so newer and older nftables versions parse alike. Pure.
import { z } from 'zod';

const nftDocumentSchema = z.looseObject({ nftables: z.array(z.unknown()) });

/** The `nftables` array of `nft -j` output; throws when the text is not JSON or has none. */
export function readNftDocument(jsonText: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch (error) {
    throw new Error(`nft -j output is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const document = nftDocumentSchema.safeParse(json);
  if (!document.success) throw new Error('nft -j output has no "nftables" array');
  return document.data.nftables;
}

export const nftChainSchema = z.looseObject({
  family: z.string(),
  table: z.string(),
  name: z.string(),
  /** Only base chains have a type, hook, priority and policy. */
  type: z.string().optional().catch(undefined),
  hook: z.string().optional().catch(undefined),
  prio: z.number().optional().catch(undefined),
  dev: z.union([z.string(), z.array(z.string())]).optional().catch(undefined),
  policy: z.string().optional().catch(undefined),
});
export type NftChain = z.infer<typeof nftChainSchema>;

export const nftRuleSchema = z.looseObject({
  family: z.string(),
  table: z.string(),
  chain: z.string(),
  expr: z.array(z.unknown()).catch([]).default([]),
  comment: z.string().optional().catch(undefined),
});
export type NftRule = z.infer<typeof nftRuleSchema>;

/** Named sets and maps: only their elements, to show what `@name` in a rule holds. */
export const nftSetSchema = z.looseObject({
  family: z.string(),
  table: z.string(),
  name: z.string(),
  type: z.union([z.string(), z.array(z.string())]).optional().catch(undefined),
  /** A map's data type (`verdict`, `ipv4_addr` …). */
  map: z.union([z.string(), z.array(z.string())]).optional().catch(undefined),
  flags: z.union([z.string(), z.array(z.string())]).optional().catch(undefined),
  elem: z.array(z.unknown()).catch([]).default([]),
});
export type NftSet = z.infer<typeof nftSetSchema>;
