// Checks the driver options of a network to create (`-o key=value`) against what Docker's drivers
// take and what the host has: the bridge name, the parent NIC, the MTU. Pure.
import { INTERFACE_NAME_MAX, SAFE_NAME } from '../../../shared/atoms/names';
import type { CreatableDriver, NetworkDetail } from '../../../shared/network-model';
import type { KernelLink } from '../host/kernel-link';
import { strictIpv4 } from './ipv4-block';
import { IPVLAN_FLAGS, IPVLAN_MODES, KNOWN_OPTIONS, MACVLAN_MODES, OPT } from './network-options';
import { NetworkRefused } from '../../../shared/network-refused';

export interface OptionReadings {
  networks: readonly NetworkDetail[];
  links: readonly KernelLink[];
}

export interface CheckedOptions {
  options: Record<string, string>;
  /** macvlan/ipvlan: the parent link as it is now. */
  parent: KernelLink | null;
}

const refuse = (message: string): never => {
  throw new NetworkRefused('options', message);
};

function checkLinkName(what: string, name: string): void {
  if (name === '') refuse(`${what} is empty`);
  if (name.length > INTERFACE_NAME_MAX) refuse(`${what} "${name}" is ${name.length} characters; Linux allows at most ${INTERFACE_NAME_MAX} for an interface name`);
  if (!SAFE_NAME.test(name)) refuse(`${what} "${name}" may only have letters, digits, _ . and - (starting with a letter or digit)`);
}

function checkBoolean(key: string, value: string): void {
  if (value !== 'true' && value !== 'false') refuse(`option ${key} is true or false, got "${value}"`);
}

function checkOneOf(key: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) refuse(`option ${key} is one of ${allowed.join(', ')}, got "${value}"`);
}

function checkMtu(value: string, parent: KernelLink | null): void {
  const mtu = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(mtu >= 68 && mtu <= 65535)) refuse(`option ${OPT.mtu} (the MTU) is a whole number from 68 to 65535, got "${value}"`);
  if (parent && mtu > parent.mtu) refuse(`MTU ${mtu} is more than the MTU ${parent.mtu} of the parent ${parent.name}`);
}

function checkBridgeName(name: string, readings: OptionReadings): void {
  checkLinkName('bridge name', name);
  const user = readings.networks.find((n) => n.bridge === name);
  if (user) refuse(`bridge name ${name} is already used by Docker network ${user.name}`);
  if (readings.links.some((l) => l.name === name)) refuse(`a link named ${name} already exists on this host: choose another bridge name`);
}

function checkHostBinding(value: string, links: readonly KernelLink[]): void {
  if (strictIpv4(value) === null) refuse(`option ${OPT.hostBinding} is an IPv4 address such as 0.0.0.0 or 127.0.0.1, got "${value}"`);
  if (value === '0.0.0.0' || value.startsWith('127.')) return;
  const own = links.flatMap((l) => l.addresses.map((a) => a.split('/')[0]!)).filter((a) => !a.includes(':'));
  if (!own.includes(value)) refuse(`${value} (${OPT.hostBinding}) is not an address of this host (it has 0.0.0.0, 127.0.0.1${own.length ? `, ${own.join(', ')}` : ''}): published ports could not bind to it`);
}

/** The parent must be a link of this host now; Bridgeport does not create VLAN sub-interfaces (eth0.10) for Docker. */
function checkParent(driver: 'macvlan' | 'ipvlan', name: string | undefined, readings: OptionReadings): KernelLink {
  if (name === undefined || name === '') return refuse(`a ${driver} network needs its parent NIC: -o parent=<interface> (for example -o parent=eth0)`);
  checkLinkName('parent', name);
  const link = readings.links.find((l) => l.name === name);
  if (!link) {
    const vlan = /^(.+)\.(\d+)$/.exec(name);
    const hint = vlan ? `; create the VLAN sub-interface first (ip link add link ${vlan[1]} name ${name} type vlan id ${vlan[2]})` : '';
    const candidates = readings.links.filter((l) => l.kind !== 'loopback' && l.kind !== 'veth' && l.kind !== 'bridge').map((l) => l.name);
    return refuse(`there is no link named ${name} on this host${hint || (candidates.length ? ` (candidates: ${candidates.slice(0, 8).join(', ')})` : '')}`);
  }
  if (link.kind === 'loopback') refuse(`${name} is the loopback interface; a ${driver} network needs a NIC as parent`);
  // Docker allows one network of a driver per parent ("already using parent interface").
  const sibling = readings.networks.find((n) => n.driver === driver && n.parent === name);
  if (sibling) refuse(`Docker network ${sibling.name} already uses ${name} as its ${driver} parent; Docker allows one ${driver} network per parent`);
  return link;
}

export function checkOptions(driver: CreatableDriver, options: Record<string, string>, readings: OptionReadings): CheckedOptions {
  const known = KNOWN_OPTIONS[driver];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const owner = (Object.keys(KNOWN_OPTIONS) as CreatableDriver[]).filter((d) => KNOWN_OPTIONS[d].includes(key));
    refuse(
      owner.length
        ? `option ${key} is for ${owner.join('/')} networks, not ${driver}`
        : `unknown option "${key}" for a ${driver} network (known: ${known.join(', ')})`,
    );
  }
  const parent = driver === 'macvlan' || driver === 'ipvlan' ? checkParent(driver, options[OPT.parent], readings) : null;
  for (const [key, value] of Object.entries(options)) {
    if (key === OPT.icc || key === OPT.masquerade) checkBoolean(key, value);
    else if (key === OPT.bridgeName) checkBridgeName(value, readings);
    else if (key === OPT.hostBinding) checkHostBinding(value, readings.links);
    else if (key === OPT.mtu) checkMtu(value, parent);
    else if (key === OPT.macvlanMode) checkOneOf(key, value, MACVLAN_MODES);
    else if (key === OPT.ipvlanMode) checkOneOf(key, value, IPVLAN_MODES);
    else if (key === OPT.ipvlanFlag) checkOneOf(key, value, IPVLAN_FLAGS);
    else if (key === OPT.encrypted && value !== '' && value !== 'true') refuse(`option encrypted takes no value (-o encrypted), got "${value}"`);
  }
  return { options: { ...options }, parent };
}
