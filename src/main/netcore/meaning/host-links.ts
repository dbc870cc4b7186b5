// The host's links as `ip -j -d addr show` prints them, reduced to what the helper's checks need:
// kind, tag, bridge ports, IPv4 addresses and the veth peers. Pure (the JSON is read elsewhere).
import { z } from 'zod';
import { MADE_TAG } from '../links/link-args';

const addrLinkSchema = z.array(
  z.looseObject({
    ifindex: z.number(),
    ifname: z.string(),
    ifalias: z.string().optional(),
    master: z.string().optional(),
    link_index: z.number().optional(),
    linkinfo: z.looseObject({ info_kind: z.string().optional(), info_slave_kind: z.string().optional() }).optional(),
    addr_info: z.array(z.looseObject({ family: z.string().optional(), local: z.string().optional(), prefixlen: z.number().optional() })).default([]),
  }),
);

export interface HostLink {
  index: number;
  name: string;
  /** info_kind: bridge, veth, … ; null for a physical NIC (and lo). */
  kind: string | null;
  tagged: boolean;
  master: string | null;
  /** A veth's peer ifindex (in the peer's namespace). */
  peerIndex: number | null;
  /** IPv4 addresses as 'a.b.c.d/len'. */
  ipv4: string[];
}

/** Parses `ip -j -d addr show` (a link list with addresses). */
export function parseHostLinks(json: string): HostLink[] {
  return addrLinkSchema.parse(JSON.parse(json)).map((l) => ({
    index: l.ifindex,
    name: l.ifname,
    kind: l.linkinfo?.info_kind ?? null,
    tagged: l.ifalias === MADE_TAG,
    master: l.master ?? null,
    peerIndex: l.link_index ?? null,
    ipv4: l.addr_info.filter((a) => a.family === 'inet' && a.local !== undefined && a.prefixlen !== undefined).map((a) => `${a.local}/${a.prefixlen}`),
  }));
}

export const portsOf = (links: readonly HostLink[], bridge: string) => links.filter((l) => l.master === bridge);
