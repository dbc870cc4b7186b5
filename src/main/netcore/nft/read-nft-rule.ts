// Reads one nft rule (its list of statements) into Bridgeport's rule model: conditions, target,
// NAT destination and counters, plus its one-line nft text. Never throws on unknown statements:
// what it does not model is kept, readable, in match.unparsed. Pure.
import { emptyMatch, type ParsedRule } from '../rules/parsed-rule';
import { isRecord, kindOf, lookupOf, metaKeyOf, numberField, stringField, type NftValue } from './nft-json-value';
import { applyNftMatch } from './read-nft-match';
import { hintFor, renderExpr } from './render-nft-expr';
import { natArgsText, natDestinationText, rejectArgsText, renderStatement } from './render-nft-statement';
import { portNumberOf } from './service-ports';

/** A rule as read, before its place (family, table, chain, position) is known. */
export type NftRuleReading = Omit<ParsedRule, 'family' | 'table' | 'chain' | 'position'>;

/** The readable contents of a named set or map of the rule's table (`@name` → `{ … }`), if listed. */
export type SetContents = (name: string) => string | null;

const VERDICT_TARGETS = new Map([
  ['accept', 'ACCEPT'],
  ['drop', 'DROP'],
  ['return', 'RETURN'],
  ['continue', ''],
]);
const NAT_TARGETS = new Map([
  ['dnat', 'DNAT'],
  ['snat', 'SNAT'],
  ['masquerade', 'MASQUERADE'],
  ['redirect', 'REDIRECT'],
]);
// Statements that act on the packet but do not decide whether the rule matches, named as the
// iptables target that does the same, for rules that have no verdict of their own.
const SIDE_EFFECT_TARGETS = new Map([
  ['log', 'LOG'],
  ['notrack', 'NOTRACK'],
  ['ct helper', 'CT'],
  ['ct timeout', 'CT'],
  ['ct expectation', 'CT'],
  ['set', 'SET'],
  ['map', 'SET'],
  ['dup', 'TEE'],
  ['fwd', 'FWD'],
  ['flow', 'FLOWOFFLOAD'],
  ['secmark', 'SECMARK'],
  ['synproxy', 'SYNPROXY'],
  ['tproxy', 'TPROXY'],
]);

/** `meta mark set …` is iptables' MARK, `ct mark set …` its CONNMARK. */
function mangleTarget(body: unknown): string {
  const key = isRecord(body) ? body.key : null;
  if (metaKeyOf(key) === 'mark') return 'MARK';
  const k = kindOf(key);
  return k?.kind === 'ct' && stringField(k.body, 'key') === 'mark' ? 'CONNMARK' : 'MANGLE';
}

/** Every `@name` a statement refers to. */
export function setReferences(value: NftValue, found: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('@')) found.push(value.slice(1));
  else if (Array.isArray(value)) value.forEach((v) => setReferences(v, found));
  else if (isRecord(value)) Object.values(value).forEach((v) => setReferences(v, found));
  return found;
}

/** The statement's text, followed by the contents of the named sets it looks up, when known. */
function readable(text: string, stmt: NftValue, contents: SetContents): string {
  const known = setReferences(stmt)
    .map((name) => ({ name, elements: contents(name) }))
    .filter((s) => s.elements !== null)
    .map((s) => `@${s.name} = ${s.elements}`);
  return known.length > 0 ? `${text} (${known.join('; ')})` : text;
}

function isPlainNatValue(value: NftValue): boolean {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') {
    return typeof value !== 'string' || !value.startsWith('@');
  }
  const k = kindOf(value);
  return k?.kind === 'range' || k?.kind === 'prefix';
}

/** A port, a port range or a service name (nft 0.9.0's `http`) as numbers. */
function numericPort(port: NftValue): NftValue {
  if (typeof port === 'string') return portNumberOf(port);
  const k = kindOf(port);
  return k?.kind === 'range' && Array.isArray(k.body) ? { range: k.body.map(numericPort) } : port;
}

/** ip:port as iptables prints --to-destination; null when it comes from a map lookup. */
function natToDestination(body: unknown): string | null {
  if (!isRecord(body) || !isPlainNatValue(body.addr) || !isPlainNatValue(body.port)) return null;
  const text = natDestinationText({ ...body, port: numericPort(body.port) });
  return text === '' ? null : text.slice('to '.length);
}

function natIsLookup(body: unknown): boolean {
  return isRecord(body) && (!isPlainNatValue(body.addr) || !isPlainNatValue(body.port));
}

function redirectPort(body: unknown): string | null {
  if (!isRecord(body) || body.port === undefined || !isPlainNatValue(body.port)) return null;
  return renderExpr(numericPort(body.port));
}

/** `vmap`, or the `map` statement with `left`/`right` that nftables 0.9.0 printed for one. */
function isVerdictMap(kind: string, body: unknown): boolean {
  return kind === 'vmap' || (kind === 'map' && isRecord(body) && 'left' in body && 'right' in body);
}

export function readNftRule(statements: readonly NftValue[], comment: string | null, contents: SetContents): NftRuleReading {
  const match = emptyMatch();
  match.comment = comment;
  const texts: string[] = [];
  let verdict: { target: string; args: string; to: string | null } | null = null;
  let sideEffect: { target: string; args: string } | null = null;
  let counters: { packets: number; bytes: number } | null = null;

  for (const stmt of statements) {
    const text = renderStatement(stmt);
    texts.push(text);
    const k = kindOf(stmt);
    const kind = k?.kind ?? '';
    const body = k?.body;
    if (kind === 'counter') {
      // A named counter (`counter name "x"`) is read elsewhere; this rule then counts 0.
      if (counters === null && isRecord(body)) {
        counters = { packets: numberField(body, 'packets') ?? 0, bytes: numberField(body, 'bytes') ?? 0 };
      }
    } else if (kind === 'match') {
      if (!applyNftMatch(match, body)) match.unparsed.push(readable(text, stmt, contents));
    } else if (VERDICT_TARGETS.has(kind)) {
      verdict = { target: VERDICT_TARGETS.get(kind)!, args: '', to: null };
    } else if (kind === 'jump' || kind === 'goto') {
      const chain = typeof body === 'string' ? body : (stringField(body, 'target') ?? '');
      verdict = { target: chain, args: '', to: null };
    } else if (NAT_TARGETS.has(kind)) {
      const to = kind === 'dnat' || kind === 'snat' ? natToDestination(body) : redirectPort(body);
      verdict = { target: NAT_TARGETS.get(kind)!, args: natArgsText(body), to };
      // `dnat to tcp dport map @ports` only translates the keys its map holds.
      if (natIsLookup(body)) match.unparsed.push(readable(text, stmt, contents));
    } else if (kind === 'reject') {
      verdict = { target: 'REJECT', args: rejectArgsText(body), to: null };
    } else if (kind === 'queue') {
      verdict = { target: 'NFQUEUE', args: text.slice('queue'.length).trim(), to: null };
    } else if (isVerdictMap(kind, body)) {
      // A verdict chosen by the map: the rule only decides for the keys the map holds.
      const lookup = lookupOf(body);
      const data = lookup?.data;
      const name = typeof data === 'string' && data.startsWith('@') ? data.slice(1) : null;
      const elements = name ? (contents(name) ?? `@${name}`) : renderExpr(data, hintFor(lookup?.key));
      verdict = { target: 'VMAP', args: elements, to: null };
      match.unparsed.push(text);
    } else if (kind === 'xt' && stringField(body, 'type') === 'target') {
      // iptables-nft's untranslated target (DNAT, MASQUERADE …): its options are not in the JSON.
      verdict = { target: stringField(body, 'name') ?? 'xt', args: '', to: null };
    } else if (kind === 'mangle') {
      sideEffect ??= { target: mangleTarget(body), args: text };
    } else if (SIDE_EFFECT_TARGETS.has(kind)) {
      sideEffect ??= { target: SIDE_EFFECT_TARGETS.get(kind)!, args: text };
    } else {
      // Conditions Bridgeport does not model (limit, quota, ct count, meter, xt match …) and
      // statements it does not know: the rule is never assumed to match.
      match.unparsed.push(readable(text, stmt, contents));
    }
  }
  if (comment !== null) texts.push(`comment "${comment}"`);
  return {
    spec: texts.join(' '),
    target: verdict?.target ?? sideEffect?.target ?? '',
    targetArgs: verdict?.args ?? sideEffect?.args ?? '',
    toDestination: verdict?.to ?? null,
    match,
    packets: counters?.packets ?? 0,
    bytes: counters?.bytes ?? 0,
  };
}
