// Which commands each link operation runs, as argv arrays (never a shell string). Pure: the
// arguments were validated by the operation schemas; the runner executes these in order.
//
// Every name is given after an explicit keyword (`name`, `dev`), so `ip` never reads one as a
// keyword. Namespaces are always given to `ip link set … netns` as a path: `ip` reads a bare word
// first as a name under /run/netns and, when there is none, as a pid, so a namespace called "1"
// that went away would send the link to pid 1's namespace.
import { MADE_TAG, type BridgeArgs, type LinkDeleteArgs, type LinkPlace, type MoveArgs, type NetnsArgs, type SetUpArgs, type VethArgs } from './link-args';

export type Argv = readonly string[];

export interface CommandPlan {
  /** The command that makes the thing; nothing is undone when it fails (it may be someone else's). */
  create: Argv;
  /** Run after `create` succeeded; when one fails, `undo` runs. */
  then: Argv[];
  /** Brings things back to before `create`. */
  undo: Argv | null;
}

/** `ip` acting in a place: this namespace (none), a named namespace, or a process's namespace. */
export function ipIn(place: LinkPlace | undefined): string[] {
  if (place === undefined) return ['ip'];
  if ('netns' in place) return ['ip', '-n', place.netns];
  return ['nsenter', `--net=${nsPathOf(place)}`, 'ip'];
}

/** The nsfs file of a place (a pinned place: the descriptor's path, so nothing is looked up again). */
export function nsPathOf(place: LinkPlace): string {
  if ('nsPath' in place) return place.nsPath;
  return 'netns' in place ? `/run/netns/${place.netns}` : `/proc/${place.pid}/ns/net`;
}

export function planNetnsAdd(args: NetnsArgs): CommandPlan {
  const inside = ipIn({ netns: args.name });
  return {
    create: ['ip', 'netns', 'add', args.name],
    then: [
      [...inside, 'link', 'set', 'dev', 'lo', 'alias', MADE_TAG],
      [...inside, 'link', 'set', 'dev', 'lo', 'up'],
    ],
    undo: ['ip', 'netns', 'del', args.name],
  };
}

export const planNetnsDelete = (args: NetnsArgs): Argv => ['ip', 'netns', 'del', args.name];

export function planBridgeAdd(args: BridgeArgs): CommandPlan {
  const mtu = args.mtu === undefined ? [] : ['mtu', String(args.mtu)];
  return {
    create: ['ip', 'link', 'add', 'name', args.name, ...mtu, 'type', 'bridge'],
    then: [
      ['ip', 'link', 'set', 'dev', args.name, 'alias', MADE_TAG],
      ...(args.address === undefined ? [] : [['ip', 'addr', 'add', args.address, 'dev', args.name]]),
      ['ip', 'link', 'set', 'dev', args.name, 'up'],
    ],
    undo: ['ip', 'link', 'del', 'dev', args.name],
  };
}

/**
 * Lets traffic between the ports of a bridge Bridgeport made through the IPv4 FORWARD chain. With
 * br_netfilter loaded (Docker loads it) bridged frames pass through FORWARD, whose policy Docker
 * sets to DROP: without this a namespace and a container on the same bridge cannot reach each other.
 * Appended, so the user's DOCKER-USER rules still come first; Docker does the same for its bridges.
 */
export function planForwardRule(bridge: string, action: '-A' | '-C' | '-D'): Argv {
  return ['iptables', '-w', '5', action, 'FORWARD', '-i', bridge, '-o', bridge, '-m', 'comment', '--comment', MADE_TAG, '-j', 'ACCEPT'];
}

export function planVethAdd(args: VethArgs): CommandPlan {
  const mtu = args.mtu === undefined ? [] : ['mtu', String(args.mtu)];
  return {
    create: ['ip', 'link', 'add', 'name', args.name, ...mtu, 'type', 'veth', 'peer', 'name', args.peer, ...mtu],
    then: [
      ['ip', 'link', 'set', 'dev', args.name, 'alias', MADE_TAG],
      ['ip', 'link', 'set', 'dev', args.peer, 'alias', MADE_TAG],
      ...(args.master === undefined ? [] : [['ip', 'link', 'set', 'dev', args.name, 'master', args.master]]),
      ['ip', 'link', 'set', 'dev', args.peer, 'up'],
      ['ip', 'link', 'set', 'dev', args.name, 'up'],
    ],
    // Deleting one end deletes the pair.
    undo: ['ip', 'link', 'del', 'dev', args.name],
  };
}

/**
 * Pipework's steps: into the target namespace under its new name, MTU, address, up, default route.
 * `selfPid` is a process in the namespace the link comes from (the executor): undoing sends the
 * link back there under its old name. The route is replaced last, so a failure before it leaves the
 * target's routes untouched.
 */
export function planMove(args: MoveArgs, selfPid: number): CommandPlan {
  const name = args.rename ?? args.link;
  const inside = ipIn(args.to);
  return {
    create: ['ip', 'link', 'set', 'dev', args.link, 'netns', nsPathOf(args.to), ...(args.rename === undefined ? [] : ['name', args.rename])],
    then: [
      ...(args.mtu === undefined ? [] : [[...inside, 'link', 'set', 'dev', name, 'mtu', String(args.mtu)]]),
      ...(args.address === undefined ? [] : [[...inside, 'addr', 'add', args.address, 'dev', name]]),
      [...inside, 'link', 'set', 'dev', name, 'up'],
      ...(args.gateway === undefined ? [] : [[...inside, 'route', 'replace', 'default', 'via', args.gateway, 'dev', name]]),
    ],
    undo: planMoveBack(args.to, name, args.link, selfPid),
  };
}

/** Sends `name` in `place` back to `selfPid`'s namespace, named `original` again. */
export function planMoveBack(place: LinkPlace, name: string, original: string, selfPid: number): Argv {
  return [...ipIn(place), 'link', 'set', 'dev', name, 'netns', `/proc/${selfPid}/ns/net`, 'name', original];
}

export const planSetUp = (args: SetUpArgs): Argv => [...ipIn(args.in), 'link', 'set', 'dev', args.link, args.up ? 'up' : 'down'];

export const planLinkDelete = (args: LinkDeleteArgs): Argv => [...ipIn(args.in), 'link', 'del', 'dev', args.link];

/** `ip -j -d link show` of one link in a place (to check it is there and tagged). */
export const planShowLink = (name: string, place: LinkPlace | undefined): Argv => [...ipIn(place), '-j', '-d', 'link', 'show', 'dev', name];

/** `ip -j link show` of all links in a place. */
export const planShowLinks = (place: LinkPlace | undefined): Argv => [...ipIn(place), '-j', '-d', 'link', 'show'];
