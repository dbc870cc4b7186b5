// Ties each remembered mapping to its container as it is now: IP, bridge and subnet of the chosen
// network (they change when a container restarts). Pure.
import type { Container, Network } from '../../../shared/model';
import type { Mapping, MappingStatus } from '../../../shared/publish-model';
import type { ResolvedMapping } from '../../privileged/contract/resolved-mapping';
import { inEnglish } from '../../../shared/i18n/english';
import type { Message } from '../../../shared/message';
import { detail as said } from './port-messages';

export interface Resolution {
  /** Running containers: what the rules are made of. */
  resolved: ResolvedMapping[];
  /** Every mapping whose container still exists, with its state. */
  statuses: MappingStatus[];
  /** Mappings whose container no longer exists. */
  gone: Mapping[];
}

const withoutLength = (cidr: string) => cidr.replace(/\/\d+$/, '');
const isIpv4 = (cidr: string) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(cidr);

function waiting(m: Mapping, container: Container, detail: Message): MappingStatus {
  return { ...m, container: { id: container.id, name: container.name }, state: 'waiting', containerIp: null, bridge: null, detail: inEnglish(detail), detailMessage: detail };
}

function resolveOne(m: Mapping, container: Container, networks: readonly Network[]): { status: MappingStatus; resolved: ResolvedMapping | null } {
  if (container.pid === null) return { status: waiting(m, container, said.notRunning(container.name, container.state)), resolved: null };
  const endpoint = container.endpoints.find((e) => e.network === m.network);
  const network = networks.find((n) => n.name === m.network);
  const subnet = network?.subnets.find((s) => isIpv4(s.subnet))?.subnet;
  if (!endpoint?.ip || !isIpv4(endpoint.ip)) return { status: waiting(m, container, said.notConnected(container.name, m.network)), resolved: null };
  if (!network?.bridge || !subnet) return { status: waiting(m, container, said.notBridge(m.network)), resolved: null };
  const containerIp = withoutLength(endpoint.ip);
  const resolved: ResolvedMapping = {
    id: m.id,
    protocol: m.protocol,
    hostIp: m.hostIp,
    hostPort: m.hostPort,
    hostPortEnd: m.hostPortEnd,
    containerPort: m.containerPort,
    containerPortEnd: m.containerPortEnd,
    containerIp,
    containerPid: container.pid,
    bridge: network.bridge,
    subnet,
  };
  const status: MappingStatus = { ...m, container: { id: container.id, name: container.name }, state: 'active', containerIp, bridge: network.bridge, detail: null };
  return { status, resolved };
}

export function resolveMappings(mappings: readonly Mapping[], containers: readonly Container[], networks: readonly Network[]): Resolution {
  const result: Resolution = { resolved: [], statuses: [], gone: [] };
  for (const m of mappings) {
    const container = containers.find((c) => c.id === m.container.id);
    if (!container) {
      result.gone.push(m);
      continue;
    }
    const { status, resolved } = resolveOne(m, container, networks);
    result.statuses.push(status);
    if (resolved) result.resolved.push(resolved);
  }
  return result;
}
