// The topology as a graph: a pure function of a snapshot, drawn by the renderer and testable alone.
import type { Container, Link, Namespace, Network, Snapshot } from '../model';

export type GraphNode =
  | { id: string; type: 'nic'; label: string; link: Link }
  | { id: string; type: 'bridge'; label: string; link: Link; networks: Network[] }
  | { id: string; type: 'veth'; label: string; link: Link }
  | { id: string; type: 'container'; label: string; container: Container }
  | { id: string; type: 'network'; label: string; network: Network }
  | { id: string; type: 'namespace'; label: string; namespace: Namespace }
  /** Containers folded into one node by grouping (see group-graph.ts). */
  | { id: string; type: 'group'; label: string; network: Network; members: Container[] };

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** veth: a matched veth pair (the cable); port: a link enslaved to a bridge; attach: membership without a known cable. */
  kind: 'veth' | 'port' | 'attach';
  label: string;
  /** The host-side link of a veth cable, for its details. */
  hostLink?: Link;
  /** Host links whose traffic flows along this edge (its veth, or every veth of a folded group). */
  carries: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const nodeId = {
  link: (name: string) => `link:${name}`,
  container: (id: string) => `container:${id}`,
  network: (id: string) => `network:${id}`,
  group: (networkId: string) => `group:${networkId}`,
  namespace: (name: string) => `netns:${name}`,
};

function linkNode(link: Link, networks: Network[]): GraphNode {
  const id = nodeId.link(link.name);
  if (link.kind === 'bridge') {
    const onBridge = networks.filter((n) => n.bridge === link.name);
    return { id, type: 'bridge', label: link.name, link, networks: onBridge };
  }
  if (link.kind === 'veth') return { id, type: 'veth', label: link.name, link };
  return { id, type: 'nic', label: link.name, link };
}

/** Where a container's endpoint on a network attaches: the network's bridge when it has one on this host. */
function attachPointOf(network: Network | undefined, bridges: Set<string>): string | null {
  if (!network) return null;
  if (network.bridge && bridges.has(network.bridge)) return nodeId.link(network.bridge);
  return nodeId.network(network.id);
}

export function buildGraph(s: Snapshot): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const bridges = new Set(s.links.filter((l) => l.kind === 'bridge').map((l) => l.name));
  const containerIds = new Set(s.containers.map((c) => c.id));
  const networksById = new Map(s.networks.map((n) => [n.id, n]));
  // The namespace Bridgeport runs in is the host view itself, not a neighbour to draw.
  const neighbours = s.namespaces.filter((n) => !n.current);
  const namespaceNames = new Set(neighbours.map((n) => n.name));
  // A veth whose other end is a known container or namespace is drawn as the cable itself, not a node.
  const cableLinks = s.links.filter(
    (l) => l.peer && ((l.peer.containerId && containerIds.has(l.peer.containerId)) || (l.peer.namespace && namespaceNames.has(l.peer.namespace))),
  );
  const cableNames = new Set(cableLinks.map((l) => l.name));

  for (const link of s.links) if (!cableNames.has(link.name)) nodes.push(linkNode(link, s.networks));
  for (const network of s.networks) {
    if (!network.bridge || !bridges.has(network.bridge)) nodes.push({ id: nodeId.network(network.id), type: 'network', label: network.name, network });
  }
  for (const container of s.containers) nodes.push({ id: nodeId.container(container.id), type: 'container', label: container.name, container });
  for (const namespace of neighbours) nodes.push({ id: nodeId.namespace(namespace.name), type: 'namespace', label: namespace.name, namespace });

  for (const link of s.links) {
    if (cableNames.has(link.name)) {
      const target = link.peer?.containerId ? nodeId.container(link.peer.containerId) : nodeId.namespace(link.peer?.namespace ?? '');
      const source = link.master && bridges.has(link.master) ? nodeId.link(link.master) : 'host';
      edges.push({
        id: `veth:${link.name}`,
        source: source === 'host' ? nodeId.link(link.name) : source,
        target,
        kind: 'veth',
        label: `${link.name} ↔ ${link.peer?.interface ?? '?'}`,
        hostLink: link,
        carries: [link.name],
      });
      // A cable not plugged into a bridge still needs its host end drawn.
      if (source === 'host') nodes.push(linkNode(link, s.networks));
    } else if (link.master && bridges.has(link.master)) {
      edges.push({ id: `port:${link.name}`, source: nodeId.link(link.master), target: nodeId.link(link.name), kind: 'port', label: '', carries: [link.name] });
    } else if (link.kind === 'veth' && link.peer?.netnsId === null && link.peer.interface && link.name < link.peer.interface) {
      // Both ends on the host: one edge per pair.
      edges.push({ id: `pair:${link.name}`, source: nodeId.link(link.name), target: nodeId.link(link.peer.interface), kind: 'veth', label: '', carries: [link.name] });
    }
  }

  for (const container of s.containers) {
    for (const endpoint of container.endpoints) {
      if (endpoint.hostVeth && cableNames.has(endpoint.hostVeth)) continue;
      if (container.networkMode !== 'host' && container.networkMode !== 'none' && endpoint.ip === null) continue;
      const attach = attachPointOf(networksById.get(endpoint.networkId), bridges);
      if (!attach) continue;
      edges.push({
        id: `attach:${container.id}:${endpoint.networkId}`,
        source: attach,
        target: nodeId.container(container.id),
        kind: 'attach',
        label: endpoint.ip ?? container.networkMode,
        carries: endpoint.hostVeth ? [endpoint.hostVeth] : [],
      });
    }
  }
  return { nodes, edges };
}
