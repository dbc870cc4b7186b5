// Renders one libnftables JSON statement in nft syntax, as `nft list` prints it but without counter
// values (the text is the rule's identity, so it must not change as packets flow). Pure.
import { hintFor, renderExpr } from './render-nft-expr';
import { isRecord, kindOf, lookupOf, numberField, stringField, stringList, type NftValue } from './nft-json-value';

// `nft list` omits these operators: `tcp dport 80`, `ct state established,related`.
const IMPLICIT_OPS = new Set(['==', 'in']);

function matchText(body: unknown): string {
  if (!isRecord(body)) return 'match';
  const op = typeof body.op === 'string' ? body.op : '==';
  // The left side's hint reaches its immediates too: the mask in `meta mark & 0x000000ff`.
  const hint = hintFor(body.left);
  const left = renderExpr(body.left, hint);
  const right = renderExpr(body.right, hint);
  // `meta mark & 0xff == 0x2` keeps its `==`, or it would read as a mask only.
  const leftIsBinary = ['&', '|', '^', '<<', '>>'].includes(kindOf(body.left)?.kind ?? '');
  const shownOp = IMPLICIT_OPS.has(op) && !leftIsBinary ? '' : `${op} `;
  return `${left} ${shownOp}${right}`.trim();
}

/** `to 172.17.0.2:80`, `to [fd00::2]:80`, `to :22`, or '' — the part of a NAT statement after its keyword. */
export function natDestinationText(body: unknown): string {
  if (!isRecord(body)) return '';
  const addr = body.addr === undefined || body.addr === null ? '' : renderExpr(body.addr);
  const port = body.port === undefined || body.port === null ? '' : renderExpr(body.port);
  if (addr === '' && port === '') return '';
  if (port === '') return `to ${addr}`;
  const bracketed = addr.includes(':') && !addr.includes(' ') ? `[${addr}]` : addr;
  return `to ${bracketed}:${port}`;
}

/** Everything a NAT statement says after `dnat`/`snat`/`masquerade`/`redirect` and its family. */
export function natArgsText(body: unknown): string {
  const flags = stringList(isRecord(body) ? body.flags : null).join(',');
  return [natDestinationText(body), flags].filter((p) => p !== '').join(' ');
}

function natText(kind: string, body: unknown): string {
  const family = stringField(body, 'family');
  const typeFlags = stringList(isRecord(body) ? body.type_flags : null).join(' ');
  return [kind, family, typeFlags, natArgsText(body)].filter((p) => p !== null && p !== '').join(' ');
}

export function rejectArgsText(body: unknown): string {
  const type = stringField(body, 'type');
  const code = isRecord(body) && body.expr !== undefined ? renderExpr(body.expr) : '';
  // Plain `reject` is listed with its default reply spelled out; print it as written.
  if (type === null || (code === 'port-unreachable' && ['icmpx', 'icmp', 'icmpv6'].includes(type))) return '';
  return `with ${[type, code].filter((p) => p !== '').join(' ')}`;
}

function logText(body: unknown): string {
  const parts = ['log'];
  const prefix = stringField(body, 'prefix');
  if (prefix !== null) parts.push(`prefix "${prefix}"`);
  for (const field of ['group', 'snaplen', 'queue-threshold', 'level']) {
    const value = isRecord(body) ? body[field] : undefined;
    if (typeof value === 'string' || typeof value === 'number') parts.push(`${field} ${value}`);
  }
  const flags = stringList(isRecord(body) ? body.flags : null);
  if (flags.length > 0) parts.push(`flags ${flags.join(',')}`);
  return parts.join(' ');
}

function limitText(body: unknown): string {
  if (typeof body === 'string') return `limit name "${body}"`;
  const over = isRecord(body) && body.inv === true ? 'over ' : '';
  const unit = stringField(body, 'rate_unit');
  const rate = `${numberField(body, 'rate') ?? '?'}${unit && unit !== 'packets' ? ` ${unit}` : ''}/${stringField(body, 'per') ?? 'second'}`;
  const burst = numberField(body, 'burst');
  // nft does not print the default burst of 5 packets.
  const defaultBurst = burst === 5 && (!unit || unit === 'packets');
  const burstText = burst && !defaultBurst ? ` burst ${burst} ${stringField(body, 'burst_unit') ?? 'packets'}` : '';
  return `limit rate ${over}${rate}${burstText}`;
}

function quotaText(body: unknown): string {
  if (typeof body === 'string') return `quota name "${body}"`;
  const over = isRecord(body) && body.inv === true ? 'over ' : '';
  return `quota ${over}${numberField(body, 'val') ?? '?'} ${stringField(body, 'val_unit') ?? 'bytes'}`;
}

const joinPresent = (parts: string[]) => parts.filter((p) => p !== '').join(' ');

function queueText(body: unknown): string {
  if (!isRecord(body)) return 'queue';
  return joinPresent(['queue', body.num !== undefined ? `num ${renderExpr(body.num)}` : '', stringList(body.flags).join(',')]);
}

/** `dup to 10.0.0.1 device "eth1"`, `fwd to "eth1"`. */
function sendText(kind: string, body: unknown): string {
  if (!isRecord(body)) return kind;
  const to = body.addr !== undefined ? `to ${renderExpr(body.addr)}` : '';
  return joinPresent([kind, to, body.dev !== undefined ? `${to === '' ? 'to' : 'device'} ${renderExpr(body.dev, { quote: true })}` : '']);
}

function vmapText(body: unknown): string {
  const lookup = lookupOf(body);
  return lookup ? `${renderExpr(lookup.key)} vmap ${renderExpr(lookup.data, hintFor(lookup.key))}` : 'vmap';
}

function counterText(body: unknown): string {
  return typeof body === 'string' ? `counter name "${body}"` : 'counter';
}

function setStatementText(kind: string, body: unknown): string {
  const op = stringField(body, 'op') ?? 'add';
  const target = stringField(body, kind) ?? stringField(body, 'set') ?? '?';
  const elem = isRecord(body) ? renderExpr(body.elem) : '';
  return `${op} ${target.startsWith('@') ? target : `@${target}`} { ${elem} }`;
}

/** One statement as nft prints it; unknown statements show their kind and raw JSON. */
export function renderStatement(stmt: NftValue): string {
  const k = kindOf(stmt);
  if (!k) return JSON.stringify(stmt);
  const { kind, body } = k;
  switch (kind) {
    case 'match':
      return matchText(body);
    case 'counter':
      return counterText(body);
    case 'accept':
    case 'drop':
    case 'continue':
    case 'return':
    case 'notrack':
      return kind;
    case 'jump':
    case 'goto':
      return renderExpr(stmt);
    case 'dnat':
    case 'snat':
    case 'masquerade':
    case 'redirect':
      return natText(kind, body);
    case 'reject':
      return ['reject', rejectArgsText(body)].filter((p) => p !== '').join(' ');
    case 'log':
      return logText(body);
    case 'limit':
      return limitText(body);
    case 'quota':
      return quotaText(body);
    case 'mangle':
      return isRecord(body) ? `${renderExpr(body.key)} set ${renderExpr(body.value, hintFor(body.key))}` : 'mangle';
    case 'vmap':
      return vmapText(body);
    case 'set':
      return setStatementText(kind, body);
    case 'map':
      // nftables 0.9.0 printed a verdict-map lookup as a `map` statement with `left` and `right`.
      return isRecord(body) && 'left' in body ? vmapText(body) : setStatementText(kind, body);
    case 'ct helper':
    case 'ct timeout':
    case 'ct expectation':
      return `${kind} set ${renderExpr(body, { quote: true })}`;
    case 'ct count':
      return `ct count ${isRecord(body) && body.inv === true ? 'over ' : ''}${numberField(body, 'val') ?? '?'}`;
    case 'xt':
      // iptables-nft's compat expression: `xt match "addrtype"`; older nft prints only `"xt": null`.
      return body === null ? 'xt' : `xt ${stringField(body, 'type') ?? ''} "${stringField(body, 'name') ?? '?'}"`;
    case 'queue':
      return queueText(body);
    case 'meter':
      return isRecord(body)
        ? `meter ${stringField(body, 'name') ?? '?'} { ${renderExpr(body.key)} ${renderStatement(body.stmt)} }`
        : 'meter';
    case 'dup':
    case 'fwd':
      return sendText(kind, body);
    case 'flow':
      return `flow ${stringField(body, 'op') ?? 'add'} ${stringField(body, 'flowtable') ?? '?'}`;
    default:
      return body === null || body === undefined ? kind : `${kind} ${JSON.stringify(body)}`;
  }
}
