// The environment Bridgeport's commands run in. A normal user's PATH on Debian has no /usr/sbin or
// /sbin, where ip, iptables, nft, ss and conntrack live: without them a desktop user's reads fail
// for the wrong reason. They are appended (the user's own PATH still wins), and the C locale keeps
// the output parseable.
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/local/bin', '/usr/bin', '/bin'];

export function withSystemDirs(path: string | undefined): string {
  const own = (path ?? '').split(':').filter((dir) => dir !== '');
  return [...own, ...SYSTEM_DIRS.filter((dir) => !own.includes(dir))].join(':');
}

export function commandEnv(): Record<string, string> {
  return { LC_ALL: 'C', PATH: withSystemDirs(process.env.PATH) };
}
