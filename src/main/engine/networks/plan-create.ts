// Decides whether a network can be created as asked and, if so, what to send Docker. Every check
// runs before anything changes; a refusal says what is wrong and what it collides with. Pure.
import type { NetworkCreate } from '../../../shared/network-model';
import { checkOptions } from './check-options';
import { findOverlap, type HostReadings } from './find-overlap';
import { containsAddress, containsBlock, formatIpv4, specialRangeOf, strictBlock, strictIpv4, type Block } from './ipv4-block';
import type { MessageParam } from '../../../shared/message';
import { networkRefusal, type NetworkField } from '../../../shared/network-refused';

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

const refuse = (field: NetworkField, key: string, params: Record<string, MessageParam> = {}): never => {
  throw networkRefusal(field, `create.${key}`, params);
};

function checkName(input: NetworkCreate, readings: CreateReadings): void {
  if (BUILT_IN_NAMES.has(input.name)) {
    refuse('name', 'builtInName', { name: input.name });
  }
  const same = readings.networks.find((n) => n.name === input.name);
  if (same) {
    const subnets = same.subnets.map((s) => s.subnet).join(', ');
    refuse('name', 'nameTaken', { name: input.name, what: subnets ? `${same.driver}, ${subnets}` : same.driver });
  }
}

function checkDriver(input: NetworkCreate, readings: CreateReadings): void {
  if (input.driver === 'overlay' && !readings.swarmActive) {
    refuse('driver', 'overlayNoSwarm');
  }
}

function subnetBlock(text: string, readings: CreateReadings, ignoreLink: string | null): Block {
  const parsed = strictBlock(text);
  if (!parsed.block) return refuse('subnet', 'subnetProblem', { problem: parsed.problemMessage });
  const block = parsed.block;
  if (block.prefix < LARGEST_PREFIX) refuse('subnet', 'subnetTooLarge', { subnet: text, largest: LARGEST_PREFIX, smallest: SMALLEST_PREFIX });
  if (block.prefix > SMALLEST_PREFIX) refuse('subnet', 'subnetTooSmall', { subnet: text, smallest: SMALLEST_PREFIX });
  const special = specialRangeOf(block);
  if (special) refuse('subnet', 'subnetSpecial', { subnet: text, range: special });
  const collision = findOverlap(block, readings, { ignoreLink });
  if (collision) refuse('subnet', 'subnetOverlaps', { subnet: text, collision });
  return block;
}

function checkIpRange(text: string, subnet: Block): string {
  const parsed = strictBlock(text);
  if (!parsed.block) return refuse('ipRange', 'ipRangeProblem', { problem: parsed.problemMessage });
  if (!containsBlock(subnet, parsed.block)) refuse('ipRange', 'ipRangeOutside', { range: text, subnet: subnet.text });
  return parsed.block.text;
}

function checkGateway(text: string, subnet: Block): string {
  const address = strictIpv4(text);
  const example = formatIpv4(subnet.first + 1);
  if (address === null) return refuse('gateway', 'gatewayNotIpv4', { gateway: text, example });
  if (!containsAddress(subnet, address)) refuse('gateway', 'gatewayOutside', { gateway: text, subnet: subnet.text });
  if (address === subnet.first) refuse('gateway', 'gatewayNetworkAddress', { gateway: text, example });
  if (address === subnet.last) refuse('gateway', 'gatewayBroadcast', { gateway: text, example });
  return text;
}

/** Checks in the order a user fills the form: name, driver, options, then addresses. */
export function planCreate(input: NetworkCreate, readings: CreateReadings): DockerNetworkCreateBody {
  checkName(input, readings);
  checkDriver(input, readings);
  const { options, parent } = checkOptions(input.driver, input.options, readings);
  const config: DockerNetworkCreateBody['IPAM']['Config'] = [];
  if (input.subnet === undefined) {
    if (input.gateway !== undefined) refuse('gateway', 'gatewayNeedsSubnet');
    if (input.ipRange !== undefined) refuse('ipRange', 'ipRangeNeedsSubnet');
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
