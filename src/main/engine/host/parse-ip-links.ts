// Parses `ip -j -d addr show` into kernel links. Pure: no I/O.
import { z } from 'zod';
import type { LinkKind } from '../../../shared/model';
import type { KernelLink } from './kernel-link';

const addrInfoSchema = z.looseObject({
  family: z.string().optional(),
  local: z.string().optional(),
  prefixlen: z.number().optional(),
});

const ipLinkSchema = z.looseObject({
  ifindex: z.number().int(),
  ifname: z.string(),
  flags: z.array(z.string()).default([]),
  mtu: z.number().int().default(0),
  operstate: z.string().default('UNKNOWN'),
  link_type: z.string().optional(),
  address: z.string().optional(),
  master: z.string().optional(),
  link_index: z.number().int().optional(),
  link_netnsid: z.number().int().optional(),
  linkinfo: z.looseObject({ info_kind: z.string().optional() }).optional(),
  ifalias: z.string().optional(),
  addr_info: z.array(addrInfoSchema).default([]),
});

type IpLink = z.infer<typeof ipLinkSchema>;

const kindByDriver: Record<string, LinkKind> = {
  veth: 'veth',
  bridge: 'bridge',
  macvlan: 'macvlan',
  macvtap: 'macvlan',
  ipvlan: 'ipvlan',
  ipvtap: 'ipvlan',
  vxlan: 'vxlan',
  tun: 'tun',
  dummy: 'dummy',
};

function kindOf(link: IpLink): LinkKind {
  if (link.link_type === 'loopback') return 'loopback';
  const driver = link.linkinfo?.info_kind;
  if (driver) return kindByDriver[driver] ?? 'other';
  // No driver kind: a real device (ethernet or wireless NIC).
  return link.link_type === 'ether' ? 'physical' : 'other';
}

function addressesOf(link: IpLink): string[] {
  return link.addr_info
    .filter((a) => a.local !== undefined && a.prefixlen !== undefined)
    .map((a) => `${a.local}/${a.prefixlen}`);
}

function toKernelLink(link: IpLink): KernelLink {
  const kind = kindOf(link);
  const isVeth = kind === 'veth';
  return {
    name: link.ifname,
    ifindex: link.ifindex,
    kind,
    driver: link.linkinfo?.info_kind ?? null,
    mac: link.address && link.link_type !== 'loopback' ? link.address : null,
    mtu: link.mtu,
    up: link.flags.includes('UP'),
    operState: link.operstate,
    addresses: addressesOf(link),
    master: link.master ?? null,
    peerIfindex: isVeth ? (link.link_index ?? null) : null,
    peerNetnsId: isVeth ? (link.link_netnsid ?? null) : null,
    ...(link.ifalias === undefined ? {} : { alias: link.ifalias }),
  };
}

/** Parses the JSON text printed by `ip -j -d addr show` (or `ip -j -d link show`). */
export function parseIpLinks(jsonText: string): KernelLink[] {
  const trimmed = jsonText.trim();
  if (trimmed === '') return [];
  const parsed = z.array(ipLinkSchema).parse(JSON.parse(trimmed));
  return parsed.map(toKernelLink).sort((a, b) => a.ifindex - b.ifindex);
}
