// Which firewall Bridgeport writes its published ports with: iptables chains (port-rules) or its
// own native nftables table (port-nft-rules). Pure policy over what the host has.
import type { NftTable } from '../nft/parse-nft-tables';
import type { ParsedRuleset } from '../rules/parsed-rule';

export type PortBackend = 'iptables' | 'nftables';
/** The user's (or a test's) choice: BRIDGEPORT_FIREWALL_BACKEND. */
export type PortBackendPreference = 'auto' | PortBackend;

export interface PortBackendFacts {
  /** An `iptables` binary runs. */
  hasIptables: boolean;
  /** An `nft` binary runs. */
  hasNft: boolean;
  /** Native tables (iptables-nft's own left out). */
  nativeTables: readonly NftTable[];
  /** iptables' filter FORWARD chain has policy DROP (Docker's iptables firewall sets it). */
  iptablesForwardDrops?: boolean;
}

/** `iptables -t filter -S FORWARD`: does the chain's policy drop what no rule accepts? */
export function forwardPolicyDrops(listing: string): boolean {
  return listing.split('\n').some((line) => line.trim() === '-P FORWARD DROP');
}

export type PortBackendChoice = { backend: PortBackend; reason: string } | { refused: string };

/** The engines whose firewall is native nftables: an iptables accept would not be final there either. */
export function nativeEngineFirewall(tables: readonly NftTable[]): string | null {
  if (tables.some((t) => t.family === 'inet' && t.name === 'netavark')) return "Podman's netavark nftables driver (table inet netavark)";
  if (tables.some((t) => t.family === 'ip' && t.name === 'docker-bridges')) return "Docker's nftables backend (table ip docker-bridges)";
  return null;
}

export function choosePortBackend(preference: PortBackendPreference, facts: PortBackendFacts): PortBackendChoice {
  const missing = (tool: string) => ({ refused: `the firewall backend ${tool} was asked for (BRIDGEPORT_FIREWALL_BACKEND) but \`${tool === 'nftables' ? 'nft' : 'iptables'}\` does not run on this host` });
  if (preference === 'nftables') return facts.hasNft ? { backend: 'nftables', reason: 'asked for (BRIDGEPORT_FIREWALL_BACKEND=nftables)' } : missing('nftables');
  if (preference === 'iptables') return facts.hasIptables ? { backend: 'iptables', reason: 'asked for (BRIDGEPORT_FIREWALL_BACKEND=iptables)' } : missing('iptables');
  if (!facts.hasIptables) {
    return facts.hasNft ? { backend: 'nftables', reason: 'this host has no iptables' } : { refused: 'this host has neither iptables nor nft: Bridgeport cannot write firewall rules' };
  }
  const native = nativeEngineFirewall(facts.nativeTables);
  // Docker (iptables) and Podman (netavark) on one host: netavark's chains accept by policy, Docker's
  // FORWARD DROP would drop what only our nftables table accepts, so only iptables reaches both.
  const dockerNft = facts.nativeTables.some((t) => t.family === 'ip' && t.name === 'docker-bridges');
  if (native !== null && !dockerNft && facts.iptablesForwardDrops) {
    return { backend: 'iptables', reason: `iptables' FORWARD chain has policy DROP (Docker's iptables firewall) beside ${native}: only an iptables accept is not dropped there` };
  }
  if (native !== null && facts.hasNft) return { backend: 'nftables', reason: `the container engine's firewall is ${native}` };
  return { backend: 'iptables', reason: 'the container engine uses iptables' };
}

/**
 * Why iptables may drop what Bridgeport's nftables table accepts (an accept is final only within its
 * own table), or null: the FORWARD policy DROP Docker's iptables firewall sets, or that firewall itself.
 */
export function iptablesDropsForwarded(current: ParsedRuleset, nativeTables: readonly NftTable[]): string | null {
  const forward = current.chains.find((c) => c.family === 'ipv4' && c.table === 'filter' && c.name === 'FORWARD');
  const dockerUser = current.chains.some((c) => c.family === 'ipv4' && c.table === 'filter' && c.name === 'DOCKER-USER');
  if (dockerUser && nativeEngineFirewall(nativeTables) === null) return "Docker's iptables firewall (DOCKER-USER) drops forwarded traffic to container ports Docker does not publish itself";
  if (forward?.policy === 'DROP') return "iptables' FORWARD chain has policy DROP";
  return null;
}
