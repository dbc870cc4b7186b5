// The host NICs a macvlan/ipvlan network can sit on: the host's own links, physical ones first;
// never loopback, a container's veth, a port of a bridge or a bridge Docker made. A veth on no
// bridge is offered: it is how a VM or a namespace (the lab's host) reaches its LAN. Pure.
import type { Link } from '../../../../shared/model';
import type { Say } from '../../i18n/say';

export interface ParentOption {
  value: string;
  label: string;
}

const rank: Partial<Record<Link['kind'], number>> = { physical: 0, veth: 1, dummy: 2, other: 3 };
const OFFERED = new Set<Link['kind']>(['physical', 'veth', 'dummy', 'other', 'vxlan', 'macvlan', 'ipvlan', 'bridge']);

function offered(link: Link): boolean {
  if (!OFFERED.has(link.kind)) return false;
  if (link.kind === 'bridge') return link.name !== 'docker0' && !link.name.startsWith('br-');
  if (link.kind === 'veth') return link.master === null && !link.peer?.containerId;
  return true;
}

export function parentOptions(links: readonly Link[], say: Say): ParentOption[] {
  return links
    .filter(offered)
    .map((link, index) => ({ link, index }))
    .sort((a, b) => (rank[a.link.kind] ?? 4) - (rank[b.link.kind] ?? 4) || a.index - b.index)
    .map(({ link }) => ({
      value: link.name,
      label: `${link.name} (${link.driver && link.kind === 'other' ? link.driver : link.kind}${link.up ? '' : `, ${say('parent.down')}`}${link.addresses.length ? `, ${link.addresses[0]}` : ''})`,
    }));
}
