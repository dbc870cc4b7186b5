// The user's choice of firewall for published ports: BRIDGEPORT_FIREWALL_BACKEND=auto|iptables|nftables
// (unset: auto). The privileged side resolves auto from what the host's engines use.
import { message } from '../../../shared/message';
import type { PortBackendPreference } from '../../netcore/rulesets/port-backend';
import { PublishRefused } from './check-publish';

export const FIREWALL_BACKEND_VARIABLE = 'BRIDGEPORT_FIREWALL_BACKEND';
const CHOICES: readonly PortBackendPreference[] = ['auto', 'iptables', 'nftables'];

export function firewallPreference(env: NodeJS.ProcessEnv = process.env): PortBackendPreference {
  const value = env[FIREWALL_BACKEND_VARIABLE]?.trim().toLowerCase() ?? '';
  if (value === '') return 'auto';
  if ((CHOICES as readonly string[]).includes(value)) return value as PortBackendPreference;
  throw new PublishRefused(message('engine-errors:publish.badFirewallChoice', { setting: `${FIREWALL_BACKEND_VARIABLE}=${env[FIREWALL_BACKEND_VARIABLE]}`, choices: CHOICES.join(', ') }));
}
