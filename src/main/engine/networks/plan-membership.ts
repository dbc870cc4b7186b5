// Decides connect, disconnect and remove before anything changes: which network and container are
// meant, whether the static IP is free and inside the subnet, who is still attached. Pure.
import type { NetworkDetail } from '../../../shared/network-model';
import { containsAddress, looseBlock, strictIpv4 } from './ipv4-block';
import type { Member, Membership } from './parse-network-detail';
import { networkRefusal } from '../../../shared/network-refused';

export interface MembershipReadings {
  networks: readonly NetworkDetail[];
  members: readonly Member[];
}

/** Docker's lookup order: exact id, exact name, then a unique id prefix. */
function lookUp<T extends { id: string; name: string }>(ref: string, items: readonly T[], what: 'network' | 'container'): T {
  const exact = items.find((i) => i.id === ref) ?? items.find((i) => i.name === ref);
  if (exact) return exact;
  const byPrefix = /^[0-9a-f]+$/.test(ref) ? items.filter((i) => i.id.startsWith(ref)) : [];
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) throw networkRefusal(what, `ambiguous.${what}`, { ref, matches: byPrefix.length });
  throw networkRefusal(what, `notFound.${what}`, { ref });
}

export const findNetwork = (ref: string, readings: MembershipReadings) => lookUp(ref, readings.networks, 'network');
export const findMember = (ref: string, readings: MembershipReadings) => lookUp(ref, readings.members, 'container');

const membershipOf = (member: Member, network: NetworkDetail): Membership | undefined =>
  member.memberships.find((m) => m.networkId === network.id || (m.networkId === '' && m.network === network.name));

/** Everyone on the network, running or not (a stopped container would fail to start once it is gone). */
export function attachedTo(network: NetworkDetail, readings: MembershipReadings): Member[] {
  const running = new Set(network.containers.map((c) => c.id));
  return readings.members.filter((m) => running.has(m.id) || membershipOf(m, network) !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

const isDefaultBridge = (n: NetworkDetail) => n.builtIn && n.driver === 'bridge';

function refuseBuiltInMembership(network: NetworkDetail, verb: 'join' | 'leave'): void {
  if (network.driver === 'host') {
    throw networkRefusal('network', `builtIn.${verb}Host`);
  }
  if (network.driver === 'null') {
    throw networkRefusal('network', `builtIn.${verb}None`);
  }
}

function refuseSharedNamespace(member: Member): void {
  if (member.networkMode === 'host') throw networkRefusal('container', 'member.hostNetwork', { container: member.name });
  if (member.networkMode === 'none') throw networkRefusal('container', 'member.noNetwork', { container: member.name });
  if (member.networkMode.startsWith('container:')) {
    throw networkRefusal('container', 'member.sharedNetwork', { container: member.name, mode: member.networkMode });
  }
}

function checkStaticIp(ip: string, network: NetworkDetail, member: Member, readings: MembershipReadings): void {
  const address = strictIpv4(ip);
  if (address === null) throw networkRefusal('ip', 'ip.notIpv4', { ip });
  if (isDefaultBridge(network)) throw networkRefusal('ip', 'ip.defaultBridge', { network: network.name });
  const subnets = network.subnets.map((s) => ({ s, block: looseBlock(s.subnet) })).filter((x) => x.block !== null);
  if (subnets.length === 0) throw networkRefusal('ip', 'ip.noSubnet', { network: network.name, ip });
  const home = subnets.find((x) => containsAddress(x.block!, address));
  if (!home) throw networkRefusal('ip', 'ip.outside', { ip, network: network.name, subnets: subnets.map((x) => x.s.subnet).join(', ') });
  const block = home.block!;
  if (address === block.first) throw networkRefusal('ip', 'ip.networkAddress', { ip, subnet: home.s.subnet });
  if (address === block.last) throw networkRefusal('ip', 'ip.broadcast', { ip, subnet: home.s.subnet });
  if (home.s.gateway === ip) throw networkRefusal('ip', 'ip.gateway', { ip, network: network.name });
  for (const other of readings.members) {
    if (other.id === member.id) continue;
    const m = membershipOf(other, network);
    const running = network.containers.find((c) => c.id === other.id);
    if (running?.ipv4 === ip || (other.running && m?.ipv4 === ip)) throw networkRefusal('ip', 'ip.taken', { ip, container: other.name, network: network.name });
    if (m?.configuredIpv4 === ip) throw networkRefusal('ip', 'ip.reserved', { ip, container: other.name, network: network.name, state: other.state });
  }
}

export interface ConnectPlan {
  network: NetworkDetail;
  member: Member;
  /** The body of POST /networks/{id}/connect. */
  body: { Container: string; EndpointConfig: { IPAMConfig?: { IPv4Address: string }; Aliases?: string[] } };
}

export function planConnect(input: { network: string; container: string; ip?: string; aliases: string[] }, readings: MembershipReadings): ConnectPlan {
  const network = findNetwork(input.network, readings);
  refuseBuiltInMembership(network, 'join');
  const member = findMember(input.container, readings);
  refuseSharedNamespace(member);
  const already = membershipOf(member, network);
  if (already?.ipv4) throw networkRefusal('container', 'member.alreadyOnWithIp', { container: member.name, network: network.name, ip: already.ipv4 });
  if (already) throw networkRefusal('container', 'member.alreadyOn', { container: member.name, network: network.name });
  if (input.ip !== undefined) checkStaticIp(input.ip, network, member, readings);
  const aliases = [...new Set(input.aliases)];
  if (aliases.length > 0 && isDefaultBridge(network)) throw networkRefusal('aliases', 'aliasesOnDefaultBridge', { network: network.name });
  return {
    network,
    member,
    body: {
      Container: member.id,
      EndpointConfig: { ...(input.ip !== undefined ? { IPAMConfig: { IPv4Address: input.ip } } : {}), ...(aliases.length ? { Aliases: aliases } : {}) },
    },
  };
}

export interface DisconnectPlan {
  network: NetworkDetail;
  member: Member;
  body: { Container: string; Force: boolean };
}

export function planDisconnect(input: { network: string; container: string; force: boolean }, readings: MembershipReadings): DisconnectPlan {
  const network = findNetwork(input.network, readings);
  refuseBuiltInMembership(network, 'leave');
  const member = findMember(input.container, readings);
  if (!attachedTo(network, readings).some((m) => m.id === member.id)) {
    const on = member.memberships.map((m) => m.network);
    if (on.length) throw networkRefusal('container', 'member.notOnButOn', { container: member.name, network: network.name, networks: on.join(', ') });
    throw networkRefusal('container', 'member.notOn', { container: member.name, network: network.name });
  }
  return { network, member, body: { Container: member.id, Force: input.force } };
}

export interface RemovePlan {
  network: NetworkDetail;
  /** Disconnected first, in this order (only when the user asked for it). */
  disconnect: Member[];
}

export function planRemove(input: { name: string; disconnectContainers: boolean }, readings: MembershipReadings): RemovePlan {
  const network = findNetwork(input.name, readings);
  if (network.builtIn) {
    if (network.driver === 'bridge') throw networkRefusal('network', 'remove.defaultBridge', { network: network.name });
    throw networkRefusal('network', 'remove.builtIn', { network: network.name });
  }
  const attached = attachedTo(network, readings);
  if (attached.length > 0 && !input.disconnectContainers) {
    const names = attached.map((m) => (m.running ? m.name : `${m.name} (${m.state})`)).join(', ');
    // One key per number (not i18next plurals: the engine's English renderer checks keys without a count).
    throw networkRefusal('network', attached.length === 1 ? 'remove.attachedOne' : 'remove.attachedMany', { network: network.name, count: attached.length, names });
  }
  return { network, disconnect: attached };
}
