// What the doctor's checks look at: plain data gathered once per run (gather-facts.ts does the I/O).
// Every check is a pure function of these facts.
import type { FirewallBackend } from '../../../shared/firewall-model';
import type { Message } from '../../../shared/message';
import type { Link, Network } from '../../../shared/model';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import type { Route } from '../path/parse-ip-route';

/** A file as read: its text, null when it does not exist; error when it exists but could not be read. */
export interface FileRead {
  path: string;
  text: string | null;
  error: string | null;
}

export type IptablesVariant = 'nft' | 'legacy';

export type FirewallFacts =
  | { readable: false; reason: string; /** The same as a message, where the reader gave one. */ reasonMessage?: Message }
  | {
      readable: true;
      /** Which variant `iptables` is on this host (the one Docker uses too). */
      variant: IptablesVariant;
      backend: FirewallBackend;
      /** iptables (v4, v6) and native nftables rules, as the NAT view reads them. */
      ruleset: ParsedRuleset;
      /** `iptables-save` of the other variant; null when its tool is not installed or failed. */
      otherSave: string | null;
    };

export type DockerFacts = { available: true; version: string; networks: Network[] } | { available: false; reason: string; /** The same as a message. */ reasonMessage?: Message };

export interface DoctorFacts {
  sysctls: {
    /** net.ipv4.ip_forward as read ('0' or '1'); null when it could not be read. */
    ipForward: string | null;
    /** net.bridge.bridge-nf-call-iptables; null when absent (br_netfilter is not loaded). */
    bridgeNfCallIptables: string | null;
  };
  firewall: FirewallFacts;
  docker: DockerFacts;
  /** Every IPv4 route of every table; null when `ip route` failed. */
  routes: Route[] | null;
  /** Links of this namespace with their addresses (for MASQUERADE's source address). */
  links: Link[];
  /** Docker's systemd drop-ins (*.conf), in the order systemd reads them. */
  dropIns: { dir: string; files: Array<{ path: string; text: string }>; error: string | null };
  daemonJson: FileRead;
  resolvConf: FileRead;
  /** systemd-resolved's list of upstream servers, which Docker uses when resolv.conf names only 127.0.0.53. */
  resolvedUpstream: FileRead;
}
