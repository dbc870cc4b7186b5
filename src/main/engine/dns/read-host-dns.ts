// Reads the host's DNS in force: the watched file, or systemd-resolved's upstream list when the file
// names only its stub, and where it came from. I/O only (the stub rule is host-resolv.ts).
import { readFile, stat } from 'node:fs/promises';
import type { HostDns, ResolvSettings } from '../../../shared/dns-model';
import { detectDhcpSource } from './dhcp-source';
import type { HostDnsPaths } from './host-dns-paths';
import { hostFileInForce } from './host-resolv';
import { parseResolvConf } from '../../netcore/resolv-conf/resolv-conf';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';

export interface HostReading {
  view: HostDns;
  /** The settings and raw text in force, or null when the file could not be read. */
  current: { settings: ResolvSettings; text: string } | null;
  /** When the file in force was last written (ms since the epoch): its content is no older. */
  modifiedAt: number | null;
}

async function readText(path: string): Promise<{ text: string | null; error: Message | null }> {
  try {
    return { text: await readFile(path, 'utf8'), error: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { text: null, error: code === 'ENOENT' ? message('engine-dns:host.missing', { path }) : message('engine-dns:host.unreadable', { path, error: (error as Error).message }) };
  }
}

const UNREAD_SOURCE = message('engine-dns:dhcp.unknown');

export async function readHostDns(paths: HostDnsPaths): Promise<HostReading> {
  const [main, stub] = await Promise.all([readText(paths.path), readText(paths.stubTarget)]);
  const empty = { nameservers: [], search: [], options: [] };
  if (main.text === null) {
    return {
      view: {
        path: paths.path,
        inForce: paths.path,
        followedStub: false,
        ...empty,
        dhcp: { kind: 'file', detail: inEnglish(UNREAD_SOURCE), detailMessage: UNREAD_SOURCE },
        error: main.error && inEnglish(main.error),
        ...(main.error ? { errorMessage: main.error } : {}),
      },
      current: null,
      modifiedAt: null,
    };
  }
  const chosen = hostFileInForce({ path: paths.path, text: main.text, stubTarget: paths.stubTarget, stubTargetText: stub.text });
  const text = chosen.text ?? main.text;
  const parsed = parseResolvConf(text);
  const settings: ResolvSettings = { nameservers: parsed.nameservers, search: parsed.search, options: parsed.options };
  const [dhcp, modifiedAt] = await Promise.all([detectDhcpSource(settings.nameservers), stat(chosen.inForce).then((s) => s.mtimeMs, () => null)]);
  return {
    modifiedAt,
    view: { path: paths.path, inForce: chosen.inForce, followedStub: chosen.followedStub, ...settings, dhcp, error: null },
    current: { settings, text },
  };
}
