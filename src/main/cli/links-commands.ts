// `bridgeport ns …`, `bridgeport link …` and `bridgeport made`: namespaces, bridges and veth pairs
// wired by hand (pipework-style). Thin wrappers over the engine's contract; refusals are one line.
import { type Command, InvalidArgumentError } from 'commander';
import type { MadeThing } from '../../shared/namespace-model';
import { cliEngine } from './cli-engine';

interface PlaceOptions {
  netns?: string;
  container?: string;
}

function parseMtu(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError(`MTU must be a whole number, got "${value.slice(0, 40)}"`);
  return Number(value);
}

/** --netns or --container (not both); neither is the host. */
function placeOf(options: PlaceOptions): { namespace: string } | { container: string } | undefined {
  if (options.netns !== undefined && options.container !== undefined) throw new Error('give --netns or --container, not both');
  if (options.netns !== undefined) return { namespace: options.netns };
  if (options.container !== undefined) return { container: options.container };
  return undefined;
}

export function formatMade(thing: MadeThing): string {
  if (thing.kind === 'netns') return `netns   ${thing.name}`;
  if (thing.kind === 'bridge') return `bridge  ${thing.name}`;
  return `veth    ${thing.name} (${thing.place ?? 'host'}) <-> ${thing.peer} (${thing.peerPlace ?? 'host'})`;
}

const print = (json: boolean | undefined, value: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

async function nsAdd(name: string, options: { json?: boolean }): Promise<void> {
  const made = await cliEngine().call('netns.create', { name });
  print(options.json, made, `created namespace ${made.name}`);
}

async function nsDel(name: string, options: { json?: boolean }): Promise<void> {
  const gone = await cliEngine().call('netns.delete', { name });
  print(options.json, gone, `deleted namespace ${gone.name}`);
}

async function addBridge(name: string, options: { mtu?: number; address?: string; json?: boolean }): Promise<void> {
  const made = await cliEngine().call('links.createBridge', { name, ...(options.mtu !== undefined ? { mtu: options.mtu } : {}), ...(options.address !== undefined ? { address: options.address } : {}) });
  print(options.json, made, `created bridge ${made.name}`);
}

async function addVeth(name: string, peer: string, options: { mtu?: number; master?: string; json?: boolean }): Promise<void> {
  const made = await cliEngine().call('links.createVeth', { name, peer, ...(options.mtu !== undefined ? { mtu: options.mtu } : {}), ...(options.master !== undefined ? { master: options.master } : {}) });
  print(options.json, made, `created veth pair ${made.name} <-> ${made.peer}${options.master ? ` (${made.name} on ${options.master})` : ''}`);
}

async function move(link: string, options: PlaceOptions & { name?: string; address?: string; gateway?: string; mtu?: number; json?: boolean }): Promise<void> {
  const to = placeOf(options);
  if (to === undefined) throw new Error('say where to move it: --netns NAME or --container NAME');
  const moved = await cliEngine().call('links.move', {
    link,
    to,
    ...(options.name !== undefined ? { rename: options.name } : {}),
    ...(options.address !== undefined ? { address: options.address } : {}),
    ...(options.gateway !== undefined ? { gateway: options.gateway } : {}),
    ...(options.mtu !== undefined ? { mtu: options.mtu } : {}),
  });
  print(options.json, moved, `moved ${link} into ${moved.place}${moved.link !== link ? ` as ${moved.link}` : ''}`);
}

function setState(up: boolean) {
  return async (link: string, options: PlaceOptions & { json?: boolean }): Promise<void> => {
    const where = placeOf(options);
    const result = await cliEngine().call('links.setState', { link, up, ...(where ? { in: where } : {}) });
    print(options.json, result, `${result.link} is ${result.up ? 'up' : 'down'}`);
  };
}

async function del(link: string, options: PlaceOptions & { json?: boolean }): Promise<void> {
  const where = placeOf(options);
  const gone = await cliEngine().call('links.delete', { link, ...(where ? { in: where } : {}) });
  print(options.json, gone, gone.kind === 'veth' ? `deleted veth pair ${gone.name} <-> ${gone.peer}` : `deleted bridge ${gone.name}`);
}

async function made(options: { json?: boolean }): Promise<void> {
  const things = await cliEngine().call('made.list', {});
  print(options.json, things, things.map(formatMade).join('\n') || 'Bridgeport made no namespaces or links (or they are gone)');
}

const placeOptions = (command: Command) =>
  command.option('--netns <name>', 'in this named namespace (ip netns)').option('--container <name>', 'in this running container (name or id)');

export function registerLinkCommands(program: Command): void {
  const ns = program.command('ns').description('network namespaces (ip netns) Bridgeport makes and deletes');
  ns.command('add').description('create a network namespace (lo up)').argument('<name>', 'namespace name').option('--json', 'print JSON for scripts').action(nsAdd);
  ns.command('del').description('delete a namespace Bridgeport made').argument('<name>', 'namespace name').option('--json', 'print JSON for scripts').action(nsDel);

  const link = program.command('link').description('bridges and veth pairs wired by hand, pipework-style (only what Bridgeport made can be changed or deleted)');
  link
    .command('add-bridge')
    .description('create a bridge in the host, up, with an optional address')
    .argument('<name>', 'bridge name (at most 15 characters)')
    .option('--mtu <n>', 'MTU (68-65535)', parseMtu)
    .option('--address <cidr>', 'address with prefix length, like 10.20.0.1/24')
    .option('--json', 'print JSON for scripts')
    .action(addBridge);
  link
    .command('add-veth')
    .description('create a veth pair in the host, both ends up')
    .argument('<name>', 'name of the end that stays (at most 15 characters)')
    .argument('<peer>', 'name of the other end')
    .option('--master <bridge>', 'put <name> on this bridge')
    .option('--mtu <n>', 'MTU of both ends (68-65535)', parseMtu)
    .option('--json', 'print JSON for scripts')
    .action(addVeth);
  placeOptions(
    link
      .command('move')
      .description('move a veth end Bridgeport made into a namespace or a running container, with name, address, default route and MTU')
      .argument('<link>', 'the veth end, in the host'),
  )
    .option('--name <ifname>', 'its name inside (like eth1)')
    .option('--address <cidr>', 'address with prefix length, like 10.20.0.2/24')
    .option('--gateway <ip>', 'default route inside via this address (replaces the existing one)')
    .option('--mtu <n>', 'MTU (68-65535)', parseMtu)
    .option('--json', 'print JSON for scripts')
    .action(move);
  placeOptions(link.command('up').description('set a link Bridgeport made up').argument('<link>', 'link name'))
    .option('--json', 'print JSON for scripts')
    .action(setState(true));
  placeOptions(link.command('down').description('set a link Bridgeport made down').argument('<link>', 'link name'))
    .option('--json', 'print JSON for scripts')
    .action(setState(false));
  placeOptions(link.command('del').description('delete a bridge or veth pair Bridgeport made (a veth takes its peer along)').argument('<link>', 'link name'))
    .option('--json', 'print JSON for scripts')
    .action(del);

  program.command('made').description('list the namespaces, bridges and veth pairs Bridgeport made').option('--json', 'print JSON for scripts').action(made);
}
