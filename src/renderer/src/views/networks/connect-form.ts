// Connecting a container to a network: the chosen container, an optional static IP and aliases,
// and the `networks.connect` input they make. Whether the IP is inside the subnet and free is
// the engine's to say. Pure.
import type { MethodInput } from '../../../../shared/contract';
import { dockerNameSchema } from '../../../../shared/network-model';
import { isIpv4 } from '../../format/address-text';
import type { Say } from '../../i18n/say';

export type NetworkConnectInput = MethodInput<'networks.connect'>;

export interface ConnectFormValues {
  container: string | null;
  ip: string;
  aliases: string[];
}

export type ConnectFormErrors = Partial<Record<'container' | 'ip' | 'aliases', string>>;

export const MAX_ALIASES = 32;

export function checkConnectForm(network: string, values: ConnectFormValues, say: Say): { input: NetworkConnectInput; errors?: undefined } | { input?: undefined; errors: ConnectFormErrors } {
  const errors: ConnectFormErrors = {};
  if (!values.container) errors.container = say('problem.pickContainer');
  const ip = values.ip.trim();
  if (ip && !isIpv4(ip)) errors.ip = say('problem.ipv4OrEmpty', { text: ip });
  const aliases = values.aliases.map((a) => a.trim()).filter(Boolean);
  const bad = aliases.find((a) => !dockerNameSchema.safeParse(a).success);
  if (bad !== undefined) errors.aliases = say('problem.alias', { alias: bad });
  else if (new Set(aliases).size !== aliases.length) errors.aliases = say('problem.aliasTwice');
  else if (aliases.length > MAX_ALIASES) errors.aliases = say('problem.aliasesMax', { max: MAX_ALIASES });
  if (Object.keys(errors).length > 0 || !values.container) return { errors };
  return { input: { network, container: values.container, ...(ip ? { ip } : {}), aliases } };
}
