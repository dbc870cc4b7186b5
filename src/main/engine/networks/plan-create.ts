// Decides whether a network can be created as asked and, if so, what to send Docker. Every check
// runs before anything changes; a refusal says what is wrong and what it collides with. Pure.
import type { NetworkCreate } from '../../../shared/network-model';
import { checkOptions } from './check-options';
import { findOverlap, type HostReadings } from './find-overlap';
import { containsAddress, containsBlock, formatIpv4, specialRangeOf, strictBlock, strictIpv4, type Block } from './ipv4-block';
import { NetworkRefused, type NetworkField } from '../../../shared/network-refused';

export interface CreateReadings extends HostReadings {
  /** docker info: Swarm.LocalNodeState === 'active'. */
  swarmActive: boolean;
}

/** The body of POST /networks/create (dockerode's createNetwork). */
export interface DockerNetworkCreateBody {
  Name: string;
  Driver: string;
  CheckDuplicate: true;
  Internal: boolean;
  Attachable: boolean;
  IPAM: { Driver: 'default'; Config: Array<{ Subnet: string; Gateway?: string; IPRange?: string }> };
  Options: Record<string, string>;
}

const BUILT_IN_NAMES = new Set(['host', 'none', 'bridge']);
/** A bridge or macvlan subnet needs room for the gateway and at least one container. */
const SMALLEST_PREFIX = 30;
const LARGEST_PREFIX = 8;

const refuse = (field: NetworkField, message: string): never => {
  throw new NetworkRefused(field, message);
};

function checkName(input: NetworkCreate, readings: CreateReadings): void {
  if (BUILT_IN_NAMES.has(input.name)) {
    refuse('name', `"${input.name}" is one of Docker's built-in networks (host, none and the default bridge): it cannot be created, choose another name`);
  }
  const same = readings.networks.find((n) => n.name === input.name);
  if (same) {
    const subnets = same.subnets.map((s) => s.subnet).join(', ');
    refuse('name', `a network named ${input.name} already exists (${same.driver}${subnets ? `, ${subnets}` : ''})`);
  }
}

function checkDriver(input: NetworkCreate, readings: CreateReadings): void {
  if (input.driver === 'overlay' && !readings.swarmActive) {
    refuse(
      'driver',
      'an overlay network spans the hosts of a Docker Swarm, and this Docker engine is not in one (Swarm is inactive): run "docker swarm init" (or join a swarm) first, or use a bridge network for containers on this host',
    );
  }
}

function subnetBlock(text: string, readings: CreateReadings, ignoreLink: string | null): Block {
  const parsed = strictBlock(text);
  if (!parsed.block) return refuse('subnet', `subnet ${parsed.problem}`);
  const block = parsed.block;
  if (block.prefix < LARGEST_PREFIX) refuse('subnet', `subnet ${text} is too large: use a prefix from /${LARGEST_PREFIX} to /${SMALLEST_PREFIX}`);
  if (block.prefix > SMALLEST_PREFIX) refuse('subnet', `subnet ${text} is too small: a /${SMALLEST_PREFIX} is the smallest that holds a gateway and a container`);
  const special = specialRangeOf(block);
  if (special) refuse('subnet', `subnet ${text} lies in the ${special} range, which no container network can use`);
  const collision = findOverlap(block, readings, { ignoreLink });
  if (collision) refuse('subnet', `${text} overlaps ${collision}; choose another subnet (bridgeport networks suggest-subnet finds a free one)`);
  return block;
}

function checkIpRange(text: string, subnet: Block): string {
  const parsed = strictBlock(text);
  if (!parsed.block) return refuse('ipRange', `ip-range ${parsed.problem}`);
  if (!containsBlock(subnet, parsed.block)) refuse('ipRange', `ip-range ${text} is not inside the subnet ${subnet.text}`);
  return parsed.block.text;
}

function checkGateway(text: string, subnet: Block): string {
  const address = strictIpv4(text);
  if (address === null) return refuse('gateway', `gateway "${text}" is not an IPv4 address like ${formatIpv4(subnet.first + 1)}`);
  if (!containsAddress(subnet, address)) refuse('gateway', `gateway ${text} is outside the subnet ${subnet.text}`);
  if (address === subnet.first) refuse('gateway', `gateway ${text} is the subnet's network address; use a host address such as ${formatIpv4(subnet.first + 1)}`);
  if (address === subnet.last) refuse('gateway', `gateway ${text} is the subnet's broadcast address; use a host address such as ${formatIpv4(subnet.first + 1)}`);
  return text;
}

/** Checks in the order a user fills the form: name, driver, options, then addresses. */
export function planCreate(input: NetworkCreate, readings: CreateReadings): DockerNetworkCreateBody {
  checkName(input, readings);
  checkDriver(input, readings);
  const { options, parent } = checkOptions(input.driver, input.options, readings);
  const config: DockerNetworkCreateBody['IPAM']['Config'] = [];
  if (input.subnet === undefined) {
    if (input.gateway !== undefined) refuse('gateway', '--gateway needs --subnet: a gateway is an address inside a subnet you give');
    if (input.ipRange !== undefined) refuse('ipRange', '--ip-range needs --subnet: an ip-range is a part of a subnet you give');
  } else {
    const subnet = subnetBlock(input.subnet, readings, parent?.name ?? null);
    config.push({
      Subnet: subnet.text,
      ...(input.gateway !== undefined ? { Gateway: checkGateway(input.gateway, subnet) } : {}),
      ...(input.ipRange !== undefined ? { IPRange: checkIpRange(input.ipRange, subnet) } : {}),
    });
  }
  return {
    Name: input.name,
    Driver: input.driver,
    CheckDuplicate: true,
    Internal: input.internal,
    Attachable: input.attachable,
    IPAM: { Driver: 'default', Config: config },
    Options: options,
  };
}
