// The bridge checks every operation naming a bridge goes through (ports.apply, route_localnet, the
// doctor's rules, a veth's master). Thin: the rule is netcore/meaning/engine-bridges.
import { bridgeOwner, type BridgeOwnership } from '../../netcore/meaning/engine-bridges';
import type { HostLink } from '../../netcore/meaning/host-links';
import { OperationError } from '../contract/operations';

/** The bridge, when it is a container engine's or one Bridgeport made; refused otherwise. */
export function requireOwnedBridge(name: string, facts: BridgeOwnership): HostLink {
  const verdict = bridgeOwner(name, facts);
  if ('refused' in verdict) throw new OperationError(verdict.refused, 'refused');
  return facts.links.find((l) => l.name === name)!;
}
