// `bridgeport networks ls | create | rm | connect | disconnect | suggest-subnet`, with Docker's flags.
// Thin wrappers over the engine's contract: every check happens there, refusals are one line.
import type { Command } from 'commander';
import { parseDriver, parseOptionPairs, type NetworkDetail } from '../../shared/network-model';
import { cliEngine } from './cli-engine';
import { formatNetwork, formatNetworks } from './format-networks';

const collect = (value: string, previous: string[]) => [...previous, value];

const print = (json: boolean | undefined, value: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

interface CreateFlags {
  driver: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  internal?: boolean;
  attachable?: boolean;
  opt: string[];
  json?: boolean;
}

async function list(options: { json?: boolean }): Promise<void> {
  const networks = await cliEngine().call('networks.list', {});
  print(options.json, networks, formatNetworks(networks));
}

async function create(name: string, flags: CreateFlags): Promise<void> {
  const input = {
    name,
    driver: parseDriver(flags.driver),
    ...(flags.subnet !== undefined ? { subnet: flags.subnet } : {}),
    ...(flags.gateway !== undefined ? { gateway: flags.gateway } : {}),
    ...(flags.ipRange !== undefined ? { ipRange: flags.ipRange } : {}),
    internal: flags.internal === true,
    attachable: flags.attachable === true,
    options: parseOptionPairs(flags.opt),
  };
  const created = await cliEngine().call('networks.create', input);
  print(flags.json, created, `created network ${created.name}\n${formatNetwork(created)}`);
}

async function remove(name: string, flags: { disconnect?: boolean; json?: boolean }): Promise<void> {
  const result = await cliEngine().call('networks.remove', { name, disconnectContainers: flags.disconnect === true });
  const first = result.disconnected.length ? `disconnected ${result.disconnected.join(', ')}\n` : '';
  print(flags.json, result, `${first}removed network ${result.removed}`);
}

const addressOn = (network: NetworkDetail, container: string) => network.containers.find((c) => c.name === container || c.id.startsWith(container))?.ipv4;

async function connect(network: string, container: string, flags: { ip?: string; alias: string[]; json?: boolean }): Promise<void> {
  const detail = await cliEngine().call('networks.connect', { network, container, ...(flags.ip !== undefined ? { ip: flags.ip } : {}), aliases: flags.alias });
  const address = addressOn(detail, container);
  print(flags.json, detail, `connected ${container} to ${detail.name}${address ? ` (${address})` : ' (it gets its address when it starts)'}`);
}

async function disconnect(network: string, container: string, flags: { force?: boolean; json?: boolean }): Promise<void> {
  const detail = await cliEngine().call('networks.disconnect', { network, container, force: flags.force === true });
  print(flags.json, detail, `disconnected ${container} from ${detail.name}`);
}

async function suggest(options: { json?: boolean }): Promise<void> {
  const suggestion = await cliEngine().call('networks.suggestSubnet', {});
  print(options.json, suggestion, `${suggestion.subnet} (gateway ${suggestion.gateway})`);
}

export function registerNetworkCommands(program: Command): void {
  const networks = program.command('networks').description('list, create, remove, connect and disconnect Docker networks (checked before anything changes)');
  networks.command('ls').description('every network with its subnets, bridge or parent, options and containers').option('--json', 'print JSON for scripts').action(list);
  networks
    .command('create')
    .description("create a bridge, macvlan, ipvlan (or, in a Swarm, overlay) network; Docker's flags")
    .argument('<name>', 'network name')
    .option('-d, --driver <driver>', 'bridge, macvlan, ipvlan or overlay', 'bridge')
    .option('--subnet <cidr>', 'IPv4 subnet, e.g. 172.30.0.0/16 (see suggest-subnet)')
    .option('--gateway <ip>', 'gateway address inside the subnet')
    .option('--ip-range <cidr>', 'part of the subnet Docker hands out addresses from')
    .option('--internal', 'no route to the outside')
    .option('--attachable', 'standalone containers may join (overlay)')
    .option('-o, --opt <key=value>', 'driver option, repeatable (com.docker.network.bridge.name=…, parent=eth0, …)', collect, [])
    .option('--json', 'print JSON for scripts')
    .action(create);
  networks
    .command('rm')
    .description('remove a network (refused while containers are attached, unless --disconnect)')
    .argument('<name>', 'network name or id')
    .option('--disconnect', 'disconnect the attached containers first')
    .option('--json', 'print JSON for scripts')
    .action(remove);
  networks
    .command('connect')
    .description('connect a container to a network')
    .argument('<network>', 'network name or id')
    .argument('<container>', 'container name or id')
    .option('--ip <ip>', 'static IPv4 address inside the subnet')
    .option('--alias <name>', 'network-scoped alias, repeatable', collect, [])
    .option('--json', 'print JSON for scripts')
    .action(connect);
  networks
    .command('disconnect')
    .description('disconnect a container from a network')
    .argument('<network>', 'network name or id')
    .argument('<container>', 'container name or id')
    .option('-f, --force', "force it (Docker's --force)")
    .option('--json', 'print JSON for scripts')
    .action(disconnect);
  networks.command('suggest-subnet').description('a free private subnet: no Docker network, host route or address uses it').option('--json', 'print JSON for scripts').action(suggest);
}
