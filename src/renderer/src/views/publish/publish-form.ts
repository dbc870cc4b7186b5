// The publish form's values, what is obviously wrong with them (said per field), and the request
// they make. Everything else (conflicts, addresses, container state) is the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { MAX_RANGE } from '../../../../shared/atoms/ports';
import { checkPortRange, type PortRange, type PortRangeProblem } from '../../../../shared/atoms/port-spec';
import type { PublishProtocol } from '../../../../shared/publish-model';
import { ALL_ADDRESSES } from './publish-options';
import type { Say } from '../../i18n/say';

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
const PROBLEM: Record<PortRangeProblem, string> = {
  empty: 'errors.empty',
  'not-a-port': 'errors.notAPort',
  'out-of-range': 'errors.outOfRange',
  backwards: 'errors.backwards',
  'too-long': 'errors.tooLong',
};

/** "8080" or "8000-8010" (spaces around the dash allowed; the shared grammar); a sentence when it is not one. */
export function parsePortRange(text: string, say: Say): PortRange | string {
  const checked = checkPortRange(text);
  return typeof checked === 'string' ? say(PROBLEM[checked], { text: text.trim(), max: MAX_RANGE }) : checked;
}

export type FormCheck = { request: PublishRequestInput; errors?: undefined } | { request?: undefined; errors: PublishFormErrors };

/**
 * The request the values make, or what to fix. `networks` are the chosen container's bridge
 * networks: the network is sent only when there is a choice (else the engine takes the only one).
 */
export function checkPublishForm(values: PublishFormValues, networks: readonly string[], say: Say): FormCheck {
  const errors: PublishFormErrors = {};
  if (!values.container) errors.container = say('errors.pickContainer');
  const several = networks.length > 1;
  if (several && (!values.network || !networks.includes(values.network))) errors.network = say('errors.pickNetwork');
  const host = parsePortRange(values.hostPorts, say);
  const inner = parsePortRange(values.containerPorts, say);
  if (typeof host === 'string') errors.hostPorts = host;
  if (typeof inner === 'string') errors.containerPorts = inner;
  else if (typeof host !== 'string' && rangeLength(host) !== rangeLength(inner)) {
    const ports = (count: number) => say('errors.ports', { count });
    errors.containerPorts = say('errors.oneToOne', { host: ports(rangeLength(host)), inner: ports(rangeLength(inner)) });
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
