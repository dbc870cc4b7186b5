// Connecting a container to a network: the chosen container, an optional static IP and aliases,
// and the `networks.connect` input they make. Whether the IP is inside the subnet and free is
// the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { dockerNameSchema } from '../../../../shared/network-model';
import { isIpv4 } from '../../format/address-text';

export type NetworkConnectInput = MethodInput<'networks.connect'>;

export interface ConnectFormValues {
  container: string | null;
  ip: string;
  aliases: string[];
}

export type ConnectFormErrors = Partial<Record<'container' | 'ip' | 'aliases', string>>;

export const MAX_ALIASES = 32;

export function checkConnectForm(network: string, values: ConnectFormValues): { input: NetworkConnectInput; errors?: undefined } | { input?: undefined; errors: ConnectFormErrors } {
  const errors: ConnectFormErrors = {};
  if (!values.container) errors.container = 'Pick a container';
  const ip = values.ip.trim();
  if (ip && !isIpv4(ip)) errors.ip = `“${ip}” is not an IPv4 address: write one like 172.30.0.10, or leave it empty for Docker to pick`;
  const aliases = values.aliases.map((a) => a.trim()).filter(Boolean);
  const bad = aliases.find((a) => !dockerNameSchema.safeParse(a).success);
  if (bad !== undefined) errors.aliases = `“${bad}” is not an alias: letters, digits, _ . and -, starting with a letter or digit`;
  else if (new Set(aliases).size !== aliases.length) errors.aliases = 'An alias is given twice';
  else if (aliases.length > MAX_ALIASES) errors.aliases = `At most ${MAX_ALIASES} aliases`;
  if (Object.keys(errors).length > 0 || !values.container) return { errors };
  return { input: { network, container: values.container, ...(ip ? { ip } : {}), aliases } };
}
