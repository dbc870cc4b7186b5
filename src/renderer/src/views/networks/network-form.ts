// The create-network form: its values, what is obviously wrong with them (said per field), and
// the `networks.create` input they make, options (-o key=value) included. Whether the subnet is
// free, the gateway inside it, the parent present or Swarm active is the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { dockerNameSchema, optionNameSchema } from '../../../../shared/network-model';
import { isIpv4, isIpv4Cidr } from '../../format/address-text';
import { linkNameProblem, mtuOrProblem, refusedNameProblem } from './field-problems';
import type { Say } from '../../i18n/say';

export type NetworkCreateInput = MethodInput<'networks.create'>;
export type NetworkDriver = 'bridge' | 'macvlan' | 'ipvlan' | 'overlay';

/** Docker's option keys the form's fields set. */
export const OPTION = {
  bridgeName: 'com.docker.network.bridge.name',
  icc: 'com.docker.network.bridge.enable_icc',
  masquerade: 'com.docker.network.bridge.enable_ip_masquerade',
  hostBinding: 'com.docker.network.bridge.host_binding_ipv4',
  mtu: 'com.docker.network.driver.mtu',
  parent: 'parent',
  macvlanMode: 'macvlan_mode',
  ipvlanMode: 'ipvlan_mode',
} as const;

export const MODES: Record<'macvlan' | 'ipvlan', string[]> = {
  macvlan: ['bridge', 'vepa', 'private', 'passthru'],
  ipvlan: ['l2', 'l3', 'l3s'],
};

export interface NetworkFormValues {
  name: string;
  driver: NetworkDriver;
  subnet: string;
  gateway: string;
  ipRange: string;
  internal: boolean;
  attachable: boolean;
  // bridge
  bridgeName: string;
  icc: boolean;
  masquerade: boolean;
  hostBindingIpv4: string;
  mtu: string;
  // macvlan / ipvlan
  parent: string | null;
  mode: string;
  /** Advanced: one `key=value` per line, as after `-o`. */
  extraOptions: string;
}

export type NetworkFormField = 'name' | 'subnet' | 'gateway' | 'ipRange' | 'bridgeName' | 'hostBindingIpv4' | 'mtu' | 'parent' | 'mode' | 'extraOptions';
export type NetworkFormErrors = Partial<Record<NetworkFormField, string>>;

export function emptyNetworkForm(): NetworkFormValues {
  return {
    name: '',
    driver: 'bridge',
    subnet: '',
    gateway: '',
    ipRange: '',
    internal: false,
    attachable: false,
    bridgeName: '',
    // Docker's defaults: a switch turned off is what makes an option.
    icc: true,
    masquerade: true,
    hostBindingIpv4: '',
    mtu: '',
    parent: null,
    mode: '',
    extraOptions: '',
  };
}

/** The mode a macvlan/ipvlan network gets when the field is left as is. */
export function defaultMode(driver: NetworkDriver): string {
  return driver === 'macvlan' || driver === 'ipvlan' ? MODES[driver][0]! : '';
}

const isVlan = (driver: NetworkDriver): driver is 'macvlan' | 'ipvlan' => driver === 'macvlan' || driver === 'ipvlan';

/** `key=value` lines (blank lines and # comments skipped); a sentence naming the first bad line. */
export function parseExtraOptions(text: string, say: Say): Record<string, string> | string {
  const options: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim().replace(/^-o\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const lineNumber = index + 1;
    if (eq <= 0) return say('problem.optionLine', { line: lineNumber });
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (!optionNameSchema.safeParse(key).success) return say('problem.optionName', { line: lineNumber });
    if (value.length > 256) return say('problem.optionValue', { line: lineNumber });
    if (Object.hasOwn(options, key)) return say('problem.optionTwice', { line: lineNumber, key });
    options[key] = value;
  }
  return options;
}

/** The options the fields make: only what differs from Docker's defaults, and the driver's own. */
export function fieldOptions(values: NetworkFormValues): Record<string, string> {
  const options: Record<string, string> = {};
  if (values.driver === 'bridge') {
    if (values.bridgeName.trim()) options[OPTION.bridgeName] = values.bridgeName.trim();
    if (!values.icc) options[OPTION.icc] = 'false';
    if (!values.masquerade) options[OPTION.masquerade] = 'false';
    if (values.hostBindingIpv4.trim()) options[OPTION.hostBinding] = values.hostBindingIpv4.trim();
    const mtu = mtuOrProblem(values.mtu, () => '');
    if (typeof mtu === 'number') options[OPTION.mtu] = String(mtu);
  }
  if (isVlan(values.driver)) {
    if (values.parent) options[OPTION.parent] = values.parent;
    const mode = values.mode || defaultMode(values.driver);
    options[values.driver === 'macvlan' ? OPTION.macvlanMode : OPTION.ipvlanMode] = mode;
  }
  return options;
}

export type NetworkFormCheck = { input: NetworkCreateInput; errors?: undefined } | { input?: undefined; errors: NetworkFormErrors };

export function checkNetworkForm(values: NetworkFormValues, say: Say): NetworkFormCheck {
  const errors: NetworkFormErrors = {};
  const name = values.name.trim();
  const named = dockerNameSchema.safeParse(name);
  if (!named.success) errors.name = refusedNameProblem(named.error.issues[0], 'network', say);

  const subnet = values.subnet.trim();
  const gateway = values.gateway.trim();
  const ipRange = values.ipRange.trim();
  if (subnet && !isIpv4Cidr(subnet)) errors.subnet = say('problem.subnet', { text: subnet });
  if (gateway && !isIpv4(gateway)) errors.gateway = say('problem.ipv4', { text: gateway, example: '172.30.0.1' });
  else if (gateway && !subnet) errors.gateway = say('problem.gatewayNeedsSubnet');
  if (ipRange && !isIpv4Cidr(ipRange)) errors.ipRange = say('problem.ipRange', { text: ipRange });
  else if (ipRange && !subnet) errors.ipRange = say('problem.ipRangeNeedsSubnet');

  if (values.driver === 'bridge') {
    const bridgeName = values.bridgeName.trim();
    if (bridgeName) {
      const problem = linkNameProblem(bridgeName, 'bridge', say);
      if (problem) errors.bridgeName = problem;
    }
    const binding = values.hostBindingIpv4.trim();
    if (binding && !isIpv4(binding)) errors.hostBindingIpv4 = say('problem.ipv4', { text: binding, example: '127.0.0.1' });
    const mtu = mtuOrProblem(values.mtu, say);
    if (typeof mtu === 'string') errors.mtu = mtu;
  }
  if (isVlan(values.driver)) {
    if (!values.parent) errors.parent = say('problem.pickParent', { driver: values.driver });
    if (values.mode && !MODES[values.driver].includes(values.mode)) errors.mode = say('problem.pickMode', { modes: MODES[values.driver].join(', ') });
  }

  const extra = parseExtraOptions(values.extraOptions, say);
  const options = fieldOptions(values);
  if (typeof extra === 'string') errors.extraOptions = extra;
  else {
    const clash = Object.keys(extra).find((key) => Object.hasOwn(options, key));
    if (clash) errors.extraOptions = say('problem.optionClash', { key: clash });
  }

  if (Object.keys(errors).length > 0 || typeof extra === 'string') return { errors };
  return {
    input: {
      name,
      driver: values.driver,
      ...(subnet ? { subnet } : {}),
      ...(gateway ? { gateway } : {}),
      ...(ipRange ? { ipRange } : {}),
      internal: values.internal,
      attachable: values.attachable,
      options: { ...options, ...extra },
    },
  };
}

/** What each group of fields of the form gets. */
export interface NetworkFieldsProps {
  values: NetworkFormValues;
  errors: NetworkFormErrors;
  change: (patch: Partial<NetworkFormValues>) => void;
  disabled: boolean;
}
