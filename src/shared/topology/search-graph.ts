// Finding nodes by what a user remembers of them: a name, an IP, an image, an id prefix, a MAC or
// a veth name. Pure, so the same match drives the graph, the table and the tests.
import type { Graph, GraphNode } from './graph';

function haystack(node: GraphNode): string[] {
  switch (node.type) {
    case 'container':
      return [
        node.label,
        node.container.id.slice(0, 12),
        node.container.image,
        ...node.container.endpoints.flatMap((e) => [e.network, e.ip ?? '', e.mac ?? '', e.hostVeth ?? '', e.interface ?? '']),
        ...node.container.ports.map((p) => `${p.hostPort}:${p.containerPort}`),
      ];
    case 'nic':
    case 'veth':
    case 'bridge':
      return [node.label, node.link.mac ?? '', ...node.link.addresses, ...(node.type === 'bridge' ? node.networks.map((n) => n.name) : [])];
    case 'network':
      return [node.label, node.network.id.slice(0, 12), ...node.network.subnets.map((s) => s.subnet)];
    case 'namespace':
      return [node.label, ...node.namespace.links.flatMap((l) => [l.name, ...l.addresses])];
    case 'group':
      return [node.label];
  }
}

/** Ids of the nodes matching every word of the query (case-insensitive substring); empty query: none. */
export function searchGraph(graph: Graph, query: string): Set<string> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = new Set<string>();
  if (words.length === 0) return hits;
  for (const node of graph.nodes) {
    const text = haystack(node).join(' ').toLowerCase();
    if (words.every((w) => text.includes(w))) hits.add(node.id);
  }
  return hits;
}
