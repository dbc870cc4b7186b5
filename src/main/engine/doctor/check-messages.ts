// The checks' titles as catalogue keys (issue 18), so the window can show them in its language; the
// English title stays as it is for the CLI and --json. A title the catalogue does not know as such
// (say, a check that changed its wording) gets no key and is shown in English. Pure.
import type { DoctorCheck } from '../../../shared/doctor-model';
import { message } from '../../../shared/message';

/** Each check's title as the catalogue `engine-doctor` holds it in English (`title.<id>`). */
const TITLES: Readonly<Record<string, string>> = {
  'ip-forward': 'IPv4 forwarding (net.ipv4.ip_forward)',
  'forward-policy': 'FORWARD chain lets containers out',
  masquerade: 'Masquerading for bridge networks that want it',
  'docker-iptables': 'Docker manages the firewall (--iptables)',
  'iptables-split': 'One iptables, not a legacy/nft split',
  'br-netfilter': 'Bridge netfilter where icc=false',
  'docker-proxy': 'Proxy settings of the Docker daemon',
  'subnet-overlap': "Docker subnets clear of the host's routes",
  dns: 'DNS servers containers can use',
};

export function withTitleMessage(check: DoctorCheck): DoctorCheck {
  return TITLES[check.id] === check.title ? { ...check, titleMessage: message(`engine-doctor:title.${check.id}`) } : check;
}
