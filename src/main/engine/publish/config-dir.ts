// Where Bridgeport keeps what the user configured: $BRIDGEPORT_CONFIG_DIR, else the XDG config dir
// of the user (~/.config/bridgeport). Under sudo that is the invoking user's, so `sudo bridgeport
// publish` and the desktop app share one mappings file (two files would fight over one chain).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';

export interface ConfigLocation {
  dir: string;
  /** Who should own the files written there (the sudo user), or null for whoever writes them. */
  owner: { uid: number; gid: number } | null;
}

/** The home directory of a uid in /etc/passwd text. Pure. */
export function homeOf(passwd: string, uid: number): string | null {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 6 && Number(fields[2]) === uid) return fields[5] || null;
  }
  return null;
}

export function configLocation(env: NodeJS.ProcessEnv = process.env, readPasswd = () => readFileSync('/etc/passwd', 'utf8')): ConfigLocation {
  if (env.BRIDGEPORT_CONFIG_DIR) return { dir: env.BRIDGEPORT_CONFIG_DIR, owner: null };
  const sudoUid = Number(env.SUDO_UID);
  const sudoGid = Number(env.SUDO_GID);
  if (process.getuid?.() === 0 && Number.isInteger(sudoUid) && sudoUid > 0 && Number.isInteger(sudoGid)) {
    const home = homeOf(readPasswd(), sudoUid);
    if (home) return { dir: join(home, '.config', 'bridgeport'), owner: { uid: sudoUid, gid: sudoGid } };
  }
  return { dir: envPaths('bridgeport', { suffix: '' }).config, owner: null };
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return configLocation(env).dir;
}
