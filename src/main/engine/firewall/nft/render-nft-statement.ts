// Renders one libnftables JSON statement in nft syntax, as `nft list` prints it but without counter
// values (the text is the rule's identity, so it must not change as packets flow). Pure.
import { hintFor, renderExpr } from './render-nft-expr';
import { isRecord, kindOf, numberField, stringField, stringList, type NftValue } from './nft-json-value';

// `nft list` omits these operators: `tcp dport 80`, `ct state established,related`.
const IMPLICIT_OPS = new Set(['==', 'in']);

function matchText(body: unknown): string {
  if (!isRecord(body)) return 'match';
  const op = typeof body.op === 'string' ? body.op : '==';
  const left = renderExpr(body.left);
  const right = renderExpr(body.right, hintFor(body.left));
  // `meta mark & 0xff == 0x2` keeps its `==`, or it would read as a mask only.
  const leftIsBinary = ['&', '|', '^', '<<', '>>'].includes(kindOf(body.left)?.kind ?? '');
  const shownOp = IMPLICIT_OPS.has(op) && !leftIsBinary ? '' : `${op} `;
  return `${left} ${shownOp}${right}`;
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
  const burstText = burst && !(burst === 5 && (!unit || unit === 'packets')) ? ` burst ${burst} ${stringField(body, 'burst_unit') ?? 'packets'}` : '';
  return `limit rate ${over}${rate}${burstText}`;
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
      return typeof body === 'string'
        ? `quota name "${body}"`
        : `quota ${isRecord(body) && body.inv === true ? 'over ' : ''}${numberField(body, 'val') ?? '?'} ${stringField(body, 'val_unit') ?? 'bytes'}`;
    case 'mangle':
      return isRecord(body) ? `${renderExpr(body.key)} set ${renderExpr(body.value, hintFor(body.key))}` : 'mangle';
    case 'vmap':
      return isRecord(body) ? `${renderExpr(body.key)} vmap ${renderExpr(body.data, hintFor(body.key))}` : 'vmap';
    case 'set':
    case 'map':
      return setStatementText(kind, body);
    case 'ct helper':
    case 'ct timeout':
    case 'ct expectation':
      return `${kind} set ${renderExpr(body, { quote: true })}`;
    case 'ct count':
      return `ct count ${isRecord(body) && body.inv === true ? 'over ' : ''}${numberField(body, 'val') ?? '?'}`;
    case 'xt':
      // nft without libxtables prints `xt match "addrtype"`; before 1.0 the JSON held only null.
      return body === null ? 'xt' : `xt ${stringField(body, 'type') ?? ''} "${stringField(body, 'name') ?? '?'}"`;
    case 'queue':
      return ['queue', isRecord(body) && body.num !== undefined ? `num ${renderExpr(body.num)}` : '', stringList(isRecord(body) ? body.flags : null).join(',')]
        .filter((p) => p !== '')
        .join(' ');
    case 'meter':
      return isRecord(body)
        ? `meter ${stringField(body, 'name') ?? '?'} { ${renderExpr(body.key)} ${renderStatement(body.stmt)} }`
        : 'meter';
    case 'dup':
    case 'fwd':
      return isRecord(body)
        ? [kind, body.addr !== undefined ? `to ${renderExpr(body.addr)}` : '', body.dev !== undefined ? `device ${renderExpr(body.dev, { quote: true })}` : '']
            .filter((p) => p !== '')
            .join(' ')
        : kind;
    case 'flow':
      return `flow ${stringField(body, 'op') ?? 'add'} ${stringField(body, 'flowtable') ?? '?'}`;
    default:
      return body === null || body === undefined ? kind : `${kind} ${JSON.stringify(body)}`;
  }
}
