// The only files the DNS operations read or write: a container's resolv.conf (and Docker's hash of
// it), hosts and hostname, as Docker keeps them under <data-root>/containers/<64-hex id>/. Pure.
import { z } from 'zod';

const CONTAINER_FILE = /^\/(?:[A-Za-z0-9._@+-]+\/)*containers\/[0-9a-f]{64}\/(resolv\.conf|resolv\.conf\.hash|hosts|hostname)$/;

export const containerFilePathSchema = z
  .string()
  .max(4096)
  .refine((path) => CONTAINER_FILE.test(path) && !path.split('/').some((part) => part === '.' || part === '..'), {
    message: "not a container's resolv.conf, resolv.conf.hash, hosts or hostname under Docker's data root",
  });

export const resolvConfPathSchema = containerFilePathSchema.refine((path) => path.endsWith('/resolv.conf'), { message: "not a container's resolv.conf" });

/** Docker's content hash ("sha256:" + 64 hex), as in resolv.conf.hash. */
export const contentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'not a sha256: content hash');
