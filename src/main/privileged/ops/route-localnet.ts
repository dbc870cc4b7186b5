// net.ipv4.conf.<bridge>.route_localnet: lets the host's 127.0.0.1 be DNAT'd onto a bridge.
// /proc/sys/net follows the namespace of the process that opens it (unlike /sys/class/net). I/O.
import { readdir, readFile, writeFile } from 'node:fs/promises';

const pathOf = (bridge: string) => `/proc/sys/net/ipv4/conf/${bridge}/route_localnet`;

/** The current value, or null when the bridge does not exist. */
export async function readRouteLocalnet(bridge: string): Promise<boolean | null> {
  try {
    return (await readFile(pathOf(bridge), 'utf8')).trim() === '1';
  } catch {
    return null;
  }
}

export async function writeRouteLocalnet(bridge: string, on: boolean): Promise<void> {
  await writeFile(pathOf(bridge), on ? '1\n' : '0\n');
}

/** Whether any interface (or `all`/`default`) but lo has route_localnet on: then the loopback guard stays. */
export async function anyRouteLocalnetOn(): Promise<boolean> {
  const names = (await readdir('/proc/sys/net/ipv4/conf')).filter((name) => name !== 'lo');
  const values = await Promise.all(names.map((name) => readRouteLocalnet(name)));
  return values.some((on) => on === true);
}
