// Checks the driver options of a network to create (`-o key=value`) against what Docker's drivers
// take and what the host has: the bridge name, the parent NIC, the MTU. Pure.
import { INTERFACE_NAME_MAX, SAFE_NAME } from '../../../shared/atoms/names';
import type { CreatableDriver, NetworkDetail } from '../../../shared/network-model';
import type { KernelLink } from '../host/kernel-link';
import { strictIpv4 } from './ipv4-block';
import { IPVLAN_FLAGS, IPVLAN_MODES, KNOWN_OPTIONS, MACVLAN_MODES, OPT } from './network-options';
import { message, type Message, type MessageParam } from '../../../shared/message';
import { networkRefusal } from '../../../shared/network-refused';

export interface OptionReadings {
  networks: readonly NetworkDetail[];
  links: readonly KernelLink[];
}

export interface CheckedOptions {
  options: Record<string, string>;
  /** macvlan/ipvlan: the parent link as it is now. */
  parent: KernelLink | null;
}

const refuse = (key: string, params: Record<string, MessageParam> = {}): never => {
  throw networkRefusal('options', `options.${key}`, params);
};

/** What a link name is for, in a sentence about it. */
type LinkNameRole = 'bridgeName' | 'parent';
const roleOf = (role: LinkNameRole): Message => message(`engine-errors:network.options.role.${role}`);

function checkLinkName(role: LinkNameRole, name: string): void {
  const what = roleOf(role);
  if (name === '') refuse('nameEmpty', { what });
  if (name.length > INTERFACE_NAME_MAX) refuse('nameTooLong', { what, name, length: name.length, max: INTERFACE_NAME_MAX });
  if (!SAFE_NAME.test(name)) refuse('nameCharacters', { what, name });
}

function checkBoolean(key: string, value: string): void {
  if (value !== 'true' && value !== 'false') refuse('notBoolean', { key, value });
}

function checkOneOf(key: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) refuse('notOneOf', { key, allowed: allowed.join(', '), value });
}

function checkMtu(value: string, parent: KernelLink | null): void {
  const mtu = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(mtu >= 68 && mtu <= 65535)) refuse('badMtu', { key: OPT.mtu, value });
  if (parent && mtu > parent.mtu) refuse('mtuAboveParent', { mtu, parentMtu: parent.mtu, parent: parent.name });
}

function checkBridgeName(name: string, readings: OptionReadings): void {
  checkLinkName('bridgeName', name);
  const user = readings.networks.find((n) => n.bridge === name);
  if (user) refuse('bridgeNameUsed', { name, network: user.name });
  if (readings.links.some((l) => l.name === name)) refuse('bridgeNameIsLink', { name });
}

function checkHostBinding(value: string, links: readonly KernelLink[]): void {
  if (strictIpv4(value) === null) refuse('hostBindingNotIpv4', { key: OPT.hostBinding, value });
  if (value === '0.0.0.0' || value.startsWith('127.')) return;
  const own = links.flatMap((l) => l.addresses.map((a) => a.split('/')[0]!)).filter((a) => !a.includes(':'));
  if (!own.includes(value)) refuse('hostBindingNotOwn', { value, key: OPT.hostBinding, addresses: ['0.0.0.0', '127.0.0.1', ...own].join(', ') });
}

/** The parent must be a link of this host now; Bridgeport does not create VLAN sub-interfaces (eth0.10) for Docker. */
function checkParent(driver: 'macvlan' | 'ipvlan', name: string | undefined, readings: OptionReadings): KernelLink {
  if (name === undefined || name === '') return refuse('parentMissing', { driver });
  checkLinkName('parent', name);
  const link = readings.links.find((l) => l.name === name);
  if (!link) {
    const vlan = /^(.+)\.(\d+)$/.exec(name);
    if (vlan) return refuse('noParentVlan', { name, link: vlan[1]!, id: vlan[2]! });
    const candidates = readings.links.filter((l) => l.kind !== 'loopback' && l.kind !== 'veth' && l.kind !== 'bridge').map((l) => l.name);
    if (candidates.length) return refuse('noParentCandidates', { name, candidates: candidates.slice(0, 8).join(', ') });
    return refuse('noParent', { name });
  }
  if (link.kind === 'loopback') refuse('parentLoopback', { name, driver });
  // Docker allows one network of a driver per parent ("already using parent interface").
  const sibling = readings.networks.find((n) => n.driver === driver && n.parent === name);
  if (sibling) refuse('parentTaken', { network: sibling.name, name, driver });
  return link;
}

export function checkOptions(driver: CreatableDriver, options: Record<string, string>, readings: OptionReadings): CheckedOptions {
  const known = KNOWN_OPTIONS[driver];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const owner = (Object.keys(KNOWN_OPTIONS) as CreatableDriver[]).filter((d) => KNOWN_OPTIONS[d].includes(key));
    if (owner.length) refuse('otherDriversOption', { key, drivers: owner.join('/'), driver });
    refuse('unknownOption', { key, driver, known: known.join(', ') });
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
    else if (key === OPT.encrypted && value !== '' && value !== 'true') refuse('encryptedValue', { value });
  }
  return { options: { ...options }, parent };
}
