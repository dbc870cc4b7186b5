// Small guards for walking `nft -j` expressions, whose shape varies by nftables version. Pure.

/** A libnftables JSON value: expressions and statements are plain JSON of many shapes. */
export type NftValue = unknown;

export function isRecord(value: NftValue): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Expressions and statements are objects with one property naming their kind: `{ "payload": {…} }`. */
export function kindOf(value: NftValue): { kind: string; body: unknown } | null {
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const kind = keys[0]!;
  return { kind, body: value[kind] };
}

export function stringField(body: unknown, field: string): string | null {
  if (!isRecord(body)) return null;
  const value = body[field];
  return typeof value === 'string' ? value : null;
}

export function numberField(body: unknown, field: string): number | null {
  if (!isRecord(body)) return null;
  const value = body[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Flags come as one string or a list of strings, depending on the version and their number. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The members of an anonymous set (`{ "set": [...] }`, or a lone member), unwrapping `elem`. */
export function setMembers(value: NftValue): NftValue[] | null {
  const k = kindOf(value);
  if (!k || k.kind !== 'set') return null;
  const members = Array.isArray(k.body) ? k.body : [k.body];
  return members.map(unwrapElem);
}

/** `{ "elem": { "val": X, "comment": … } }` stands for X when only the value matters. */
export function unwrapElem(value: NftValue): NftValue {
  const k = kindOf(value);
  if (k?.kind === 'elem' && isRecord(k.body) && 'val' in k.body) return k.body.val;
  return value;
}

/** Meta keys: `{ "meta": { "key": "iifname" } }`, or `{ "meta": "iifname" }` before nftables 0.9.1. */
export function metaKeyOf(value: NftValue): string | null {
  const k = kindOf(value);
  if (!k || k.kind !== 'meta') return null;
  return typeof k.body === 'string' ? k.body : stringField(k.body, 'key');
}

/** `{ "payload": { "protocol": "tcp", "field": "dport" } }` → { protocol, field }; 0.9.0 says `name`. */
export function payloadOf(value: NftValue): { protocol: string; field: string } | null {
  const k = kindOf(value);
  if (!k || k.kind !== 'payload') return null;
  const protocol = stringField(k.body, 'protocol') ?? stringField(k.body, 'name');
  const field = stringField(k.body, 'field');
  return protocol && field ? { protocol, field } : null;
}

/** A map lookup's key and map: `{ key, data }`, or `{ left, right }` as nftables 0.9.0 printed it. */
export function lookupOf(body: unknown): { key: NftValue; data: NftValue } | null {
  if (!isRecord(body)) return null;
  if ('key' in body && 'data' in body) return { key: body.key, data: body.data };
  if ('left' in body && 'right' in body) return { key: body.left, data: body.right };
  return null;
}

/** Which tables a reading of `nft -j list ruleset` keeps. */
export interface ParseNftOptions {
  /** Keeps only the tables this returns true for, e.g. `(f, n) => !isIptablesNftTable(f, n)`. */
  onlyTables?: (family: string, name: string) => boolean;
}
