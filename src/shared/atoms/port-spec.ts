// The one grammar of port specs. The CLI takes Docker's -p syntax,
//   publish:   [hostIp:]hostPort[-end]:containerPort[-end][/proto]
//   unpublish: [hostIp:]hostPort[/proto]
// and the publish form takes one port or range per field. Both read a port range the same way:
// 1 to 5 ASCII digits, or two of them joined by a dash ("8000-8010"), as Docker reads -p; a form
// field also forgives spaces around the dash ("8000 - 8010"), which a shell argument never has. Pure.
//
// Reading is syntax only: whether the numbers make a mapping (1–65535, in order, at most MAX_RANGE,
// the same length on both sides) is the contract's to say (publish-model). checkPortRange applies
// the same rules to one range early, for a form that says what is wrong per field.
import { MAX_RANGE, PORT_MAX, PORT_MIN } from './ports';

export class PortSpecError extends Error {
  override name = 'PortSpecError';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
}

/** One port: 1 to 5 digits (the largest port, 65535, has five). */
const PORT = /^\d{1,5}$/;
/** A port, or a range: two ports joined by a dash. */
const RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** A port range as written: `end` only when a dash and an end were written. */
export interface PortRangeText {
  start: number;
  end?: number;
}

/** A port or a range by the grammar above; null when the text is neither. No value checks. */
export function readPortRange(text: string): PortRangeText | null {
  const match = RANGE.exec(text);
  if (!match) return null;
  return { start: Number(match[1]), ...(match[2] === undefined ? {} : { end: Number(match[2]) }) };
}

export interface PortRange {
  start: number;
  end: number;
}

export type PortRangeProblem = 'empty' | 'not-a-port' | 'out-of-range' | 'backwards' | 'too-long';

/**
 * One port or range typed in a field (trimmed, spaces around the dash dropped), checked as the contract will: each port
 * 1–65535, the end not before the start, at most MAX_RANGE ports. A single port is start = end.
 */
export function checkPortRange(text: string): PortRange | PortRangeProblem {
  // Typed by a person: spaces around the dash are forgiven here (not in a -p spec).
  const trimmed = text.trim().replace(/\s*-\s*/, '-');
  if (!trimmed) return 'empty';
  const read = readPortRange(trimmed);
  if (!read) return 'not-a-port';
  const { start, end = start } = read;
  if ([start, end].some((p) => p < PORT_MIN || p > PORT_MAX)) return 'out-of-range';
  if (end < start) return 'backwards';
  if (end - start + 1 > MAX_RANGE) return 'too-long';
  return { start, end };
}

function port(text: string, what: string): number {
  if (!PORT.test(text)) throw new PortSpecError(`${what} "${text}" is not a port number`);
  return Number(text);
}

function range(text: string, what: string): PortRangeText {
  const read = readPortRange(text);
  if (!read) throw new PortSpecError(`${what} "${text}" is not a port or a range like 8000-8010`);
  return read;
}

function splitProtocol(spec: string): [string, string | undefined] {
  const slash = spec.lastIndexOf('/');
  if (slash < 0) return [spec, undefined];
  return [spec.slice(0, slash), spec.slice(slash + 1)];
}

export interface PublishSpec {
  hostIp: string;
  hostPort: number;
  hostPortEnd?: number;
  containerPort: number;
  containerPortEnd?: number;
  protocol?: string;
}

export interface UnpublishSpec {
  hostIp: string;
  hostPort: number;
  protocol?: string;
}

/** `[hostIp:]hostPort[-end]:containerPort[-end][/proto]`; throws a PortSpecError naming the bad part. */
export function parsePublishSpec(spec: string): PublishSpec {
  const [ports, protocol] = splitProtocol(spec.trim());
  const parts = ports.split(':');
  if (parts.length < 2 || parts.length > 3) throw new PortSpecError(`"${spec}" is not [hostIp:]hostPort:containerPort[/tcp|udp]`);
  const [hostIp, hostPart, containerPart] = parts.length === 3 ? parts : ['', ...parts];
  const host = range(hostPart!, 'host port');
  const container = range(containerPart!, 'container port');
  return {
    hostIp: hostIp!,
    hostPort: host.start,
    ...(host.end === undefined ? {} : { hostPortEnd: host.end }),
    containerPort: container.start,
    ...(container.end === undefined ? {} : { containerPortEnd: container.end }),
    ...(protocol === undefined ? {} : { protocol }),
  };
}

/** `[hostIp:]hostPort[/proto]`; throws a PortSpecError naming the bad part. */
export function parseUnpublishSpec(spec: string): UnpublishSpec {
  const [ports, protocol] = splitProtocol(spec.trim());
  const parts = ports.split(':');
  if (parts.length > 2) throw new PortSpecError(`"${spec}" is not [hostIp:]hostPort[/tcp|udp]`);
  const [hostIp, hostPart] = parts.length === 2 ? parts : ['', parts[0]];
  return { hostIp: hostIp!, hostPort: port(hostPart ?? '', 'host port'), ...(protocol === undefined ? {} : { protocol }) };
}
