// Reads the CLI's port specs, Docker's -p syntax: [hostIp:]hostPort[-end]:containerPort[-end][/proto]
// and, for unpublish, [hostIp:]hostPort[/proto]. Pure; the contract schemas check the values.
export class PortSpecError extends Error {
  override name = 'PortSpecError';
}

const PORT = /^\d{1,5}$/;

function port(text: string, what: string): number {
  if (!PORT.test(text)) throw new PortSpecError(`${what} "${text}" is not a port number`);
  return Number(text);
}

function range(text: string, what: string): [number, number | undefined] {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match) throw new PortSpecError(`${what} "${text}" is not a port or a range like 8000-8010`);
  return [Number(match[1]), match[2] === undefined ? undefined : Number(match[2])];
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

export function parsePublishSpec(spec: string): PublishSpec {
  const [ports, protocol] = splitProtocol(spec.trim());
  const parts = ports.split(':');
  if (parts.length < 2 || parts.length > 3) throw new PortSpecError(`"${spec}" is not [hostIp:]hostPort:containerPort[/tcp|udp]`);
  const [hostIp, hostPart, containerPart] = parts.length === 3 ? parts : ['', ...parts];
  const [hostPort, hostPortEnd] = range(hostPart!, 'host port');
  const [containerPort, containerPortEnd] = range(containerPart!, 'container port');
  return {
    hostIp: hostIp!,
    hostPort,
    ...(hostPortEnd === undefined ? {} : { hostPortEnd }),
    containerPort,
    ...(containerPortEnd === undefined ? {} : { containerPortEnd }),
    ...(protocol === undefined ? {} : { protocol }),
  };
}

export function parseUnpublishSpec(spec: string): { hostIp: string; hostPort: number; protocol?: string } {
  const [ports, protocol] = splitProtocol(spec.trim());
  const parts = ports.split(':');
  if (parts.length > 2) throw new PortSpecError(`"${spec}" is not [hostIp:]hostPort[/tcp|udp]`);
  const [hostIp, hostPart] = parts.length === 2 ? parts : ['', parts[0]];
  return { hostIp: hostIp!, hostPort: port(hostPart ?? '', 'host port'), ...(protocol === undefined ? {} : { protocol }) };
}
