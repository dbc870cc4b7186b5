// Decides connect, disconnect and remove before anything changes: which network and container are
// meant, whether the static IP is free and inside the subnet, who is still attached. Pure.
import type { NetworkDetail } from '../../../shared/network-model';
import { containsAddress, looseBlock, strictIpv4 } from './ipv4-block';
import type { Member, Membership } from './parse-network-detail';
import { NetworkRefused } from '../../../shared/network-refused';

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
  if (byPrefix.length > 1) throw new NetworkRefused(what, `"${ref}" matches ${byPrefix.length} ${what}s: give more of the id`);
  throw new NetworkRefused(what, `no ${what} named or with id "${ref}"`);
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
    throw new NetworkRefused('network', `a container cannot ${verb} the host network afterwards: it gets it only at start (docker run --network host)`);
  }
  if (network.driver === 'null') {
    throw new NetworkRefused('network', `a container cannot ${verb} the none network afterwards: it gets it only at start (docker run --network none)`);
  }
}

function refuseSharedNamespace(member: Member): void {
  if (member.networkMode === 'host') throw new NetworkRefused('container', `container ${member.name} uses the host's network (--network host) and cannot join other networks`);
  if (member.networkMode === 'none') throw new NetworkRefused('container', `container ${member.name} runs with --network none and cannot join other networks`);
  if (member.networkMode.startsWith('container:')) {
    throw new NetworkRefused('container', `container ${member.name} shares the network of another container (${member.networkMode}); connect that one instead`);
  }
}

function checkStaticIp(ip: string, network: NetworkDetail, member: Member, readings: MembershipReadings): void {
  const address = strictIpv4(ip);
  if (address === null) throw new NetworkRefused('ip', `ip "${ip}" is not an IPv4 address`);
  if (isDefaultBridge(network)) throw new NetworkRefused('ip', `a static IP needs a user-defined network; ${network.name} is Docker's default bridge`);
  const subnets = network.subnets.map((s) => ({ s, block: looseBlock(s.subnet) })).filter((x) => x.block !== null);
  if (subnets.length === 0) throw new NetworkRefused('ip', `network ${network.name} has no IPv4 subnet to take ${ip} from`);
  const home = subnets.find((x) => containsAddress(x.block!, address));
  if (!home) throw new NetworkRefused('ip', `ip ${ip} is outside the subnet of ${network.name} (${subnets.map((x) => x.s.subnet).join(', ')})`);
  const block = home.block!;
  if (address === block.first) throw new NetworkRefused('ip', `ip ${ip} is the network address of ${home.s.subnet}`);
  if (address === block.last) throw new NetworkRefused('ip', `ip ${ip} is the broadcast address of ${home.s.subnet}`);
  if (home.s.gateway === ip) throw new NetworkRefused('ip', `ip ${ip} is the gateway of ${network.name}`);
  for (const other of readings.members) {
    if (other.id === member.id) continue;
    const m = membershipOf(other, network);
    const running = network.containers.find((c) => c.id === other.id);
    if (running?.ipv4 === ip || (other.running && m?.ipv4 === ip)) throw new NetworkRefused('ip', `ip ${ip} is taken by container ${other.name} on ${network.name}`);
    if (m?.configuredIpv4 === ip) throw new NetworkRefused('ip', `ip ${ip} is reserved by container ${other.name} on ${network.name} (${other.state}; it takes that address when it starts)`);
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
  if (already) throw new NetworkRefused('container', `container ${member.name} is already on network ${network.name}${already.ipv4 ? ` (${already.ipv4})` : ''}`);
  if (input.ip !== undefined) checkStaticIp(input.ip, network, member, readings);
  const aliases = [...new Set(input.aliases)];
  if (aliases.length > 0 && isDefaultBridge(network)) throw new NetworkRefused('aliases', `aliases need a user-defined network; ${network.name} is Docker's default bridge, where containers have no DNS names`);
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
    throw new NetworkRefused('container', `container ${member.name} is not on network ${network.name}${on.length ? ` (it is on ${on.join(', ')})` : ''}`);
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
    const what = network.driver === 'bridge' ? "Docker's default bridge" : `Docker's built-in ${network.name} network`;
    throw new NetworkRefused('network', `${network.name} is ${what} and cannot be removed`);
  }
  const attached = attachedTo(network, readings);
  if (attached.length > 0 && !input.disconnectContainers) {
    const names = attached.map((m) => (m.running ? m.name : `${m.name} (${m.state})`)).join(', ');
    throw new NetworkRefused(
      'network',
      `network ${network.name} has ${attached.length} attached container${attached.length === 1 ? '' : 's'} (${names}): disconnect ${attached.length === 1 ? 'it' : 'them'} first, or remove with --disconnect to do both`,
    );
  }
  return { network, disconnect: attached };
}
