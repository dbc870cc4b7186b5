// Which bridges belong to a container engine or to Bridgeport, decided from the system itself. Pure.
//
// The rule (a bridge is "an engine's" when ANY of these holds, and it is a kernel bridge with no
// physical port):
//   1. Bridgeport made it: its ifalias is MADE_TAG (only root sets an ifalias).
//   2. Its name is an engine's default naming: docker0, br-<12 hex> (Docker's user networks),
//      podman<N> (Podman/netavark). Only root creates kernel bridges, so a name here was given by
//      root; the pattern keeps out the host's own br0, virbr0, lxcbr0 and anything named all/lo.
//   3. An engine's own chains name it: Docker's DOCKER, DOCKER-ISOLATION-STAGE-1/2, DOCKER-FORWARD,
//      DOCKER-BRIDGE, DOCKER-CT (iptables-save), or netavark's NETAVARK_* chains or its nft table
//      `inet netavark` (a network whose bridge name the user chose).
// A bridge with a NIC enslaved (a LAN bridge) is never one, whatever its name: forwarding or
// masquerading it would act on the LAN.
import type { HostLink } from './host-links';
import { portsOf } from './host-links';

const ENGINE_NAME = /^(docker0|br-[0-9a-f]{12}|podman\d{1,5})$/;
const ENGINE_CHAIN = /^(DOCKER|DOCKER-ISOLATION-STAGE-[12]|DOCKER-FORWARD|DOCKER-BRIDGE|DOCKER-CT|NETAVARK_[A-Z0-9_-]+|NETAVARK-[A-Z0-9_-]+)$/;

/** Interfaces named with -i/-o in the engines' chains of an `iptables-save` text. */
export function bridgesInEngineChains(iptablesSave: string): Set<string> {
  const names = new Set<string>();
  for (const line of iptablesSave.split('\n')) {
    const chain = /^-A (\S+) /.exec(line)?.[1];
    if (!chain || !ENGINE_CHAIN.test(chain)) continue;
    for (const m of line.matchAll(/(?:^|\s)-[io] (\S+)/g)) names.add(m[1]!);
  }
  return names;
}

/** Interfaces named by iifname/oifname inside `table inet netavark` of an `nft list ruleset` text. */
export function bridgesInNetavark(nftText: string): Set<string> {
  const names = new Set<string>();
  const start = nftText.search(/^table inet netavark \{/m);
  if (start < 0) return names;
  const end = nftText.indexOf('\n}', start);
  const block = nftText.slice(start, end < 0 ? undefined : end);
  for (const m of block.matchAll(/[io]ifname "([^"]+)"/g)) names.add(m[1]!);
  return names;
}

export interface BridgeOwnership {
  links: readonly HostLink[];
  /** Interfaces named in the engines' own rules (bridgesInEngineChains ∪ bridgesInNetavark). */
  engineNamed: ReadonlySet<string>;
}

export type BridgeOwner = 'engine' | 'bridgeport';

/** Who owns the bridge, or why it is nobody's Bridgeport may act on (a sentence ending in "refused"). */
export function bridgeOwner(name: string, facts: BridgeOwnership): { owner: BridgeOwner } | { refused: string } {
  const not = `bridge ${name} is not a container engine's bridge nor one Bridgeport made`;
  const link = facts.links.find((l) => l.name === name);
  if (!link) return { refused: `${not} (there is no such link); refused` };
  if (link.kind !== 'bridge') return { refused: `${not} (it is a ${link.kind ?? 'network device'}, not a bridge); refused` };
  const nic = portsOf(facts.links, name).find((p) => p.kind === null);
  if (nic) return { refused: `${not} (the network device ${nic.name} is one of its ports); refused` };
  if (link.tagged) return { owner: 'bridgeport' };
  if (ENGINE_NAME.test(name) || facts.engineNamed.has(name)) return { owner: 'engine' };
  return { refused: `${not}; refused` };
}
