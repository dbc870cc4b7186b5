// Issue 4: bad input, through the CLI and through the contract, is refused with a clear reason and
// changes nothing: the rule set, the links, route_localnet and the mappings file stay identical.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import type { PrivilegedExecutor } from '../../src/main/privileged/contract/operations';
import { bridgeport, labEnv, run } from './support';
import { linksText, rulesText, tempConfigDir } from './publish-support';

let config: Awaited<ReturnType<typeof tempConfigDir>>;
let listener: ChildProcess;
let engine: Engine;

const systemState = async () => ({
  rules: await rulesText(),
  links: await linksText(),
  localnet: await readFile('/proc/sys/net/ipv4/conf/docker0/route_localnet', 'utf8'),
  mappings: await readFile(join(config.dir, 'mappings.json'), 'utf8'),
});

beforeAll(async () => {
  config = await tempConfigDir();
  const result = await bridgeport(['publish', 'w2', '9600:80'], { BRIDGEPORT_CONFIG_DIR: config.dir });
  expect(result.exitCode, result.stderr).toBe(0);
  await run('docker', ['create', '--name', 'pubstopped', labEnv().image, 'sleep', '1d']);
  // A host process listening on 9700, as sshd or a dev server would.
  listener = spawn(process.execPath, ['-e', "require('net').createServer().listen(9700, '0.0.0.0', () => console.log('up'))"], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((up) => listener.stdout!.once('data', up));
  engine = new Engine({ executor: rootExecutor, configDir: config.dir });
});

afterAll(async () => {
  engine.stop();
  listener.kill();
  await run('docker', ['rm', '-f', 'pubstopped']);
  await bridgeport(['unpublish', 'w2', '9600'], { BRIDGEPORT_CONFIG_DIR: config.dir });
  await config.remove();
});

const long = 'a'.repeat(200);

/** [argv after `bridgeport`, what the one-line reason must say]. */
const cliCases: Array<[string[], RegExp]> = [
  [['publish', 'w1; rm -rf /', '9500:80'], /container: a container name or id has only letters, digits/],
  [['publish', '$(reboot)', '9500:80'], /a container name or id has only letters/],
  [['publish', 'w1\nreboot', '9500:80'], /a container name or id has only letters/],
  [['publish', '`id`', '9500:80'], /a container name or id has only letters/],
  [['publish', 'w1', '9500:80;reboot'], /container port "80;reboot" is not a port or a range/],
  [['publish', 'w1', '9500:80 && reboot'], /container port "80 && reboot" is not a port or a range/],
  [['publish', 'w1', ''], /"" is not \[hostIp:\]hostPort:containerPort/],
  [['publish', 'averyveryverylongcontainername', '9500:80'], /no container named or with id "averyveryverylongcontainername"/],
  [['publish', long, '9500:80'], /at most 128 characters/],
  [['publish', 'nosuchcontainer', '9500:80'], /no container named or with id "nosuchcontainer"/],
  [['publish', 'w1', '0:80'], /hostPort: ports start at 1/],
  [['publish', 'w1', '65536:80'], /hostPort: ports end at 65535/],
  [['publish', 'w1', '99999999:80'], /host port "99999999" is not a port or a range/],
  [['publish', 'w1', '9500:0'], /containerPort: ports start at 1/],
  [['publish', 'w1', '-1:80'], /unknown option '-1:80'/],
  [['publish', 'w1', '--', '-1:80'], /host port "-1" is not a port or a range like 8000-8010/],
  [['publish', 'w1', '9500:8O'], /container port "8O" is not a port or a range/],
  [['publish', 'w1', '9500:80/sctp'], /protocol/],
  [['publish', 'w1', '9500:80/TCP'], /protocol/],
  [['publish', 'w1', '9500:80/tcp/udp'], /container port "80\/tcp" is not a port or a range/],
  [['publish', 'w1', '9502-9500:80-78'], /the host port range ends before it starts/],
  [['publish', 'w1', '9500-9502:80'], /host and container port ranges must have the same length/],
  [['publish', 'w1', '9500-9510:80-85'], /same length/],
  [['publish', 'w1', '1000-3000:1000-3000'], /a range is at most 1024 ports/],
  [['publish', 'w1', '256.1.1.1:9500:80'], /hostIp: not an IPv4 address/],
  [['publish', 'w1', '01.2.3.4:9500:80'], /hostIp: not an IPv4 address/],
  [['publish', 'w1', 'localhost:9500:80'], /hostIp: not an IPv4 address/],
  [['publish', 'w1', '[::1]:9500:80'], /is not \[hostIp:\]hostPort:containerPort/],
  [['publish', 'w1', '198.51.100.99:9500:80'], /198\.51\.100\.99 is not an address of this host \(it has 127\.0\.0\.1, .*198\.51\.100\.1/],
  [['publish', 'w1', '8080:80'], /^bridgeport: host port 8080\/tcp is already published by Docker for container w1$/],
  [['publish', 'w1', '8181:80'], /host port 8181\/tcp is already published by Docker for container w2$/],
  [['publish', 'w1', '9600:80'], /host port 9600\/tcp is already published by Bridgeport for container w2$/],
  [['publish', 'w1', '9595-9605:80-90'], /already published by Bridgeport for container w2$/],
  [['publish', 'w1', '9700:80'], /host port 9700\/tcp is in use by \S+ \(pid \d+\) listening on 0\.0\.0\.0; publishing it would take/],
  [['publish', 'hostnet', '9500:80'], /container hostnet uses the host's network/],
  [['publish', 'nonet', '9500:80'], /container nonet has no network/],
  [['publish', 'pubstopped', '9500:80'], /container pubstopped is created: only a running container can have a port published/],
  [['publish', 'w1', '9500:80', '--network', 'intranet'], /container w1 is not on bridge network "intranet" \(it is on bridge\)/],
  [['publish', 'w1', '9500:80', '--network', 'bad;name'], /network: not a network name/],
  [['unpublish', 'w1', '9999'], /Bridgeport publishes no port 9999\/tcp on w1/],
  [['unpublish', 'w1', '9600'], /Bridgeport publishes no port 9600\/tcp on w1/],
  [['unpublish', 'w1', 'abc'], /host port "abc" is not a port number/],
];

describe('the CLI refuses bad input with one clear line and changes nothing', () => {
  it(`${cliCases.length} cases`, async () => {
    expect(cliCases.length).toBeGreaterThanOrEqual(30);
    const before = await systemState();
    for (const [argv, reason] of cliCases) {
      const result = await bridgeport(argv, { BRIDGEPORT_CONFIG_DIR: config.dir });
      expect(result.exitCode, `${argv.join(' ')}: ${result.stdout}`).not.toBe(0);
      expect(result.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(result.stderr.trim(), argv.join(' ')).toMatch(/^bridgeport: /);
      expect(result.stderr.trim(), argv.join(' ')).toMatch(reason);
    }
    expect(await systemState()).toEqual(before);
  }, 180_000);
});

/** [contract input of ports.publish, what the error must say]. */
const contractCases: Array<[unknown, RegExp]> = [
  [{}, /invalid input for ports\.publish: container/],
  [{ container: 'w1', hostPort: '9500', containerPort: 80 }, /hostPort: a port is a number/],
  [{ container: 'w1', hostPort: 9500.5, containerPort: 80 }, /hostPort: a port is a whole number/],
  [{ container: 'w1', hostPort: 9500, containerPort: 80, protocol: 'icmp' }, /protocol/],
  [{ container: 'w1', hostPort: 9500, containerPort: 80, command: 'reboot' }, /command/],
  [{ container: 'w1', hostPort: 9500, containerPort: 80, hostIp: '0.0.0.0 ' }, /hostIp/],
  [{ container: 'w1', hostPort: 9500, containerPort: 80, hostIp: '::1' }, /hostIp/],
  [{ container: ['w1'], hostPort: 9500, containerPort: 80 }, /container/],
  [{ container: 'w1', hostPort: null, containerPort: 80 }, /hostPort/],
  [{ container: 'w1', hostPort: 1e9, containerPort: 80 }, /hostPort: ports end at 65535/],
  [{ container: 'w1', hostPort: 9500, hostPortEnd: 9499, containerPort: 80 }, /ends before it starts/],
  [{ container: 'w1', hostPort: 8080, containerPort: 80 }, /already published by Docker for container w1/],
  [{ container: 'nosuch', hostPort: 9500, containerPort: 80 }, /no container named or with id "nosuch"/],
  [{ container: 'w1', hostIp: '203.0.113.5', hostPort: 9500, containerPort: 80 }, /203\.0\.113\.5 is not an address of this host/],
];

describe('the contract refuses bad input with a clear error and changes nothing', () => {
  it(`${contractCases.length} cases for ports.publish, and unknown methods`, async () => {
    const before = await systemState();
    for (const [input, reason] of contractCases) {
      await expect(engine.call('ports.publish', input), JSON.stringify(input)).rejects.toThrow(reason);
    }
    await expect(engine.call('ports.unpublish', { container: 'w1', hostPort: 70000 })).rejects.toThrow(/hostPort: ports end at 65535/);
    await expect(engine.call('firewall.flush' as 'ports.publish', {})).rejects.toThrow(/unknown method "firewall\.flush"/);
    expect(await systemState()).toEqual(before);
  });
});

describe('a publish that cannot finish leaves nothing behind', () => {
  it('a cancelled password prompt (the executor refuses) changes nothing and says why', async () => {
    const before = await systemState();
    let prompts = 0;
    const dismissed = () => {
      prompts++;
      return Promise.reject(new Error('the password prompt was dismissed'));
    };
    // As the desktop app's helper: not elevated yet (reads never prompt), so only the change asks.
    const cancelled = new Engine({ configDir: config.dir, executor: { executor: dismissed, ready: () => false } });
    await expect(cancelled.call('ports.publish', { container: 'w1', hostPort: 9650, containerPort: 80 })).rejects.toThrow('the password prompt was dismissed');
    expect(await systemState()).toEqual(before);
    // Asked once: nothing was changed that would need a second prompt to undo.
    expect(prompts).toBe(1);
  });

  it('an apply that fails halfway is rolled back: the file and the rules are as before', async () => {
    const before = await systemState();
    const real = new LocalExecutor();
    let applies = 0;
    // The first apply (the publish) fails after the real one ran; the rollback apply is real.
    const failingOnce: PrivilegedExecutor = {
      run: async (op, args) => {
        const result = await real.run(op, args);
        if (op === 'ports.apply' && ++applies === 1) throw new Error('iptables-restore: simulated failure after apply');
        return result;
      },
      close: () => undefined,
    };
    const flaky = new Engine({ configDir: config.dir, executor: () => Promise.resolve(failingOnce) });
    await expect(flaky.call('ports.publish', { container: 'w1', hostPort: 9651, containerPort: 80 })).rejects.toThrow('simulated failure');
    // Hairpin on w1's own bridge port may stay on (Bridgeport never turns it off: harmless, as Docker does); all else is as before.
    const withoutHairpin = (state: Awaited<ReturnType<typeof systemState>>) => ({
      ...state,
      links: JSON.stringify((JSON.parse(state.links) as unknown[][]).map((l) => l.slice(0, 3))),
    });
    expect(withoutHairpin(await systemState())).toEqual(withoutHairpin(before));
    expect(applies).toBe(2);
  });
});
