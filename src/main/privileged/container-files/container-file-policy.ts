// What a container file and every directory above it must be before root reads or writes it: the
// file a root-owned regular file of at most 64 KiB with one link, every directory root-owned and
// writable by nobody else. Pure: open-container-file.ts walks the path and passes in what fstat said.
//
// Sticky directories (/tmp, mode 1777): allowed ABOVE the engine's data root only. In a root-owned
// sticky directory nobody but root may rename or remove a root-owned entry, so the root-owned child
// the walk opens next cannot be swapped; an entry someone else made there is theirs and fails the
// owner check one step later. The lab keeps its data root under /tmp/bridgeport-lab-*/docker, and
// a laptop's is /var/lib/docker: both pass. From the data root down, no group or other write bit at
// all: that is where Docker keeps the files, and nothing but root has business changing it.
import { OperationError } from '../contract/operations';

export const MAX_CONTAINER_FILE_BYTES = 64 * 1024;

/** What fstat says about a descriptor (fs.Stats has these). */
export interface DescriptorFacts {
  isFile(): boolean;
  isDirectory(): boolean;
  uid: number;
  mode: number;
  size: number;
  nlink: number;
}

export interface ContainerFileLocation {
  /** Directory names from / down to the container's directory: [...dataRoot, 'containers', id] (Podman: [...runroot, 'overlay-containers', id, 'userdata']). */
  dirs: string[];
  /** The file in the container's directory (resolv.conf, resolv.conf.hash, hosts, hostname). */
  name: string;
  /** How many of `dirs` lie above the data root (the data root is dirs[aboveDataRoot]). */
  aboveDataRoot: number;
}

const DOCKER_FILE = /^((?:\/[A-Za-z0-9._@+-]+)*)\/containers\/([0-9a-f]{64})\/(resolv\.conf|resolv\.conf\.hash|hosts|hostname)$/;
const PODMAN_FILE = /^((?:\/[A-Za-z0-9._@+-]+)*)\/overlay-containers\/([0-9a-f]{64})\/userdata\/(resolv\.conf|hosts|hostname)$/;

/**
 * Splits `<data root>/containers/<64 hex>/<name>` (Docker) or
 * `<runroot>/overlay-containers/<64 hex>/userdata/<name>` (Podman); refuses anything else (the
 * schema did already). The engine's root is the data root / runroot.
 */
export function locateContainerFile(path: string): ContainerFileLocation {
  const docker = DOCKER_FILE.exec(path);
  const podman = docker ? null : PODMAN_FILE.exec(path);
  const match = docker ?? podman;
  const root = match?.[1]?.split('/').slice(1) ?? [];
  if (!match || root.length === 0 || root.some((part) => part === '.' || part === '..')) {
    throw new OperationError(`${path} is not a container's file under an engine's data root; refused`, 'refused');
  }
  const below = docker ? ['containers', match[2]!] : ['overlay-containers', match[2]!, 'userdata'];
  return { dirs: [...root, ...below], name: match[3]!, aboveDataRoot: root.length - 1 };
}

const octal = (mode: number) => (mode & 0o7777).toString(8);

/**
 * Why directory `dir` may not lead to `file`, or null. `aboveDataRoot`: dir lies above the engine's
 * data root (there a root-owned sticky directory such as /tmp is fine, see the header).
 */
export function directoryProblem(facts: DescriptorFacts, dir: string, file: string, aboveDataRoot: boolean): string | null {
  if (!facts.isDirectory()) return `${dir} is not a directory; refused`;
  if (facts.uid !== 0) return `${file} has a parent directory not owned by root (${dir}, uid ${facts.uid}); refused`;
  const othersWrite = (facts.mode & 0o022) !== 0;
  const sticky = (facts.mode & 0o1000) !== 0;
  if (othersWrite && !(sticky && aboveDataRoot)) return `${file} has a parent directory writable by others (${dir}, mode ${octal(facts.mode)}); refused`;
  return null;
}

/** Why the opened `file` may not be read or written as a container's file, or null. */
export function fileProblem(facts: DescriptorFacts, file: string): string | null {
  if (!facts.isFile()) return `${file} is not a regular file; refused`;
  if (facts.uid !== 0) return `${file} is not owned by root (uid ${facts.uid}); refused`;
  // A second name for the inode would be a hard link to a file elsewhere (say /etc/shadow).
  if (facts.nlink !== 1) return `${file} has ${facts.nlink} hard links; refused`;
  if (facts.size > MAX_CONTAINER_FILE_BYTES) return `${file} is larger than 64 KiB (${facts.size} bytes); refused`;
  return null;
}
