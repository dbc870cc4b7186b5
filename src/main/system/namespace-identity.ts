// Which namespace a /proc/PID/ns/net or /run/netns/NAME file is: its device and inode, as the
// kernel compares them (null when it does not exist). I/O only.
import { stat } from 'node:fs/promises';

export async function namespaceIdentity(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
