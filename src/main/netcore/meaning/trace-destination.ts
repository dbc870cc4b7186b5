// What a trace may aim at: one unicast IPv4 host. The helper sends a probe there, so broadcast,
// multicast and "this network" are refused with the reason. Pure.
import ipaddr from 'ipaddr.js';

export function traceDestinationProblem(destination: string): string | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(destination)) return `${destination} is not an IPv4 address`;
  const range = ipaddr.IPv4.parse(destination).range();
  if (range === 'unspecified') return `${destination} names no host (0.0.0.0/8): trace one address`;
  if (range === 'broadcast') return `${destination} is the broadcast address: trace one host`;
  if (range === 'multicast') return `${destination} is a multicast group: trace one host`;
  return null;
}
