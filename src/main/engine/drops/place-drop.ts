// Where on the topology a drop happens, from what its rule names. Pure.
//
// Most specific first: a container's address (-d/-s) → that container; else the interfaces it names
// (-i/-o, not negated, no wildcard) → the bridge, NIC or lone veth node, or a container's cable
// (veth:<hostVeth>), which is how Docker's DROP and isolation rules name bridges; else a chain
// named for a bridge (Docker 29's nftables `filter-forward-in__docker0`) → that bridge; else a
// network's subnet → its bridge; else (and for chain policies) the host itself. Ids are those of the
// topology graph (src/shared/topology/graph.ts), so the renderer finds them as they are.
import type { FirewallRule } from '../../../shared/firewall-model';
import type { Snapshot } from '../../../shared/model';
import { buildGraph, nodeId } from '../../../shared/topology/graph';

export interface DropPlace {
  places: string[];
  where: string;
}

export interface Placement {
  containerByAddress: Map<string, { id: string; name: string }>;
  /** A network's subnet → the node drawn for it (its bridge, else the network). */
  networkBySubnet: Map<string, { id: string; label: string }>;
  /** Interface name → its node or cable id and words. */
  links: Map<string, { id: string; label: string }>;
}

const HOST: DropPlace = { places: [], where: 'the host' };

const bare = (address: string) => address.replace(/\/(32|128)$/, '');

export function placementOf(snapshot: Snapshot): Placement {
  const graph = buildGraph(snapshot);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const containerByAddress = new Map<string, { id: string; name: string }>();
  for (const c of snapshot.containers) for (const e of c.endpoints) if (e.ip) containerByAddress.set(bare(e.ip.split('/')[0]!), { id: c.id, name: c.name });
  const links = new Map<string, { id: string; label: string }>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'veth' || !edge.hostLink) continue;
    const target = nodes.get(edge.target);
    links.set(edge.hostLink.name, { id: edge.id, label: `cable ${edge.hostLink.name}${target ? ` (${target.label})` : ''}` });
  }
  for (const link of snapshot.links) {
    if (links.has(link.name) || !nodes.has(nodeId.link(link.name))) continue;
    links.set(link.name, { id: nodeId.link(link.name), label: `${link.kind === 'bridge' ? 'bridge' : link.kind === 'veth' ? 'veth' : 'interface'} ${link.name}` });
  }
  const networkBySubnet = new Map<string, { id: string; label: string }>();
  for (const network of snapshot.networks) {
    const bridge = network.bridge ? links.get(network.bridge) : undefined;
    const node = bridge ?? { id: nodeId.network(network.id), label: `network ${network.name}` };
    for (const s of network.subnets) if (nodes.has(node.id)) networkBySubnet.set(s.subnet, node);
  }
  return { containerByAddress, networkBySubnet, links };
}

const unique = <T>(items: T[]) => [...new Set(items)];

function placesOf(found: Array<{ id: string; label: string }>): DropPlace | null {
  if (found.length === 0) return null;
  const byId = new Map(found.map((f) => [f.id, f.label]));
  return { places: [...byId.keys()], where: unique([...byId.values()]).join(', ') };
}

export function placeDrop(rule: FirewallRule | null, placement: Placement): DropPlace {
  if (!rule) return HOST;
  const m = rule.match;
  const addresses = [m.destinationNegated ? null : m.destination, m.sourceNegated ? null : m.source].filter((a): a is string => a !== null);
  const containers = placesOf(
    addresses
      .map((a) => placement.containerByAddress.get(bare(a)))
      .filter((c) => c !== undefined)
      .map((c) => ({ id: nodeId.container(c.id), label: `container ${c.name}` })),
  );
  if (containers) return containers;
  const names = [m.inInterfaceNegated ? null : m.inInterface, m.outInterfaceNegated ? null : m.outInterface].filter((n): n is string => n !== null && !n.endsWith('+'));
  const interfaces = placesOf(names.map((n) => placement.links.get(n)).filter((l) => l !== undefined));
  if (interfaces) return interfaces;
  const chainLink = /__(.+)$/.exec(rule.chain)?.[1];
  const byChain = chainLink === undefined ? undefined : placement.links.get(chainLink);
  if (byChain) return { places: [byChain.id], where: byChain.label };
  const subnets = placesOf(addresses.map((a) => placement.networkBySubnet.get(a)).filter((n) => n !== undefined));
  if (subnets) return subnets;
  // Named but not drawn (a wildcard, or a link gone since): said in words, on the host.
  const unseen = [m.inInterfaceNegated ? null : m.inInterface, m.outInterfaceNegated ? null : m.outInterface].filter((n): n is string => n !== null);
  return unseen.length > 0 ? { places: [], where: `the host (interface ${unique(unseen).join(', ')})` } : HOST;
}
