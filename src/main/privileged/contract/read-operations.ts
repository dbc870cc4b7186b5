// The privileged READS: what the engine cannot see as a normal user (the firewall, the inside of other
// network namespaces, the processes owning sockets). Each returns the raw text the tools print; the
// engine's pure parsers turn it into data, so nothing is interpreted twice. Sizes are capped.
import { z } from 'zod';
import { netnsNameSchema } from '../../../shared/atoms/names';
import { pidSchema } from '../../../shared/atoms/pids';

/** Below the helper's reply limit (8 MiB), so a reply that fits here also fits the socket. */
export const MAX_READ_BYTES = 7 * 1024 * 1024;
/** Namespaces entered per netns.report request (the engine splits larger sets). */
export const MAX_NAMESPACES_PER_REPORT = 512;
/** Native nftables tables read per firewall.read request. */
export const MAX_NFT_TABLES = 256;

/** The name under which the host namespace appears inside each namespace's view in a netns.report. */
export const HOST_ALIAS = 'host';

/**
 * An nftables table name as the nft command line takes it unquoted. nft parses its argv as one
 * command line, so anything else (`;`, quotes, spaces) could add a command: refused.
 */
export const nftTableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'an nftables table name (letters, digits, _ . -)');
export const nftFamilySchema = z.enum(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

export const readOperations = {
  /**
   * iptables-save -c (the variant `iptables` is), ip6tables-save -c, the other variant's save (the
   * split-store check) and these native nftables tables (`nft -j list table F N`).
   */
  'firewall.read': z
    .object({
      /** The variant `iptables -V` names (readable without root): the other one is read for the split-store check. */
      variant: z.enum(['nft', 'legacy']),
      tables: z.array(z.object({ family: nftFamilySchema, name: nftTableNameSchema }).strict()).max(MAX_NFT_TABLES),
    })
    .strict(),
  /** `nft -j list tables`. */
  'firewall.listTables': z.object({}).strict(),
  /**
   * The inside of `ip netns` namespaces (by name) and of processes' network namespaces (by pid): one
   * sectioned report (links and addresses of each, nsids both ways). nsidOnly: only the nsid.
   */
  'netns.report': z
    .object({
      named: z.array(netnsNameSchema).max(MAX_NAMESPACES_PER_REPORT),
      pids: z.array(pidSchema).max(MAX_NAMESPACES_PER_REPORT),
      nsidOnly: z.array(pidSchema).max(MAX_NAMESPACES_PER_REPORT),
    })
    .strict(),
  /** `ss -Hlntup`: listening TCP and bound UDP sockets with the processes that own them. */
  'host.listeners': z.object({}).strict(),
} as const;

export interface ReadOperationResults {
  /** v6: '' when ip6tables is missing or failed; other: null when that tool is; native: null when a table could not be read. */
  'firewall.read': { v4: string; v6: string; other: string | null; native: string[] | null };
  'firewall.listTables': { text: string };
  /** gone: pids that were no running process (not entered). */
  'netns.report': { text: string; gone: number[] };
  'host.listeners': { text: string };
}
