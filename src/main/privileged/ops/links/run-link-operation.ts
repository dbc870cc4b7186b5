// Runs the namespace and link operations: checks what is there (the last door: only tagged links and
// namespaces are changed or deleted, never this namespace itself; another namespace only a running
// container's or one Bridgeport made, pinned by descriptor and used only through it), then the planned
// commands, undoing what was done when a later step fails. I/O; which commands run is decided in plan-link-commands.
import { z } from 'zod';
import { CommandError, runCommand } from '../../../system/run-command';
import { OperationError, type OperationArgs, type OperationHandlers } from '../../contract/operations';
import { MADE_TAG, type LinkPlace } from '../../../netcore/links/link-args';
import type { LinkOperationResults, PlaceArg } from '../../contract/link-operations';
import { pinContainerNamespace, pinNamedNamespace } from '../../meaning/pinned-namespace';
import { namespaceIdentity } from '../../../system/namespace-identity';
import {
  type Argv,
  type CommandPlan,
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

/** Where an operation acts: this namespace, or one pinned by descriptor (see meaning/pinned-namespace). */
interface Where {
  place: LinkPlace | undefined;
  /** How messages name it. */
  text: string;
}

interface PinnedWhere extends Where {
  close(): void;
}

const HERE: PinnedWhere = { place: undefined, text: 'this namespace', close: () => undefined };

async function run(argv: Argv): Promise<string> {
  try {
    return await runCommand(argv);
  } catch (error) {
    if (error instanceof CommandError) throw new OperationError(`${argv.join(' ')} failed: ${error.stderr.replace(/\s+/g, ' ').trim() || `exit ${error.exitCode}`}`);
    throw error;
  }
}

/**
 * Pins the place by descriptor, after which every command acts through that descriptor: a process's
 * namespace only when the process is a running container's, a named one only when Bridgeport made it
 * (its lo is tagged); never the namespace this process (the engine's host view) is in.
 */
async function pinPlace(arg: PlaceArg | undefined): Promise<PinnedWhere> {
  if (arg === undefined) return HERE;
  const ns = 'pid' in arg ? pinContainerNamespace(arg.pid) : pinNamedNamespace(arg.netns);
  const where: PinnedWhere = { place: { nsPath: ns.path }, text: 'pid' in arg ? `the namespace of process ${arg.pid}` : `namespace ${arg.netns}`, close: () => ns.close() };
  if ('netns' in arg) {
    const lo = await showLink('lo', where).catch(() => null);
    if (!lo?.tagged) {
      ns.close();
      throw new OperationError(`namespace ${arg.netns} was not made by Bridgeport`, 'refused');
    }
  }
  return where;
}

/** Runs `use` in the pinned place and lets the descriptor go afterwards. */
async function inPlace<T>(arg: PlaceArg | undefined, use: (where: Where) => Promise<T>): Promise<T> {
  const where = await pinPlace(arg);
  try {
    return await use(where);
  } finally {
    where.close();
  }
}

/** The link in a place, or null when there is none of that name. */
async function showLink(name: string, where: Where): Promise<ShownLink | null> {
  let text: string;
  try {
    text = await runCommand(planShowLink(name, where.place));
  } catch (error) {
    if (error instanceof CommandError && /does not exist/.test(error.stderr)) return null;
    throw error;
  }
  const link = shownLinkSchema.parse(JSON.parse(text))[0];
  if (!link) return null;
  return { name: link.ifname, tagged: link.ifalias === MADE_TAG, kind: link.linkinfo?.info_kind ?? null, operstate: link.operstate ?? 'UNKNOWN' };
}

/** The link exists in the place, Bridgeport made it, and is of one of these kinds. */
async function madeLink(name: string, where: Where, kinds: readonly string[]): Promise<ShownLink> {
  const link = await showLink(name, where);
  if (!link) throw new OperationError(`no link named ${name} in ${where.text}`, 'refused');
  if (!link.tagged) throw new OperationError(`${name} in ${where.text} was not made by Bridgeport`, 'refused');
  if (!kinds.includes(link.kind ?? '')) throw new OperationError(`${name} is a ${link.kind ?? 'device'}, not a ${kinds.join(' or ')}`, 'refused');
  return link;
}

async function nameFree(name: string, where: Where): Promise<void> {
  if (await showLink(name, where)) throw new OperationError(`a link named ${name} already exists in ${where.text}`, 'refused');
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
  if ((await namespaceIdentity(`/run/netns/${args.name}`)) === null) return { name: args.name, existed: false };
  // Pinning checks it is not this namespace and that Bridgeport made it.
  await inPlace({ netns: args.name }, async () => undefined);
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
  await nameFree(args.name, HERE);
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
  await nameFree(args.name, HERE);
  await nameFree(args.peer, HERE);
  if (args.master !== undefined) {
    const master = await showLink(args.master, HERE);
    if (!master) throw new OperationError(`no bridge named ${args.master}`, 'refused');
    if (master.kind !== 'bridge') throw new OperationError(`${args.master} is not a bridge`, 'refused');
    // Only Bridgeport's own bridges: a veth on docker0 (then moved anywhere) would join a container network behind the engine's back.
    if (!master.tagged) throw new OperationError(`bridge ${args.master} was not made by Bridgeport; a veth goes only on a bridge Bridgeport made; refused`, 'refused');
  }
  await runPlan(planVethAdd(args));
  return { name: args.name, peer: args.peer };
}

async function move(args: OperationArgs<'link.move'>): Promise<LinkOperationResults['link.move']> {
  return inPlace(args.to, async (to) => {
    await madeLink(args.link, HERE, ['veth']);
    const name = args.rename ?? args.link;
    await nameFree(name, to);
    const target = to.place!;
    const plan = planMove({ ...args, to: target }, process.pid);
    try {
      await run(plan.create);
    } catch (error) {
      // `ip link set … netns … name …` moves first and renames after: a failed rename leaves the link
      // in the target under its old name. Bring it back.
      const strayed = await showLink(args.link, to).catch(() => null);
      if (strayed?.tagged) await run(planMoveBack(target, args.link, args.link, process.pid)).catch(() => undefined);
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
  });
}

async function setUp(args: OperationArgs<'link.setUp'>): Promise<LinkOperationResults['link.setUp']> {
  return inPlace(args.in, async (at) => {
    await madeLink(args.link, at, ['bridge', 'veth']);
    await run(planSetUp({ ...args, in: at.place }));
    const after = await showLink(args.link, at);
    return { link: args.link, up: args.up, operstate: after?.operstate ?? 'UNKNOWN' };
  });
}

async function linkDelete(args: OperationArgs<'link.delete'>): Promise<LinkOperationResults['link.delete']> {
  return inPlace(args.in, async (at) => {
    if (!(await showLink(args.link, at))) {
      // A bridge Bridgeport made and someone else deleted may have left its FORWARD rule (ours by its comment).
      if (args.in === undefined) await removeForwarding(args.link);
      return { link: args.link, existed: false };
    }
    const link = await madeLink(args.link, at, ['bridge', 'veth']);
    await run(planLinkDelete({ ...args, in: at.place }));
    if (link.kind === 'bridge' && args.in === undefined) await removeForwarding(args.link);
    return { link: args.link, existed: true };
  });
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
