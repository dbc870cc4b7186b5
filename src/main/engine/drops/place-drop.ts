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
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';

export interface DropPlace {
  places: string[];
  where: string;
}

/** A drop's place with its words as a message (catalogue engine-flows); `where` is its English. */
export interface DropSpot {
  places: string[];
  whereMessage: Message;
}

/** A node or cable and its words. */
interface Spot {
  id: string;
  label: Message;
}

export interface Placement {
  containerByAddress: Map<string, { id: string; name: string }>;
  /** A network's subnet → the node drawn for it (its bridge, else the network). */
  networkBySubnet: Map<string, Spot>;
  /** Interface name → its node or cable id and words. */
  links: Map<string, Spot>;
}

const flows = (key: string, params: Record<string, string | number | Message | Message[]> = {}) => message(`engine-flows:${key}`, params);
const onHost = (m: Message): DropSpot => ({ places: [], whereMessage: m });
const HOST: DropSpot = onHost(flows('where.host'));
const LINK_WORD: Record<string, string> = { bridge: 'where.bridge', veth: 'where.veth' };

const bare = (address: string) => address.replace(/\/(32|128)$/, '');

export function placementOf(snapshot: Snapshot): Placement {
  const graph = buildGraph(snapshot);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const containerByAddress = new Map<string, { id: string; name: string }>();
  for (const c of snapshot.containers) for (const e of c.endpoints) if (e.ip) containerByAddress.set(bare(e.ip.split('/')[0]!), { id: c.id, name: c.name });
  const links = new Map<string, Spot>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'veth' || !edge.hostLink) continue;
    const target = nodes.get(edge.target);
    const name = edge.hostLink.name;
    links.set(name, { id: edge.id, label: target ? flows('where.cableTo', { name, target: target.label }) : flows('where.cable', { name }) });
  }
  for (const link of snapshot.links) {
    if (links.has(link.name) || !nodes.has(nodeId.link(link.name))) continue;
    links.set(link.name, { id: nodeId.link(link.name), label: flows(LINK_WORD[link.kind] ?? 'where.interface', { name: link.name }) });
  }
  const networkBySubnet = new Map<string, Spot>();
  for (const network of snapshot.networks) {
    const bridge = network.bridge ? links.get(network.bridge) : undefined;
    const node = bridge ?? { id: nodeId.network(network.id), label: flows('where.network', { name: network.name }) };
    for (const s of network.subnets) if (nodes.has(node.id)) networkBySubnet.set(s.subnet, node);
  }
  return { containerByAddress, networkBySubnet, links };
}

const unique = <T>(items: T[]) => [...new Set(items)];

function placesOf(found: Spot[]): DropSpot | null {
  if (found.length === 0) return null;
  const byId = new Map(found.map((f) => [f.id, f.label]));
  // One mention per wording (two cables of one container read alike).
  const labels = [...new Map([...byId.values()].map((m) => [inEnglish(m), m])).values()];
  return { places: [...byId.keys()], whereMessage: labels.length === 1 ? labels[0]! : flows('where.list', { places: labels }) };
}

/** Where a drop happens, in English (the CLI's words). */
export function placeDrop(rule: FirewallRule | null, placement: Placement): DropPlace {
  const { places, whereMessage } = spotOf(rule, placement);
  return { places, where: inEnglish(whereMessage) };
}

/** Where a drop happens, its words as a message. */
export function spotOf(rule: FirewallRule | null, placement: Placement | null): DropSpot {
  if (!rule || !placement) return HOST;
  const m = rule.match;
  const addresses = [m.destinationNegated ? null : m.destination, m.sourceNegated ? null : m.source].filter((a): a is string => a !== null);
  const containers = placesOf(
    addresses
      .map((a) => placement.containerByAddress.get(bare(a)))
      .filter((c) => c !== undefined)
      .map((c) => ({ id: nodeId.container(c.id), label: flows('where.container', { name: c.name }) })),
  );
  if (containers) return containers;
  const names = [m.inInterfaceNegated ? null : m.inInterface, m.outInterfaceNegated ? null : m.outInterface].filter((n): n is string => n !== null && !n.endsWith('+'));
  const interfaces = placesOf(names.map((n) => placement.links.get(n)).filter((l) => l !== undefined));
  if (interfaces) return interfaces;
  const chainLink = /__(.+)$/.exec(rule.chain)?.[1];
  const byChain = chainLink === undefined ? undefined : placement.links.get(chainLink);
  if (byChain) return { places: [byChain.id], whereMessage: byChain.label };
  const subnets = placesOf(addresses.map((a) => placement.networkBySubnet.get(a)).filter((n) => n !== undefined));
  if (subnets) return subnets;
  // Named but not drawn (a wildcard, or a link gone since): said in words, on the host.
  const unseen = [m.inInterfaceNegated ? null : m.inInterface, m.outInterfaceNegated ? null : m.outInterface].filter((n): n is string => n !== null);
  return unseen.length > 0 ? onHost(flows('where.hostInterface', { names: unique(unseen).join(', ') })) : HOST;
}
