// Docker's `bridge-accept-fwmark` (Docker 29): packets carrying this mark pass Docker's forward
// chain. On its nftables backend an accept in another table is not final, so Bridgeport sets the
// mark on what it accepts. Read from dockerd's argv (wins) or daemon.json. Pure.
import type { AcceptMark } from './port-nft-rules';

export const ACCEPT_FWMARK_OPTION = 'bridge-accept-fwmark';

/** "0x10", "16", "0x10/0xff": a 32-bit mark and mask (no mask: all bits). */
export function parseFwmark(text: string): AcceptMark | null {
  const [value, mask, extra] = text.trim().split('/');
  if (extra !== undefined || value === undefined) return null;
  const number = (s: string) => (/^(0x[0-9a-f]+|\d+)$/i.test(s) ? Number(s) : NaN);
  const v = number(value);
  const m = mask === undefined ? 0xffffffff : number(mask);
  if (!Number.isInteger(v) || !Number.isInteger(m) || v > 0xffffffff || m > 0xffffffff || m === 0) return null;
  return { value: v >>> 0, mask: m >>> 0 };
}

export interface AcceptFwmarkSetting {
  mark: AcceptMark;
  source: string;
}

/** `--bridge-accept-fwmark X` or `=X` in dockerd's argv; else the daemon.json key. */
export function acceptFwmarkOf(argv: readonly string[], daemonJson: { path: string; text: string | null }): AcceptFwmarkSetting | null {
  const flag = `--${ACCEPT_FWMARK_OPTION}`;
  let fromArgv: string | null = null;
  argv.forEach((arg, i) => {
    if (arg === flag && argv[i + 1] !== undefined) fromArgv = argv[i + 1]!;
    else if (arg.startsWith(`${flag}=`)) fromArgv = arg.slice(flag.length + 1);
  });
  if (fromArgv !== null) {
    const mark = parseFwmark(fromArgv);
    return mark ? { mark, source: `${flag}=${fromArgv as string} in dockerd's command line` } : null;
  }
  if (!daemonJson.text) return null;
  try {
    const json: unknown = JSON.parse(daemonJson.text);
    const value = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)[ACCEPT_FWMARK_OPTION] : undefined;
    const mark = typeof value === 'string' ? parseFwmark(value) : null;
    return mark ? { mark, source: `"${ACCEPT_FWMARK_OPTION}" in ${daemonJson.path}` } : null;
  } catch {
    return null;
  }
}

/** dockerd's --config-file, if given (else /etc/docker/daemon.json). */
export function daemonConfigFileOf(argv: readonly string[]): string | null {
  let file: string | null = null;
  argv.forEach((arg, i) => {
    if (arg === '--config-file' && argv[i + 1] !== undefined) file = argv[i + 1]!;
    else if (arg.startsWith('--config-file=')) file = arg.slice('--config-file='.length);
  });
  return file;
}
