// Runs the packet through every base chain of one hook with nftables' semantics: an accept ends
// only its own base chain and the packet meets the next one; a drop or reject ends the packet; a
// nat chain is skipped once an earlier one of the same hook has made the connection's mapping. Pure
// apart from the walk state.
import { chainsAtHook, type BaseChainRef, type Hook } from './hook-chains';
import { pathMessage as p } from './path-message';
import type { PathOutcome } from './path-types';
import { walkHook } from './walk-chain';
import type { HookVerdict, WalkEnv } from './walk-state';

export interface HookOptions {
  /** The connection's NAT is already bound (a packet looping back by lo): nat chains are not consulted. */
  skipNat?: boolean;
  /** Only the chains whose priority this accepts (the output hook is split around re-routing). */
  priorities?: (priority: number) => boolean;
}

const DOCKER_TABLE = 'ip docker-bridges';

/** The outcome of a hook that stopped the packet; null when it let it go on. */
export function stopped(verdict: HookVerdict): PathOutcome | null {
  if (verdict.kind === 'accept') return null;
  const { description, descriptionMessage } = verdict;
  if (verdict.kind === 'drop') return { kind: 'dropped', description, descriptionMessage };
  if (verdict.kind === 'reject') return { kind: 'rejected', description, descriptionMessage };
  return { kind: 'unknown', description, descriptionMessage };
}

const natKey = (env: WalkEnv) => [env.state.packet.source, env.state.packet.destination, env.state.packet.port, env.state.dnat, env.state.snat].join('|');

const named = (ref: Pick<BaseChainRef, 'table' | 'chain'>) => `${ref.table} ${ref.chain}`;

function acceptedNotFinal(env: WalkEnv, hook: Hook, accepted: readonly BaseChainRef[], end: PathOutcome, by: BaseChainRef): void {
  const which = accepted.map(named).join(', ');
  env.record.caveat(p(end.kind === 'rejected' ? 'caveat.acceptNotFinalRejected' : 'caveat.acceptNotFinalDropped', { accepted: which, hook, chain: named(by) }));
  if (accepted.some((ref) => ref.table === DOCKER_TABLE)) env.record.caveat(p('caveat.dockerAcceptFwmark', { chain: named(by) }));
}

/** Runs one hook until a chain stops the packet; null when every chain let it go on. */
export function runHook(env: WalkEnv, hook: Hook, options: HookOptions = {}): PathOutcome | null {
  const accepted: BaseChainRef[] = [];
  const wanted = options.priorities ?? (() => true);
  for (const ref of chainsAtHook(env.index, hook).filter((c) => wanted(c.priority))) {
    const isNat = ref.type === 'nat';
    if (isNat && (env.state.untracked || options.skipNat)) continue;
    const bound = env.state.natBound?.[hook];
    if (isNat && bound) {
      if (bound.priority === ref.priority && env.index.rulesOf(ref.table, ref.chain).length > 0) {
        env.record.caveat(p('caveat.natSamePriority', { chain: named(ref), bound: named(bound), hook, priority: ref.priority }));
      }
      continue;
    }
    const before = natKey(env);
    const stepsBefore = env.record.steps.length;
    const verdict = walkHook(env, ref.table, ref.chain);
    if (isNat && natKey(env) !== before) env.state.natBound = { ...env.state.natBound, [hook]: ref };
    const end = stopped(verdict);
    if (end) {
      if (accepted.length > 0 && (end.kind === 'dropped' || end.kind === 'rejected')) acceptedNotFinal(env, hook, accepted, end, ref);
      return end;
    }
    const last = env.record.steps.at(-1);
    if (env.record.steps.length > stepsBefore && last?.verdict === 'accept' && last.stage.startsWith(`${ref.table} `)) accepted.push(ref);
  }
  return null;
}
