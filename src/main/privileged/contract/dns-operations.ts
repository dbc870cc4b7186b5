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
} as const;

export type { Redirect };

export interface DnsOperationResults {
  'dns.readFiles': { files: Array<{ path: string; text: string | null; error: string | null }> };
  'dns.writeResolvConf': { path: string; hash: string; hashFileUpdated: boolean };
  'dns.setRedirects': { pid: number; changed: boolean; redirects: Redirect[] };
  /** null for a process that is gone or whose namespace could not be read. */
  'dns.readRedirects': { redirects: Record<string, Redirect[] | null> };
}
