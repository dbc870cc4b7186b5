// Whether a container's copy of the host's resolv.conf was edited after Docker (or Bridgeport) wrote
// it: an edit is the container owner's choice, and sync leaves such a file alone. Pure.
import { docker20HostCopyText, dockerContentHash } from './docker-copy';

export interface CopyFile {
  text: string;
  /** Docker's resolv.conf.hash, null when it keeps none (host network). */
  hash: string | null;
}

/**
 * With a .hash: edited when the file matches neither it nor what Bridgeport last wrote. Without one
 * (host network): edited when it matches no copy of any host file Bridgeport has seen (as is, or as
 * Docker 20.10 filters it) and not what Bridgeport wrote. A file Docker copied before Bridgeport
 * first looked cannot be told from an edit: it is taken as Docker's (users seldom edit a host-network
 * container's resolv.conf, and Docker's own copy is what goes stale).
 */
export function copyWasEdited(file: CopyFile, writtenByBridgeport: string | undefined, hostTexts: readonly string[], ipv6: boolean, startedBeforeWatching = false): boolean {
  const now = dockerContentHash(file.text);
  if (now === writtenByBridgeport) return false;
  if (file.hash !== null) return now !== file.hash;
  if (startedBeforeWatching) return false;
  return !hostTexts.some((text) => dockerContentHash(text) === now || dockerContentHash(docker20HostCopyText(text, ipv6)) === now);
}
