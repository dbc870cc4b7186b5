// The publish form's values, what is obviously wrong with them (said per field), and the request
// they make. Everything else (conflicts, addresses, container state) is the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { MAX_RANGE } from '../../../../shared/atoms/ports';
import { checkPortRange, type PortRange, type PortRangeProblem } from '../../../../shared/atoms/port-spec';
import type { PublishProtocol } from '../../../../shared/publish-model';
import { ALL_ADDRESSES } from './publish-options';

export type PublishRequestInput = MethodInput<'ports.publish'>;

export interface PublishFormValues {
  container: string | null;
  network: string | null;
  hostIp: string;
  /** "8080" or "8000-8010". */
  hostPorts: string;
  containerPorts: string;
  protocol: PublishProtocol;
}

export type PublishFormErrors = Partial<Record<'container' | 'network' | 'hostPorts' | 'containerPorts', string>>;

export type { PortRange };

export function emptyForm(container: string | null = null, network: string | null = null): PublishFormValues {
  return { container, network, hostIp: ALL_ADDRESSES, hostPorts: '', containerPorts: '', protocol: 'tcp' };
}

const rangeLength = (r: PortRange) => r.end - r.start + 1;
const ports = (n: number) => (n === 1 ? '1 port' : `${n} ports`);

const SAY: Record<PortRangeProblem, (text: string) => string> = {
  empty: () => 'Enter a port, or a range like 8000-8010',
  'not-a-port': (text) => `“${text}” is not a port: write 8080, or a range like 8000-8010`,
  'out-of-range': () => 'Ports go from 1 to 65535',
  backwards: () => 'The range ends before it starts',
  'too-long': () => `A range is at most ${MAX_RANGE} ports`,
};

/** "8080" or "8000-8010" (spaces around the dash allowed; the shared grammar); a sentence when it is not one. */
export function parsePortRange(text: string): PortRange | string {
  const checked = checkPortRange(text);
  return typeof checked === 'string' ? SAY[checked](text.trim()) : checked;
}

export type FormCheck = { request: PublishRequestInput; errors?: undefined } | { request?: undefined; errors: PublishFormErrors };

/**
 * The request the values make, or what to fix. `networks` are the chosen container's bridge
 * networks: the network is sent only when there is a choice (else the engine takes the only one).
 */
export function checkPublishForm(values: PublishFormValues, networks: readonly string[]): FormCheck {
  const errors: PublishFormErrors = {};
  if (!values.container) errors.container = 'Pick a container';
  const several = networks.length > 1;
  if (several && (!values.network || !networks.includes(values.network))) errors.network = 'Pick one of its networks';
  const host = parsePortRange(values.hostPorts);
  const inner = parsePortRange(values.containerPorts);
  if (typeof host === 'string') errors.hostPorts = host;
  if (typeof inner === 'string') errors.containerPorts = inner;
  else if (typeof host !== 'string' && rangeLength(host) !== rangeLength(inner)) {
    errors.containerPorts = `Ports map one to one: the host side has ${ports(rangeLength(host))}, this side ${ports(rangeLength(inner))}`;
  }
  if (Object.keys(errors).length > 0 || typeof host === 'string' || typeof inner === 'string' || !values.container) return { errors };
  return {
    request: {
      container: values.container,
      hostIp: values.hostIp === ALL_ADDRESSES ? '' : values.hostIp,
      hostPort: host.start,
      ...(host.end !== host.start ? { hostPortEnd: host.end } : {}),
      containerPort: inner.start,
      ...(inner.end !== inner.start ? { containerPortEnd: inner.end } : {}),
      protocol: values.protocol,
      ...(several && values.network ? { network: values.network } : {}),
    },
  };
}
