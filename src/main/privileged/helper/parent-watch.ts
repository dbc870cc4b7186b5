// Is the app that started the helper still there? kill(pid, 0) alone says yes for a zombie and for
// a new process that got the same pid, so the start time from /proc/<pid>/stat must match too.
import { readFileSync } from 'node:fs';

/** State and start time (clock ticks since boot) from a /proc/<pid>/stat text. Pure. */
export function parseProcStat(text: string): { state: string; startTicks: string } | null {
  // The command name is in parentheses and may itself hold spaces and ')': fields follow the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).trim().split(' ');
  // After ')' come field 3 (state) … field 22 (starttime).
  const state = fields[0];
  const startTicks = fields[19];
  if (text.lastIndexOf(')') === -1 || !state || !startTicks || !/^\d+$/.test(startTicks)) return null;
  return { state, startTicks };
}

/** The start time of a running (not zombie) process, or null when there is none. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return stat && stat.state !== 'Z' && stat.state !== 'X' ? stat.startTicks : null;
  } catch {
    return null;
  }
}

export function parentAlive(pid: number, startTicks: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return processStartTicks(pid) === startTicks;
}
