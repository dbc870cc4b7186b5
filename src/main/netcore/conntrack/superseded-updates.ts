// Lines of `conntrack -E` read together: an [UPDATE] of a connection followed, in the same read, by
// a later [UPDATE] of the same connection says nothing the later one does not (every update prints
// the whole entry: both tuples, the state, the flags), so it need not be parsed or handed on. A
// churned TCP connection prints SYN_RECV, ESTABLISHED, FIN_WAIT, LAST_ACK and TIME_WAIT updates
// within a millisecond: a reader that looks every half second keeps the last. NEW and DESTROY lines
// are always kept, and so is every line whose connection cannot be told from the text alone
// (no `id=`: without `-o id` only ICMP prints one, as its echo id). Pure: no I/O.

/** The connection an [UPDATE] line is about (the last `id=` and the original tuple's text), or null. */
function updateKey(line: string): string | null {
  if (!line.includes('[UPDATE]')) return null;
  const at = line.lastIndexOf(' id=');
  const from = line.indexOf('src=');
  if (at < 0 || from < 0) return null;
  const idEnd = line.indexOf(' ', at + 4);
  // The original tuple: from the first src= to the next flag or the reply's src=.
  const reply = line.indexOf(' src=', from);
  const flag = line.indexOf(' [', from);
  const tupleEnd = flag >= 0 && (reply < 0 || flag < reply) ? flag : reply;
  if (tupleEnd < 0) return null;
  return `${line.slice(at + 4, idEnd < 0 ? undefined : idEnd)} ${line.slice(from, tupleEnd)}`;
}

/** The lines in order, without the updates a later update of the same connection in them supersedes. */
export function withoutSupersededUpdates(lines: readonly string[]): string[] {
  const keys = lines.map(updateKey);
  const last = new Map<string, number>();
  keys.forEach((key, i) => key !== null && last.set(key, i));
  if (last.size === keys.filter((k) => k !== null).length) return [...lines];
  return lines.filter((_, i) => {
    const key = keys[i];
    return key === null || key === undefined || last.get(key) === i;
  });
}
