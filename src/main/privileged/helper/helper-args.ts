// The elevated helper's command line, checked strictly. Pure. The helper runs as root and talks only
// over its own stdin and stdout (the pipes of the process that launched it), so the command line
// decides almost nothing; what it does say is checked:
//   --stdio        the one protocol: newline-delimited JSON on stdin/stdout (README: the security contract)
//   --for-uid N    the desktop user it serves; must be the user pkexec (PKEXEC_UID) or sudo
//                  (SUDO_UID) says asked for it, when either is set
export interface HelperArgs {
  forUid: number;
}

export class HelperArgsError extends Error {
  override name = 'HelperArgsError';
}

const UID_MAX = 4_294_967_294;

export const USAGE = 'usage: bridgeport helper --stdio --for-uid UID';

function decimal(flag: string, text: string, min: number, max: number): number {
  // Plain decimal only: no signs, hex, exponents, spaces or leading zeros for Number() to forgive.
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new HelperArgsError(`${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text.slice(0, 40))}`);
  }
  return Number(text);
}

export function parseHelperArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HelperArgs {
  let stdio = false;
  let uidText: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--stdio') {
      if (stdio) throw new HelperArgsError('--stdio is given twice');
      stdio = true;
    } else if (arg === '--for-uid') {
      if (uidText !== undefined) throw new HelperArgsError('--for-uid is given twice');
      uidText = argv[++i];
      if (uidText === undefined) throw new HelperArgsError('--for-uid needs a value');
    } else {
      throw new HelperArgsError(`unknown argument ${JSON.stringify(arg.slice(0, 80))}; ${USAGE}`);
    }
  }
  if (!stdio) throw new HelperArgsError(`--stdio is missing (the helper speaks only over its stdin and stdout); ${USAGE}`);
  if (uidText === undefined) throw new HelperArgsError(`--for-uid is missing; ${USAGE}`);
  // uid 0 needs no helper; refusing it keeps "for" meaning "the unprivileged desktop user".
  const forUid = decimal('--for-uid', uidText, 1, UID_MAX);
  for (const name of ['PKEXEC_UID', 'SUDO_UID'] as const) {
    if (env[name] !== undefined && env[name] !== String(forUid)) {
      throw new HelperArgsError(`--for-uid ${forUid} is not the user who asked for the helper (${name}=${env[name]})`);
    }
  }
  return { forUid };
}
