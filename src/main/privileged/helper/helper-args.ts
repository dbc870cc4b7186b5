// The elevated helper's command line, checked strictly. Pure. The helper runs as root, so its
// arguments decide where a root-created socket goes and to whom it is handed:
//   --socket PATH        exactly <root>/<owner-uid>/bridgeport/<name>.sock, <root> = /run/user
//   --owner-uid N        the desktop user the socket is handed to; must be the user pkexec
//                        (PKEXEC_UID) or sudo (SUDO_UID) says asked for it, when either is set
//   --parent-pid N       the app: the helper exits when it goes
//   --socket-dir-root P  replaces /run/user, for tests only: refused when started through
//                        pkexec or sudo, so a desktop user can never point a root helper elsewhere
//   --serve              run the server in this process (the launcher's detached child)
import { posix } from 'node:path';
import { PID_MAX, PID_MIN } from '../../../shared/atoms/pids';

export const DEFAULT_SOCKET_DIR_ROOT = '/run/user';
/** sun_path holds 108 bytes with its terminating NUL. */
const MAX_SOCKET_PATH = 107;
const UID_MAX = 4_294_967_294;

export interface HelperArgs {
  socketPath: string;
  ownerUid: number;
  parentPid: number;
  socketDirRoot: string;
  serve: boolean;
}

export class HelperArgsError extends Error {
  override name = 'HelperArgsError';
}

const VALUE_FLAGS = ['--socket', '--owner-uid', '--parent-pid', '--socket-dir-root'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The directory the app creates (owner-only) and the helper binds its socket in. */
export const socketDirFor = (root: string, uid: number): string => `${root}/${uid}/bridgeport`;

export const USAGE = 'usage: bridgeport-helper --socket PATH --owner-uid UID --parent-pid PID';

function decimal(flag: string, text: string, min: number, max: number): number {
  // Plain decimal only: no signs, hex, exponents, spaces or leading zeros for Number() to forgive.
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new HelperArgsError(`${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function safePath(flag: string, text: string): string {
  if (!/^\/[A-Za-z0-9._/-]+$/.test(text) || posix.normalize(text) !== text || text.endsWith('/') || text.split('/').includes('..')) {
    throw new HelperArgsError(`${flag} must be a plain absolute path (letters, digits, . _ - and /; no .. or //), not ${JSON.stringify(text)}`);
  }
  return text;
}

function collect(argv: readonly string[]): { values: Map<ValueFlag, string>; serve: boolean } {
  const values = new Map<ValueFlag, string>();
  let serve = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--serve') {
      if (serve) throw new HelperArgsError('--serve is given twice');
      serve = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(arg)) throw new HelperArgsError(`unknown argument ${JSON.stringify(arg.slice(0, 80))}; ${USAGE}`);
    const flag = arg as ValueFlag;
    if (values.has(flag)) throw new HelperArgsError(`${flag} is given twice`);
    const value = argv[i + 1];
    if (value === undefined) throw new HelperArgsError(`${flag} needs a value`);
    values.set(flag, value);
    i++;
  }
  return { values, serve };
}

export function parseHelperArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HelperArgs {
  const { values, serve } = collect(argv);
  for (const flag of ['--socket', '--owner-uid', '--parent-pid'] as const) {
    if (!values.has(flag)) throw new HelperArgsError(`${flag} is missing; ${USAGE}`);
  }
  // uid 0 needs no helper; refusing it keeps "owner" meaning "the unprivileged desktop user".
  const ownerUid = decimal('--owner-uid', values.get('--owner-uid')!, 1, UID_MAX);
  // pid 1 never goes away: a helper tied to it would outlive the app.
  const parentPid = decimal('--parent-pid', values.get('--parent-pid')!, PID_MIN, PID_MAX);

  const elevatedBy = (['PKEXEC_UID', 'SUDO_UID'] as const).filter((name) => env[name] !== undefined);
  for (const name of elevatedBy) {
    if (env[name] !== String(ownerUid)) {
      throw new HelperArgsError(`--owner-uid ${ownerUid} is not the user who asked for the helper (${name}=${env[name]})`);
    }
  }
  const rootText = values.get('--socket-dir-root');
  if (rootText !== undefined && elevatedBy.length > 0) {
    throw new HelperArgsError(`--socket-dir-root is for tests run by root directly, not through pkexec or sudo (${elevatedBy.join(', ')} is set)`);
  }
  const socketDirRoot = rootText === undefined ? DEFAULT_SOCKET_DIR_ROOT : safePath('--socket-dir-root', rootText);
  if (socketDirRoot === '/') throw new HelperArgsError('--socket-dir-root cannot be /');

  const socketPath = safePath('--socket', values.get('--socket')!);
  const dir = socketDirFor(socketDirRoot, ownerUid);
  if (posix.dirname(socketPath) !== dir || !/^[A-Za-z0-9_-]{1,64}\.sock$/.test(posix.basename(socketPath))) {
    throw new HelperArgsError(`--socket must be ${dir}/<name>.sock (name: letters, digits, _ and -), not ${JSON.stringify(socketPath)}`);
  }
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) throw new HelperArgsError(`--socket is longer than ${MAX_SOCKET_PATH} bytes`);
  return { socketPath, ownerUid, parentPid, socketDirRoot, serve };
}
