// Messages for fuzzing the elevated helper, from a seeded PRNG (the same 10,000 every run). Each one
// is built so that it cannot be a valid operation, by construction rather than by asking the code
// under test: the helper must refuse every one of them and run nothing.

/** mulberry32: small, fast, good enough to spread inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const VALID_OPS = ['helper.status', 'firewall.save', 'ports.apply'] as const;

/** A mapping that passes every check (the mutations below break exactly one thing in it). */
export const VALID_MAPPING = {
  id: 'abcdef12',
  protocol: 'tcp',
  hostIp: '',
  hostPort: 8080,
  hostPortEnd: 8080,
  containerPort: 80,
  containerPortEnd: 80,
  containerIp: '172.17.0.2',
  containerPid: 1234,
  bridge: 'docker0',
  subnet: '172.17.0.0/16',
};

const BAD_IFNAMES = ['docker0;reboot', 'a'.repeat(16), 'br-0123456789abc', '', ' docker0', 'eth0 ', 'x$(id)', 'x`id`', '../../etc', 'a/b', "br'0", 'br"0', 'br\n0', '-dash', 7, null, ['docker0']];
const BAD_PORTS = [0, 65536, -1, 1.5, '80', '8080', null, true, 1e9, Number.MAX_SAFE_INTEGER, [80], {}];
const BAD_IPS = ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.4/32', 'localhost', '::1', ' 1.2.3.4', '1.2.3.4;id', 3232235777, null];
const BAD_SUBNETS = ['172.17.0.1/16', '172.17.0.0/33', '172.17.0.0', '172.17.0.0/-1', 'any', '0/0', 16];
const BAD_FIELD_VALUES: Record<string, unknown[]> = {
  id: ['short', 'ABCDEF12', 'abcdef12;rm', 'a'.repeat(33), 12345678, null],
  protocol: ['sctp', 'TCP', '', 6, null],
  hostIp: ['0.0.0.0/0', '::', 'localhost', ...BAD_IPS.slice(0, 4)],
  hostPort: BAD_PORTS,
  hostPortEnd: [...BAD_PORTS, 8079],
  containerPort: BAD_PORTS,
  containerPortEnd: [...BAD_PORTS, 79, 81],
  containerIp: BAD_IPS,
  containerPid: [0, 1, -1, 4_194_305, '1234', 1.5, null],
  bridge: BAD_IFNAMES,
  subnet: BAD_SUBNETS,
};

/** Namespace and link operations: a valid template each, with the fields every one must have. */
export const VALID_LINK_ARGS: Record<string, { args: Record<string, unknown>; required: string[] }> = {
  'netns.add': { args: { name: 'bpfuzz-ns' }, required: ['name'] },
  'netns.delete': { args: { name: 'bpfuzz-ns' }, required: ['name'] },
  'link.addBridge': { args: { name: 'bpfuzzbr', mtu: 1500, address: '10.250.0.1/24' }, required: ['name'] },
  'link.addVeth': { args: { name: 'bpfuzza', peer: 'bpfuzzb', mtu: 1500, master: 'bpfuzzbr' }, required: ['name', 'peer'] },
  'link.move': { args: { link: 'bpfuzzb', to: { pid: 1234 }, rename: 'eth1', address: '10.250.0.2/24', gateway: '10.250.0.1', mtu: 1400 }, required: ['link', 'to'] },
  'link.setUp': { args: { link: 'bpfuzza', in: { netns: 'bpfuzz-ns' }, up: true }, required: ['link', 'up'] },
  'link.delete': { args: { link: 'bpfuzza', in: { pid: 1234 } }, required: ['link'] },
};

const BAD_NETNS = ['', '.', '..', 'a/b', '../x', 'x'.repeat(65), 'ns;id', ' ns', '-ns', 'ns\n', 'n s', '$(id)', 7, null, ['ns']];
const BAD_MTUS = [0, 67, 65536, 70000, -1, 1500.5, '1500', null, true, [1500]];
const BAD_ADDRESSES = ['10.250.0.0/24', '10.250.0.255/24', '10.250.0.1', '10.250.0.1/33', '10.250.0.1/0', '256.0.0.1/24', '127.0.0.1/8', '224.0.0.1/4', '010.250.0.1/24', 'x', '10.250.0.1/24;id', '10.250.0.1/24 ', 5, null];
const BAD_PLACES = [{ pid: 0 }, { pid: 1 }, { pid: -1 }, { pid: 4_194_305 }, { pid: '1234' }, { pid: 1.5 }, { netns: 'a/b' }, { netns: '..' }, {}, { netns: 'ns', pid: 1234 }, { host: true }, 'host', null, []];
/** Bad values for a field of a link operation, by field name (each one breaks that field whatever the rest). */
const BAD_LINK_FIELDS: Record<string, unknown[]> = {
  name: [...BAD_IFNAMES],
  peer: [...BAD_IFNAMES],
  link: [...BAD_IFNAMES],
  rename: [...BAD_IFNAMES],
  master: [...BAD_IFNAMES],
  mtu: BAD_MTUS,
  address: BAD_ADDRESSES,
  // Against the template's 10.250.0.2/24: outside, its own, its network and broadcast, not an address.
  gateway: ['10.251.0.1', '10.250.0.2', '10.250.0.0', '10.250.0.255', 'fd00::1', 'gw', '10.250.0.1/24', 7, null],
  to: BAD_PLACES,
  in: BAD_PLACES,
  up: ['yes', 1, 0, null, 'true'],
};

/** An own property even for "__proto__" (plain assignment would set the prototype and add no key). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface Fuzzer {
  /** One message line, without its newline (may itself be longer than the helper's limit). */
  next(): Buffer;
}

export function fuzzer(seed: number, maxLine: number): Fuzzer {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const id = () => (random() < 0.5 ? int(1e6) : `f${int(1e6)}`);
  // Never contains '.', so never one of the operation names.
  const word = () => Array.from({ length: 1 + int(12) }, () => pick([...'abcdefghijklmnopqrstuvwxyz_-$;`\'" /\\'])).join('');

  const randomJson = (depth: number): unknown => {
    switch (depth > 3 ? int(5) : int(7)) {
      case 0:
        return null;
      case 1:
        return pick([0, -1, 1.5, 1e308, -0, 2 ** 53, random()]);
      case 2:
        return word();
      case 3:
        return random() < 0.5;
      case 4:
        return pick(['', '\u0000', '\ud800', '💥', 'x'.repeat(int(300))]);
      case 5:
        return Array.from({ length: int(5) }, () => randomJson(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['id', 'op', 'args', '__proto__', 'constructor', word()]), randomJson(depth + 1)]));
    }
  };

  const mutatedPortsArgs = (): unknown => {
    const mapping: Record<string, unknown> = { ...VALID_MAPPING };
    const args: Record<string, unknown> = { mappings: [mapping], resetRouteLocalnet: [] };
    switch (int(6)) {
      case 0:
      case 1:
      case 2: {
        const field = pick(Object.keys(BAD_FIELD_VALUES));
        mapping[field] = pick(BAD_FIELD_VALUES[field]!);
        break;
      }
      case 3:
        args.resetRouteLocalnet = [pick(BAD_IFNAMES)];
        break;
      case 4:
        if (random() < 0.5) delete mapping[pick(Object.keys(VALID_MAPPING))];
        else setOwn(mapping, pick(['extra', '__proto__', 'constructor', 'command']), pick(['reboot', {}, 1]));
        break;
      default:
        if (random() < 0.5) delete args[pick(['mappings', 'resetRouteLocalnet'])];
        else setOwn(args, pick(['extra', '__proto__', 'exec']), 'iptables -F');
    }
    return args;
  };

  const mutatedArgs = (op: (typeof VALID_OPS)[number]): unknown => {
    if (int(5) === 0) return pick([null, [], 'x', 0, true, [{}]]); // not an object at all
    if (op === 'ports.apply') return mutatedPortsArgs();
    // helper.status and firewall.save take {} exactly: any key is one too many.
    return { [pick(['x', '__proto__', 'table', 'args', word()])]: randomJson(2) };
  };

  const kinds: Array<() => Buffer | string> = [
    // Random bytes; the first is never '{' or JSON whitespace, so the line cannot be an object.
    () => {
      const bytes = Buffer.from(Array.from({ length: 1 + int(300) }, () => int(256)).map((b) => (b === 0x0a ? 0x0b : b)));
      if ([0x7b, 0x20, 0x09, 0x0d].includes(bytes[0]!)) bytes[0] = 0x21;
      return bytes;
    },
    // Random JSON values; any "op" in them is a word without '.', never an operation name.
    () => JSON.stringify(randomJson(0)),
    // The right operation names with arguments broken in one place.
    () => {
      const op = pick(VALID_OPS);
      return JSON.stringify({ id: id(), op, args: mutatedArgs(op) });
    },
    // Namespace and link operations with exactly one thing broken: a field, a required key, an extra key.
    () => {
      const op = pick(Object.keys(VALID_LINK_ARGS));
      const template = VALID_LINK_ARGS[op]!;
      const args: Record<string, unknown> = structuredClone(template.args);
      const change = int(4);
      if (change <= 1) {
        const field = pick(Object.keys(args));
        // netns.* name fields are namespace names; the rest are interface names or their own kind.
        args[field] = pick(op.startsWith('netns.') ? BAD_NETNS : BAD_LINK_FIELDS[field]!);
      } else if (change === 2) delete args[pick(template.required)];
      else setOwn(args, pick(['extra', '__proto__', 'constructor', 'exec', 'argv', 'netns']), pick(['reboot', {}, 1, '1234']));
      return JSON.stringify({ id: id(), op, args });
    },
    // ports.apply has the most to check: it gets a second share of the messages.
    () => JSON.stringify({ id: id(), op: 'ports.apply', args: mutatedArgs('ports.apply') }),
    // Operation names that are not in the set.
    () => JSON.stringify({ id: id(), op: pick(['HELPER.STATUS', 'helper.status ', 'firewall.Save', 'ports.apply\u0000', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'link.addbridge', 'links.delete', 'netns.create', 'sh', word()]), args: {} }),
    // A good operation in a broken envelope: bad id, extra or missing keys.
    () => {
      const message: Record<string, unknown> = { id: id(), op: 'firewall.save', args: {} };
      const change = int(4);
      if (change === 0) message.id = pick([-1, 1.5, null, true, {}, [], '', 'i'.repeat(65), 2 ** 60]);
      else if (change === 1) delete message[pick(['id', 'op', 'args'])];
      else if (change === 2) setOwn(message, pick(['extra', '__proto__', 'sudo']), 1);
      else message.op = pick([1, null, ['firewall.save'], { name: 'firewall.save' }]);
      return JSON.stringify(message);
    },
    // A valid request cut short: a proper prefix of a JSON object never closes it.
    () => {
      const full = JSON.stringify({ id: id(), op: 'firewall.save', args: {} });
      return full.slice(0, 1 + int(full.length - 1));
    },
    // Deep nesting inside args (valid JSON; firewall.save takes no arguments at all).
    () => {
      const depth = 1000 + int(5000);
      return `{"id":1,"op":"firewall.save","args":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    },
  ];

  return {
    next: () => {
      // Now and then a line over the limit (of every kind: JSON or not).
      if (int(500) === 0) return Buffer.concat([Buffer.from('{"id":1,"op":"firewall.save","args":{"pad":"'), Buffer.alloc(maxLine + int(40_000), 0x61), Buffer.from('"}}')]);
      const message = pick(kinds)();
      return typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
    },
  };
}
