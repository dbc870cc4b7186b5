// Runs the namespace and link operations: checks what is there (the last door: only tagged links and
// namespaces are changed or deleted, never this namespace itself), then the planned commands, undoing
// what was done when a later step fails. I/O; which commands run is decided in plan-link-commands.
import { z } from 'zod';
import { CommandError, runCommand } from '../../../system/run-command';
import { OperationError, type OperationArgs, type OperationHandlers } from '../../contract/operations';
import { MADE_TAG } from '../../../netcore/links/link-args';
import type { LinkOperationResults, PlaceArg } from '../../contract/link-operations';
import { namespaceIdentity } from '../../../system/namespace-identity';
import {
  type Argv,
  type CommandPlan,
  nsPathOf,
  planBridgeAdd,
  planForwardRule,
  planLinkDelete,
  planMove,
  planMoveBack,
  planNetnsAdd,
  planNetnsDelete,
  planSetUp,
  planShowLink,
  planVethAdd,
} from '../../../netcore/links/plan-link-commands';

export type LinkOperationName = keyof LinkOperationResults;

const shownLinkSchema = z.array(
  z.looseObject({ ifname: z.string(), ifalias: z.string().optional(), operstate: z.string().optional(), linkinfo: z.looseObject({ info_kind: z.string().optional() }).optional() }),
);

interface ShownLink {
  name: string;
  tagged: boolean;
  kind: string | null;
  operstate: string;
}

const placeText = (place: PlaceArg | undefined) => (place === undefined ? 'this namespace' : 'netns' in place ? `namespace ${place.netns}` : `the namespace of process ${place.pid}`);

async function run(argv: Argv): Promise<string> {
  try {
    return await runCommand(argv);
  } catch (error) {
    if (error instanceof CommandError) throw new OperationError(`${argv.join(' ')} failed: ${error.stderr.replace(/\s+/g, ' ').trim() || `exit ${error.exitCode}`}`);
    throw error;
  }
}

/** The place exists and is not the namespace this process (and so the engine's host view) is in. */
async function checkPlace(place: PlaceArg | undefined): Promise<void> {
  if (place === undefined) return;
  const [target, self] = await Promise.all([namespaceIdentity(nsPathOf(place)), namespaceIdentity('/proc/self/ns/net')]);
  if (target === null) throw new OperationError('netns' in place ? `no namespace named ${place.netns}` : `process ${place.pid} is not running`, 'refused');
  if (target === self) throw new OperationError(`${placeText(place)} is the namespace Bridgeport runs in, not another one`, 'refused');
}

/** The link in a place, or null when there is none of that name. */
async function showLink(name: string, place: PlaceArg | undefined): Promise<ShownLink | null> {
  let text: string;
  try {
    text = await runCommand(planShowLink(name, place));
  } catch (error) {
    if (error instanceof CommandError && /does not exist/.test(error.stderr)) return null;
    throw error;
  }
  const link = shownLinkSchema.parse(JSON.parse(text))[0];
  if (!link) return null;
  return { name: link.ifname, tagged: link.ifalias === MADE_TAG, kind: link.linkinfo?.info_kind ?? null, operstate: link.operstate ?? 'UNKNOWN' };
}

/** The link exists in the place, Bridgeport made it, and is of one of these kinds. */
async function madeLink(name: string, place: PlaceArg | undefined, kinds: readonly string[]): Promise<ShownLink> {
  const link = await showLink(name, place);
  if (!link) throw new OperationError(`no link named ${name} in ${placeText(place)}`, 'refused');
  if (!link.tagged) throw new OperationError(`${name} in ${placeText(place)} was not made by Bridgeport`, 'refused');
  if (!kinds.includes(link.kind ?? '')) throw new OperationError(`${name} is a ${link.kind ?? 'device'}, not a ${kinds.join(' or ')}`, 'refused');
  return link;
}

async function nameFree(name: string, place: PlaceArg | undefined): Promise<void> {
  if (await showLink(name, place)) throw new OperationError(`a link named ${name} already exists in ${placeText(place)}`, 'refused');
}

/** `create`, then each step; when a step fails, `undo`, and the step's error is reported. */
async function runPlan(plan: CommandPlan): Promise<void> {
  await run(plan.create);
  try {
    for (const step of plan.then) await run(step);
  } catch (error) {
    if (plan.undo) {
      await run(plan.undo).catch((undoError: Error) => {
        throw new OperationError(`${(error as Error).message}; undoing it failed too: ${undoError.message}`);
      });
    }
    throw error;
  }
}

async function netnsAdd(args: OperationArgs<'netns.add'>): Promise<LinkOperationResults['netns.add']> {
  if ((await namespaceIdentity(`/run/netns/${args.name}`)) !== null) throw new OperationError(`namespace ${args.name} already exists`, 'refused');
  await runPlan(planNetnsAdd(args));
  const id = await namespaceIdentity(`/run/netns/${args.name}`);
  if (id === null) throw new OperationError(`namespace ${args.name} was not created`);
  return { name: args.name, id };
}

async function netnsDelete(args: OperationArgs<'netns.delete'>): Promise<LinkOperationResults['netns.delete']> {
  const place = { netns: args.name };
  if ((await namespaceIdentity(nsPathOf(place))) === null) return { name: args.name, existed: false };
  await checkPlace(place);
  const lo = await showLink('lo', place);
  if (!lo?.tagged) throw new OperationError(`namespace ${args.name} was not made by Bridgeport`, 'refused');
  await run(planNetnsDelete(args));
  return { name: args.name, existed: true };
}

/** Whether iptables is installed at all (a host without it has no FORWARD chain to open). */
const noIptables = (error: unknown) => error instanceof CommandError && error.exitCode === undefined && /ENOENT/.test(error.stderr);

async function allowForwarding(bridge: string): Promise<void> {
  try {
    await runCommand(planForwardRule(bridge, '-C'));
    return;
  } catch (error) {
    if (noIptables(error)) return;
  }
  await run(planForwardRule(bridge, '-A'));
}

async function removeForwarding(bridge: string): Promise<void> {
  // At most a few: one was added, more only if someone copied it.
  for (let i = 0; i < 8; i++) {
    try {
      await runCommand(planForwardRule(bridge, '-D'));
    } catch {
      return;
    }
  }
}

async function bridgeAdd(args: OperationArgs<'link.addBridge'>): Promise<LinkOperationResults['link.addBridge']> {
  await nameFree(args.name, undefined);
  const plan = planBridgeAdd(args);
  await runPlan(plan);
  try {
    await allowForwarding(args.name);
  } catch (error) {
    await run(plan.undo!).catch(() => undefined);
    throw error;
  }
  return { name: args.name };
}

async function vethAdd(args: OperationArgs<'link.addVeth'>): Promise<LinkOperationResults['link.addVeth']> {
  await nameFree(args.name, undefined);
  await nameFree(args.peer, undefined);
  if (args.master !== undefined) {
    const master = await showLink(args.master, undefined);
    if (!master) throw new OperationError(`no bridge named ${args.master}`, 'refused');
    if (master.kind !== 'bridge') throw new OperationError(`${args.master} is not a bridge`, 'refused');
  }
  await runPlan(planVethAdd(args));
  return { name: args.name, peer: args.peer };
}

async function move(args: OperationArgs<'link.move'>): Promise<LinkOperationResults['link.move']> {
  await checkPlace(args.to);
  await madeLink(args.link, undefined, ['veth']);
  const name = args.rename ?? args.link;
  await nameFree(name, args.to);
  const plan = planMove(args, process.pid);
  try {
    await run(plan.create);
  } catch (error) {
    // `ip link set … netns … name …` moves first and renames after: a failed rename leaves the link
    // in the target under its old name. Bring it back.
    const strayed = await showLink(args.link, args.to).catch(() => null);
    if (strayed?.tagged) await run(planMoveBack(args.to, args.link, args.link, process.pid)).catch(() => undefined);
    throw error;
  }
  try {
    for (const step of plan.then) await run(step);
  } catch (error) {
    await run(plan.undo!).catch((undoError: Error) => {
      throw new OperationError(`${(error as Error).message}; moving ${name} back failed too: ${undoError.message}`);
    });
    throw error;
  }
  return { link: name, to: args.to };
}

async function setUp(args: OperationArgs<'link.setUp'>): Promise<LinkOperationResults['link.setUp']> {
  await checkPlace(args.in);
  await madeLink(args.link, args.in, ['bridge', 'veth']);
  await run(planSetUp(args));
  const after = await showLink(args.link, args.in);
  return { link: args.link, up: args.up, operstate: after?.operstate ?? 'UNKNOWN' };
}

async function linkDelete(args: OperationArgs<'link.delete'>): Promise<LinkOperationResults['link.delete']> {
  await checkPlace(args.in);
  if (!(await showLink(args.link, args.in))) {
    // A bridge Bridgeport made and someone else deleted may have left its FORWARD rule (ours by its comment).
    if (args.in === undefined) await removeForwarding(args.link);
    return { link: args.link, existed: false };
  }
  const link = await madeLink(args.link, args.in, ['bridge', 'veth']);
  await run(planLinkDelete(args));
  if (link.kind === 'bridge' && args.in === undefined) await removeForwarding(args.link);
  return { link: args.link, existed: true };
}

/** Dispatches one (already validated) namespace or link operation. */
export const linkHandlers = {
  'netns.add': netnsAdd,
  'netns.delete': netnsDelete,
  'link.addBridge': bridgeAdd,
  'link.addVeth': vethAdd,
  'link.move': move,
  'link.setUp': setUp,
  'link.delete': linkDelete,
} satisfies OperationHandlers<LinkOperationName>;
