// Every privileged read is capped: a reply must fit the helper's socket, and a huge one is refused
// with its size rather than cut (a cut rule set would read as a different one).
import { OperationError } from '../../contract/operations';
import { MAX_READ_BYTES } from '../../contract/read-operations';

export function cappedTotal(what: string, texts: readonly string[]): void {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  if (bytes > MAX_READ_BYTES) {
    throw new OperationError(`${what} is ${(bytes / 1048576).toFixed(1)} MiB, more than Bridgeport reads at once (${MAX_READ_BYTES / 1048576} MiB)`);
  }
}
