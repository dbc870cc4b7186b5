// The nftables twin of apply-and-verify: read Bridgeport's own table, plan, apply the plan as one
// `nft -j -f -` transaction, read the table again, and the plan must then be empty. I/O; the
// policy is the planner's (netcore/owned-chains/plan-owned-nft-table).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandError, runCommand } from '../../system/run-command';
import type { NftTableRef } from '../../netcore/owned-chains/plan-owned-nft-table';
import { OperationError } from '../contract/operations';

export interface NftApplyTarget {
  table: NftTableRef;
  /** The plan: the table as `nft -j list table` prints it (null: absent) in, a transaction out (null: nothing to do). */
  plan(current: string | null): string | null;
  failure(left: string): string;
}

export interface NftApplyOutcome {
  applied: string | null;
  before: string | null;
  after: string | null;
}

/** The table as nft's JSON, or null when it does not exist. */
export async function readNftTable(table: NftTableRef): Promise<string | null> {
  try {
    return await runCommand(['nft', '-j', 'list', 'table', table.family, table.name]);
  } catch (error) {
    if (error instanceof CommandError && /No such file or directory/.test(error.stderr)) return null;
    throw error;
  }
}

/**
 * `nft -j -f FILE` from a private directory: nft before 1.0.7 opens /dev/stdin for `-f -`, which
 * fails on the socket Node gives a child as its stdin.
 */
async function runTransaction(transaction: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bridgeport-nft-'));
  try {
    const file = join(dir, 'transaction.json');
    await writeFile(file, transaction, { mode: 0o600, flag: 'wx' });
    await runCommand(['nft', '-j', '-f', file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function applyNftAndVerify(target: NftApplyTarget): Promise<NftApplyOutcome> {
  const before = await readNftTable(target.table);
  const transaction = target.plan(before);
  if (transaction === null) return { applied: null, before, after: before };
  await runTransaction(transaction);
  const after = await readNftTable(target.table);
  const left = target.plan(after);
  if (left !== null) throw new OperationError(target.failure(left));
  return { applied: transaction, before, after };
}
