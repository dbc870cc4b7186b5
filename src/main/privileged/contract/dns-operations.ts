// The privileged operations of the DNS sync: read containers' DNS files, rewrite one resolv.conf in
// place, and redirect the upstreams of Docker's embedded resolver inside one container's namespace.
import { z } from 'zod';
import type { Redirect } from '../../netcore/rulesets/dns-redirect-rules';
import { pidSchema } from '../../../shared/atoms/pids';
import { ipv4Schema } from '../../../shared/publish-model';
import { containerFilePathSchema, contentHashSchema, resolvConfPathSchema } from './container-file-path';
import { resolvConfProblem } from '../../netcore/resolv-conf/check-resolv-conf';

export const dnsOperations = {
  /** Reads containers' resolv.conf, resolv.conf.hash, hosts and hostname (root-only under Docker's data root). */
  'dns.readFiles': z.object({ paths: z.array(containerFilePathSchema).max(4096) }).strict(),
  /**
   * Rewrites a container's resolv.conf in place (it is bind-mounted into the container: a rename would
   * leave the container on the old file) if it still has the content the caller planned against.
   */
  'dns.writeResolvConf': z
    .object({
      path: resolvConfPathSchema,
      content: z
        .string()
        .max(16_384)
        .refine((text) => !text.includes('\0'), 'a resolv.conf has no NUL bytes')
        .superRefine((text, ctx) => {
          // Root writes it into a container: only resolver settings, never an arbitrary payload.
          const problem = resolvConfProblem(text);
          if (problem) ctx.addIssue({ code: 'custom', message: `not a resolv.conf: ${problem}` });
        }),
      expectedHash: contentHashSchema,
      /** Also rewrite resolv.conf.hash (when it exists), so Docker keeps treating the file as its own. */
      updateHashFile: z.boolean(),
    })
    .strict(),
  /** Brings the BRIDGEPORT-DNS chain in the namespace of process `pid` to exactly these DNATs (none: removed). */
  'dns.setRedirects': z
    .object({
      pid: pidSchema,
      redirects: z.array(z.object({ from: ipv4Schema, to: ipv4Schema }).strict()).max(16),
    })
    .strict(),
  /** The DNATs of BRIDGEPORT-DNS in the namespaces of these processes. */
  'dns.readRedirects': z.object({ pids: z.array(pidSchema).max(4096) }).strict(),
  /**
   * Brings BRIDGEPORT-DOCKERD-DNS in this (the host's) namespace to exactly these DNATs of the queries
   * root's dockerd forwards (Docker 28's `host(…)` upstreams), scoped to dockerd's cgroup, which the
   * helper finds itself. Each target must be a server of the host's DNS that dockerd reads now.
   */
  'dns.setDockerdRedirects': z.object({ redirects: z.array(z.object({ from: ipv4Schema, to: ipv4Schema }).strict()).max(16) }).strict(),
  /** The DNATs of BRIDGEPORT-DOCKERD-DNS, and whether dockerd's queries can be redirected here at all. */
  'dns.readDockerdRedirects': z.object({}).strict(),
  /** SIGHUPs root's aardvark-dns in this namespace so it reads the host's DNS servers again (only when its resolv.conf names one). */
  'dns.reloadAardvark': z.object({}).strict(),
  /** Root's aardvark-dns processes here that a reload would signal (signals nothing). */
  'dns.listAardvark': z.object({}).strict(),
} as const;

export type { Redirect };

export interface DnsOperationResults {
  'dns.readFiles': { files: Array<{ path: string; text: string | null; error: string | null }> };
  'dns.writeResolvConf': { path: string; hash: string; hashFileUpdated: boolean };
  'dns.setRedirects': { pid: number; changed: boolean; redirects: Redirect[] };
  /** null for a process that is gone or whose namespace could not be read. */
  'dns.readRedirects': { redirects: Record<string, Redirect[] | null> };
  'dns.setDockerdRedirects': { changed: boolean; redirects: Redirect[]; cgroup: string | null };
  /** scope: the cgroup a redirect would match, or null with the reason in `problem`. */
  'dns.readDockerdRedirects': { redirects: Redirect[]; scope: string | null; problem: string | null };
  /** startedAt: the process's start time (clock ticks after boot), which tells it from a later process with its pid. */
  'dns.reloadAardvark': { signalled: Array<{ pid: number; servers: string[]; startedAt: number }>; skipped: Array<{ pid: number; reason: string }> };
  /** startedAtMs: when it started (ms since the epoch): it read the host's DNS then. */
  'dns.listAardvark': { processes: Array<{ pid: number; startTime: number; startedAtMs: number | null; servers: string[] }> };
}
