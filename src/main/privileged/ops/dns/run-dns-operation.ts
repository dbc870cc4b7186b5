// Runs the DNS operations. I/O; the checks that matter for safety happen here, at the last door:
// files must be what their path says (no symlink anywhere, a regular file) and a redirect never
// goes into the namespace Bridgeport itself runs in.
import { createHash } from 'node:crypto';
import { open, readFile, realpath, stat } from 'node:fs/promises';
import { CommandError, runCommand } from '../../../system/run-command';
import { OperationError, type OperationArgs, type OperationHandlers } from '../../contract/operations';
import type { DnsOperationResults, Redirect } from '../../contract/dns-operations';
import { planRedirectBatch, redirectsIn } from '../../../netcore/rulesets/dns-redirect-rules';
import { applyAndVerify, readIpv4Rules } from '../../firewall/apply-and-verify';
import { namespaceIdentity } from '../../../system/namespace-identity';

export type DnsOperationName = keyof DnsOperationResults;

const hashOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** The path names a regular file, reached without a symlink. */
async function checkRealFile(path: string): Promise<void> {
  const [real, info] = await Promise.all([realpath(path), stat(path)]);
  if (real !== path) throw new OperationError(`${path} goes through a symlink (to ${real}); refused`, 'refused');
  if (!info.isFile()) throw new OperationError(`${path} is not a regular file; refused`, 'refused');
}

async function readFiles(args: OperationArgs<'dns.readFiles'>): Promise<DnsOperationResults['dns.readFiles']> {
  const files = await Promise.all(
    args.paths.map(async (path) => {
      try {
        await checkRealFile(path);
        return { path, text: await readFile(path, 'utf8'), error: null };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { path, text: null, error: code === 'ENOENT' ? 'no such file' : (error as Error).message };
      }
    }),
  );
  return { files };
}

/** Overwrites in place: write from offset 0, then cut the rest, so the file is never empty and keeps its inode. */
async function overwrite(path: string, content: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const bytes = Buffer.from(content);
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeResolvConf(args: OperationArgs<'dns.writeResolvConf'>): Promise<DnsOperationResults['dns.writeResolvConf']> {
  await checkRealFile(args.path);
  const current = await readFile(args.path, 'utf8');
  if (hashOf(current) !== args.expectedHash) {
    throw new OperationError(`${args.path} changed since it was read (edited inside the container?); not rewritten`, 'refused');
  }
  await overwrite(args.path, args.content);
  const hash = hashOf(args.content);
  let hashFileUpdated = false;
  if (args.updateHashFile) {
    const hashPath = `${args.path}.hash`;
    try {
      await checkRealFile(hashPath);
      await overwrite(hashPath, hash);
      hashFileUpdated = true;
    } catch (error) {
      // Docker writes no hash for --network host containers: nothing to keep in step then.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { path: args.path, hash, hashFileUpdated };
}

/** `nsenter` into the namespace of `pid`, refusing the namespace Bridgeport runs in. */
async function inNamespaceOf(pid: number): Promise<string[]> {
  const path = `/proc/${pid}/ns/net`;
  const [target, self] = await Promise.all([namespaceIdentity(path), namespaceIdentity('/proc/self/ns/net')]);
  if (target === null) throw new OperationError(`process ${pid} is not running`, 'refused');
  if (target === self) throw new OperationError(`process ${pid} shares Bridgeport's own namespace; DNS redirects only go into a container's`, 'refused');
  return ['nsenter', `--net=${path}`];
}

async function readRedirectsOf(pid: number): Promise<Redirect[]> {
  return redirectsIn(await readIpv4Rules(await inNamespaceOf(pid)));
}

async function setRedirects(args: OperationArgs<'dns.setRedirects'>): Promise<DnsOperationResults['dns.setRedirects']> {
  const prefix = await inNamespaceOf(args.pid);
  const outcome = await applyAndVerify({
    inNamespace: prefix,
    plan: (current) => planRedirectBatch(current, args.redirects),
    failure: () => `the DNS redirect in the namespace of process ${args.pid} did not take`,
  });
  if (outcome.applied === null) return { pid: args.pid, changed: false, redirects: redirectsIn(outcome.before) };
  // A query in flight to an old server stays tracked as going there: forget those so retries follow the DNAT.
  for (const from of new Set([...redirectsIn(outcome.before), ...args.redirects].map((r: Redirect) => r.from))) {
    try {
      await runCommand([...prefix, 'conntrack', '-D', '-p', 'udp', '--orig-dst', from, '--orig-port-dst', '53']);
    } catch (error) {
      if (!(error instanceof CommandError && error.exitCode === 1)) throw error;
    }
  }
  return { pid: args.pid, changed: true, redirects: redirectsIn(outcome.after) };
}

async function readRedirects(args: OperationArgs<'dns.readRedirects'>): Promise<DnsOperationResults['dns.readRedirects']> {
  const entries = await Promise.all(
    args.pids.map(async (pid) => {
      try {
        return [String(pid), await readRedirectsOf(pid)] as const;
      } catch {
        return [String(pid), null] as const;
      }
    }),
  );
  return { redirects: Object.fromEntries(entries) };
}

export const dnsHandlers = {
  'dns.readFiles': readFiles,
  'dns.writeResolvConf': writeResolvConf,
  'dns.setRedirects': setRedirects,
  'dns.readRedirects': readRedirects,
} satisfies OperationHandlers<DnsOperationName>;
