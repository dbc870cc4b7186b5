// Renders a libnftables JSON expression in nft syntax, close to what `nft list` prints. Pure.
import { isRecord, kindOf, lookupOf, metaKeyOf, numberField, payloadOf, stringField, stringList, type NftValue } from './nft-json-value';

/** How immediates are printed depends on what they are compared with: names are quoted, marks are hex. */
export interface RenderHint {
  quote?: boolean;
  hex?: boolean;
}

// Meta keys nft prints without the `meta` word (`iifname "docker0"`, not `meta iifname …`).
const UNQUALIFIED_META = new Set(['iif', 'oif', 'iifname', 'oifname', 'iifgroup', 'oifgroup']);
// Keys whose values are names and print quoted.
const NAME_KEYS = new Set(['iifname', 'oifname', 'iif', 'oif', 'ibrname', 'obrname', 'ibridgename', 'obridgename', 'sdifname']);
const MARK_KEYS = new Set(['mark']);
const BINARY_OPS = new Set(['&', '|', '^', '<<', '>>']);
const VERDICTS = new Set(['accept', 'drop', 'continue', 'return', 'queue']);

/** The hint for values compared with (or assigned to) `left`. */
export function hintFor(left: NftValue): RenderHint {
  const k = kindOf(left);
  if (!k) return {};
  if (BINARY_OPS.has(k.kind) && Array.isArray(k.body)) return hintFor(k.body[0]);
  const key = k.kind === 'meta' ? metaKeyOf(left) : k.kind === 'ct' ? stringField(k.body, 'key') : null;
  if (key === null) return {};
  return { quote: k.kind === 'meta' && NAME_KEYS.has(key), hex: MARK_KEYS.has(key) };
}

function immediate(value: string | number | boolean, hint: RenderHint): string {
  if (typeof value === 'boolean') return value ? 'exists' : 'missing';
  if (typeof value === 'number') return hint.hex ? `0x${value.toString(16).padStart(8, '0')}` : String(value);
  if (value.startsWith('@') || !hint.quote) return value;
  return `"${value}"`;
}

function setText(body: unknown, hint: RenderHint): string {
  const members = Array.isArray(body) ? body : [body];
  // In maps each member is a [key, value] pair.
  const text = members.map((m) =>
    Array.isArray(m) && m.length === 2 ? `${renderExpr(m[0], hint)} : ${renderExpr(m[1])}` : renderExpr(m, hint),
  );
  return `{ ${text.join(', ')} }`;
}

function fields(body: unknown, ...names: string[]): string {
  return names
    .map((n) => (isRecord(body) && body[n] !== undefined && body[n] !== null ? String(body[n] as string | number) : null))
    .filter((v): v is string => v !== null && v !== '')
    .join(' ');
}

/** An operand of `&`, `|` …, in parentheses when it is itself one: `tcp flags & (syn | ack)`. */
function operandText(operand: NftValue, hint: RenderHint): string {
  const text = renderExpr(operand, hint);
  return BINARY_OPS.has(kindOf(operand)?.kind ?? '') ? `(${text})` : text;
}

function objectText(kind: string, body: unknown, hint: RenderHint): string {
  switch (kind) {
    case 'set':
      return setText(body, hint);
    case 'prefix':
      return `${renderExpr(isRecord(body) ? body.addr : null)}/${numberField(body, 'len') ?? '?'}`;
    case 'range':
      return Array.isArray(body) ? body.map((b) => renderExpr(b, hint)).join('-') : '?';
    case 'concat':
      return Array.isArray(body) ? body.map((b) => renderExpr(b, hint)).join(' . ') : '?';
    case 'payload': {
      const named = payloadOf({ payload: body });
      if (named) return `${named.protocol} ${named.field}`;
      return `@${fields(body, 'base')},${numberField(body, 'offset') ?? 0},${numberField(body, 'len') ?? 0}`;
    }
    case 'meta': {
      const key = typeof body === 'string' ? body : (stringField(body, 'key') ?? '?');
      return UNQUALIFIED_META.has(key) ? key : `meta ${key}`;
    }
    case 'ct':
      return `ct ${fields(body, 'dir', 'family', 'key')}`;
    case 'fib':
      return `fib ${stringList(isRecord(body) ? body.flags : null).join(' . ')} ${stringField(body, 'result') ?? ''}`.trim();
    case 'rt':
      return `rt ${fields(body, 'family', 'key')}`;
    case 'exthdr':
      return `exthdr ${fields(body, 'name', 'field')}`;
    case 'tcp option':
    case 'sctp chunk':
    case 'dccp option':
      return `${kind} ${fields(body, 'name', 'field', 'type')}`;
    case 'socket':
    case 'osf':
    case 'ipsec':
      return `${kind} ${fields(body, 'dir', 'spnum', 'family', 'key')}`;
    case 'numgen':
      return `numgen ${fields(body, 'mode')} mod ${numberField(body, 'mod') ?? '?'}`;
    case 'jhash':
      return `jhash ${renderExpr(isRecord(body) ? body.expr : null)} mod ${numberField(body, 'mod') ?? '?'}`;
    case 'symhash':
      return `symhash mod ${numberField(body, 'mod') ?? '?'}`;
    case 'map': {
      const lookup = lookupOf(body);
      return lookup ? `${renderExpr(lookup.key)} map ${renderExpr(lookup.data, hintFor(lookup.key))}` : 'map';
    }
    case 'elem':
      return renderExpr(isRecord(body) ? body.val : null, hint);
    case 'jump':
    case 'goto':
      return `${kind} ${typeof body === 'string' ? body : (stringField(body, 'target') ?? '?')}`;
    default:
      if (BINARY_OPS.has(kind) && Array.isArray(body)) return body.map((b) => operandText(b, hint)).join(` ${kind} `);
      if (VERDICTS.has(kind) && body === null) return kind;
      return body === null || body === undefined ? kind : `${kind} ${JSON.stringify(body)}`;
  }
}

export function renderExpr(value: NftValue, hint: RenderHint = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return immediate(value, hint);
  // A plain list: flags such as `ct state established,related`.
  if (Array.isArray(value)) return value.map((v) => renderExpr(v, hint)).join(',');
  const k = kindOf(value);
  return k ? objectText(k.kind, k.body, hint) : JSON.stringify(value);
}
