// The dockerd settings the checks care about, from the ExecStart= of the drop-ins and from
// daemon.json, each with where it was found. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { FileRead } from './doctor-facts';
import type { DropInSettings } from './parse-systemd-dropins';

export interface Setting<T> {
  value: T;
  /** Where it is set, in words: "--iptables=false in /etc/…/docker-options.conf". */
  source: string;
  /** The same as a message of the doctor's catalogue. */
  sourceMessage: Message;
}

export interface DaemonOptions {
  iptables: Setting<boolean> | null;
  ipMasq: Setting<boolean> | null;
  ipForward: Setting<boolean> | null;
  dns: Setting<string[]> | null;
  /** daemon.json "proxies" (Docker 23+): http-proxy, https-proxy, no-proxy. */
  proxies: Array<{ name: string; value: string; source: string; sourceMessage: Message }>;
  /** daemon.json exists but is not valid JSON (dockerd would refuse to start). */
  daemonJsonError: string | null;
}

const BOOL_FLAGS = { iptables: '--iptables', ipMasq: '--ip-masq', ipForward: '--ip-forward' } as const;

/** `--flag`, `--flag=true|false` (Go's bool flags take no separate value). */
function boolFlag(argv: readonly string[], flag: string): boolean | null {
  let found: boolean | null = null;
  for (const arg of argv) {
    if (arg === flag) found = true;
    else if (arg.startsWith(`${flag}=`)) {
      const value = arg.slice(flag.length + 1).toLowerCase();
      if (['true', '1', 't'].includes(value)) found = true;
      if (['false', '0', 'f'].includes(value)) found = false;
    }
  }
  return found;
}

function dnsFlags(argv: readonly string[]): string[] {
  const servers: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--dns' && argv[i + 1]) servers.push(argv[i + 1]!);
    else if (arg.startsWith('--dns=')) servers.push(arg.slice('--dns='.length));
  });
  return servers;
}

type Json = Record<string, unknown>;

function parseJson(file: FileRead): { json: Json | null; error: string | null } {
  if (file.text === null || file.text.trim() === '') return { json: null, error: null };
  try {
    const value: unknown = JSON.parse(file.text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { json: value as Json, error: null } : { json: null, error: 'not a JSON object' };
  } catch (error) {
    return { json: null, error: (error as Error).message };
  }
}

export function daemonOptions(dropIns: DropInSettings, daemonJson: FileRead): DaemonOptions {
  const { json, error } = parseJson(daemonJson);
  const argv = dropIns.execStart?.argv ?? [];
  const where = (setting: string, path: string) => {
    const sourceMessage = message('engine-doctor:settingIn', { setting, path });
    return { source: inEnglish(sourceMessage), sourceMessage };
  };
  const execSource = (text: string) => where(text, dropIns.execStart?.path ?? '?');
  const fromJson = (key: string) => where(`"${key}"`, daemonJson.path);
  const bool = (name: keyof typeof BOOL_FLAGS, jsonKey: string): Setting<boolean> | null => {
    const flag = boolFlag(argv, BOOL_FLAGS[name]);
    if (flag !== null) return { value: flag, ...execSource(`${BOOL_FLAGS[name]}=${flag}`) };
    const value = json?.[jsonKey];
    return typeof value === 'boolean' ? { value, ...fromJson(jsonKey) } : null;
  };
  const flagDns = dnsFlags(argv);
  const jsonDns = Array.isArray(json?.dns) ? (json.dns as unknown[]).filter((s): s is string => typeof s === 'string') : [];
  const dns = flagDns.length > 0 ? { value: flagDns, ...execSource('--dns') } : jsonDns.length > 0 ? { value: jsonDns, ...fromJson('dns') } : null;
  const proxiesJson = json?.proxies;
  const proxies =
    typeof proxiesJson === 'object' && proxiesJson !== null
      ? Object.entries(proxiesJson as Json)
          .filter((e): e is [string, string] => typeof e[1] === 'string')
          .map(([name, value]) => ({ name, value, ...fromJson(`proxies.${name}`) }))
      : [];
  return {
    iptables: bool('iptables', 'iptables'),
    ipMasq: bool('ipMasq', 'ip-masq'),
    ipForward: bool('ipForward', 'ip-forward'),
    dns,
    proxies,
    daemonJsonError: error,
  };
}
