// The attacker of test/lab/helper-files.test.ts: swaps a path component between the real thing and a
// symlink to a decoy as fast as it can, for MS milliseconds, then leaves the real thing in place.
//   node swap-loop.mjs TARGET DECOY MS
// TARGET is a file or a directory; DECOY what the symlink points at. Each round: the real TARGET
// moves aside, a symlink takes its name, the real one comes back (a file by a rename over the
// symlink, a directory after unlinking it). Prints the number of rounds.
import { lstatSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';

const [target, decoy, ms] = process.argv.slice(2);
const aside = `${target}.bpswap-aside`;
const isDir = lstatSync(target).isDirectory();
const until = Date.now() + Number(ms);
let rounds = 0;
let stop = false;
process.on('SIGTERM', () => (stop = true));

function restore() {
  try {
    if (lstatSync(target).isSymbolicLink()) unlinkSync(target);
  } catch {
    // no target at all: the rename below puts the real one back
  }
  try {
    renameSync(aside, target);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}

try {
  while (!stop && Date.now() < until) {
    renameSync(target, aside);
    symlinkSync(decoy, target);
    if (isDir) unlinkSync(target);
    renameSync(aside, target);
    rounds++;
    // Let SIGTERM in now and then.
    if (rounds % 1000 === 0) await new Promise((r) => setImmediate(r));
  }
} finally {
  restore();
}
process.stdout.write(`${rounds}\n`);
