// The only files the DNS operations read or write: a container's resolv.conf (and Docker's hash of
// it), hosts and hostname, where the engines keep them: Docker under
// <data-root>/containers/<64-hex id>/, Podman under <runroot>/overlay-containers/<64-hex id>/userdata/
// (rootful Podman: /run/containers/storage). Pure.
import { z } from 'zod';

const SEGMENTS = String.raw`(?:[A-Za-z0-9._@+-]+\/)*`;
const DOCKER_FILE = new RegExp(String.raw`^\/${SEGMENTS}containers\/[0-9a-f]{64}\/(resolv\.conf|resolv\.conf\.hash|hosts|hostname)$`);
const PODMAN_FILE = new RegExp(String.raw`^\/${SEGMENTS}overlay-containers\/[0-9a-f]{64}\/userdata\/(resolv\.conf|hosts|hostname)$`);

export const containerFilePathSchema = z
  .string()
  .max(4096)
  .refine((path) => (DOCKER_FILE.test(path) || PODMAN_FILE.test(path)) && !path.split('/').some((part) => part === '.' || part === '..'), {
    message: "not a container's resolv.conf, resolv.conf.hash, hosts or hostname under Docker's data root or Podman's runroot",
  });

export const resolvConfPathSchema = containerFilePathSchema.refine((path) => path.endsWith('/resolv.conf'), { message: "not a container's resolv.conf" });

/** Docker's content hash ("sha256:" + 64 hex), as in resolv.conf.hash. */
export const contentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'not a sha256: content hash');
