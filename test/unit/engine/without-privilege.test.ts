// What the engine says when the privileged reads are not at hand (a user's CLI, the app before it
// elevated), and that reads never ask for them: on fixtures, through the engine's real readers,
// with a stand-in executor that serves captured texts and records what it was asked.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { accessOf, readAccessOf } from '../../../src/main/engine/access/privileged-reads';
import { FirewallReader, FIREWALL_NEEDS_ROOT } from '../../../src/main/engine/firewall/read-firewall';
import { natReportOf } from '../../../src/main/engine/firewall/nat-report';
import { parseListeners, type Listener } from '../../../src/main/engine/host/parse-listeners';
import { readNamespaces } from '../../../src/main/engine/netns/read-namespaces';
import { withoutFirewall } from '../../../src/main/engine/path/without-firewall';
import { derivePorts } from '../../../src/main/engine/ports/derive-ports';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import { dockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import {
  parseArgs,
  type OperationArgs,
  type OperationName,
  type OperationResults,
  type PrivilegedAccess,
  type PrivilegedExecutor,
} from '../../../src/main/privileged/contract/operations';
import { MAX_NAMESPACES_PER_REPORT } from '../../../src/main/privileged/contract/read-operations';
import { containers, HOST_IP, lan, listeners as namedListeners, trace } from '../path/path-host';

const firewallFixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/firewall', name), 'utf8');
const labReport = readFileSync(join(resolve(import.meta.dirname, '../../fixtures/lab-docker20'), 'namespace-report.txt'), 'utf8');

type Answers = { [O in OperationName]?: (args: OperationArgs<O>) => OperationResults[O] };

/** Serves fixed answers and records every request (the runners themselves are lab-tested). */
function recordingExecutor(answers: Answers): PrivilegedExecutor & { asked: Array<{ op: string; args: unknown }> } {
  const asked: Array<{ op: string; args: unknown }> = [];
  return {
    asked,
    run<O extends OperationName>(op: O, args: OperationArgs<O>): Promise<OperationResults[O]> {
      asked.push({ op, args: parseArgs(op, args) });
      const answer = answers[op] as ((a: OperationArgs<O>) => OperationResults[O]) | undefined;
      return answer ? Promise.resolve(answer(args)) : Promise.reject(new Error(`${op} not served`));
    },
    close: () => undefined,
  };
}

describe('reads never prompt', () => {
  it('asks the executor only when it is ready, and takes a failed start as no privilege', async () => {
    let started = 0;
    let ready = false;
    const executor = recordingExecutor({});
    const access: PrivilegedAccess = {
      executor: () => {
        started++;
        return Promise.resolve(executor);
      },
      ready: () => ready,
    };
    const reads = readAccessOf(access);
    expect(await reads()).toBeNull();
    expect(started).toBe(0);
    ready = true;
    expect(await reads()).toBe(executor);
    expect(started).toBe(1);
    const failing = readAccessOf({ executor: () => Promise.reject(new Error('prompt dismissed')), ready: () => true });
    expect(await failing()).toBeNull();
  });

  it('keeps a PrivilegedAccess as the face gave it', () => {
    const access: PrivilegedAccess = { executor: () => Promise.reject(new Error('x')), ready: () => false };
    expect(accessOf(access)).toBe(access);
  });
});

describe('the firewall without privilege', () => {
  it('reads nothing, guesses no rule and says why', async () => {
    const read = await new FirewallReader(async () => null).read();
    expect(read).toMatchObject({ readable: false, ruleset: { chains: [], rules: [] }, warnings: [FIREWALL_NEEDS_ROOT] });
    expect(FIREWALL_NEEDS_ROOT).toMatch(/could not be read \(not root: run the CLI with sudo.*\): reading iptables needs root\.$/);
    const nat = natReportOf(read, { containers: [], networks: [] });
    expect(nat.rules).toEqual([]);
    expect(nat.warnings).toEqual([FIREWALL_NEEDS_ROOT]);
  });

  it('with the executor: parses the texts it returns, warns of the split store, never passes an unsafe table name', async () => {
    const executor = recordingExecutor({
      'firewall.listTables': () => ({
        text: JSON.stringify({
          nftables: [
            { table: { family: 'ip', name: 'nat' } },
            { table: { family: 'inet', name: 'bptest' } },
            { table: { family: 'inet', name: 'x; flush ruleset' } },
          ],
        }),
      }),
      'firewall.read': (args) => ({
        v4: firewallFixture('docker20-iptables-save.txt'),
        v6: '',
        other: firewallFixture('split-legacy-save.txt'),
        native: args.tables.map(() => firewallFixture('nft-1.0.6-native.json')),
      }),
    });
    const read = await new FirewallReader(async () => executor).read();
    expect(read.readable).toBe(true);
    expect(read.otherSave).toContain('--dport 2222');
    const request = executor.asked.find((a) => a.op === 'firewall.read')?.args as OperationArgs<'firewall.read'>;
    // iptables-nft's own tables go through iptables-save; the odd name never reaches nft.
    expect(request.tables).toEqual([{ family: 'inet', name: 'bptest' }]);
    expect(read.warnings.join(' ')).toMatch(/split-store trap/);
    expect(read.warnings.join(' ')).toMatch(/x; flush ruleset was not read/);
    expect(read.ruleset.rules.some((r) => r.table === 'nat' && r.target === 'DNAT')).toBe(true);
    expect(read.ruleset.chains.some((c) => c.table === 'inet bptest')).toBe(true);
  });
});

describe('the contract of the privileged reads', () => {
  it('refuses a table name nft would parse as more than a name', () => {
    expect(() => parseArgs('firewall.read', { variant: 'nft', tables: [{ family: 'inet', name: 'x; flush ruleset' }] })).toThrow(/refused|invalid arguments/);
    expect(() => parseArgs('firewall.read', { variant: 'nft', tables: [{ family: 'evil', name: 'x' }] })).toThrow(/invalid arguments/);
  });

  it('refuses namespace names that leave /run/netns, non-pids and oversized requests', () => {
    expect(() => parseArgs('netns.report', { named: ['../etc'], pids: [], nsidOnly: [] })).toThrow(/invalid arguments/);
    expect(() => parseArgs('netns.report', { named: [], pids: [1], nsidOnly: [] })).toThrow(/invalid arguments/);
    const many = Array.from({ length: MAX_NAMESPACES_PER_REPORT + 1 }, (_, i) => i + 2);
    expect(() => parseArgs('netns.report', { named: [], pids: many, nsidOnly: [] })).toThrow(/invalid arguments/);
  });
});

describe('namespaces through the executor', () => {
  it('splits large sets into capped requests and reports pids that were no process as gone', async () => {
    const pids = Array.from({ length: MAX_NAMESPACES_PER_REPORT + 3 }, (_, i) => i + 1000);
    const executor = recordingExecutor({ 'netns.report': (args) => ({ text: labReport, gone: args.pids.filter((p) => p === 1001) }) });
    const report = await readNamespaces(executor, { named: ['ok-name', '_not/safe'], pids, nsidOnly: [] });
    expect(executor.asked).toHaveLength(2);
    const first = executor.asked[0]?.args as OperationArgs<'netns.report'>;
    expect(first.pids).toHaveLength(MAX_NAMESPACES_PER_REPORT);
    expect(first.named).toEqual(['ok-name']);
    expect(report.containers.get(1001)).toBeInstanceOf(Error);
    expect((report.containers.get(1001) as Error).message).toMatch(/process gone/);
  });
});

describe('a packet path without the firewall', () => {
  it('is not "delivered to a process": outcome unknown, no steps, the reason as caveat', () => {
    // What a user's read looks like: no rules, and docker-proxy's socket without its name.
    const unnamed: Listener[] = namedListeners.map((l) => ({ ...l, process: null, pid: null }));
    const guessed = trace(lan, HOST_IP, 8080, { ruleset: { chains: [], rules: [] }, listeners: unnamed });
    expect(guessed.outcome.kind).toBe('host-process');
    const result = withoutFirewall(guessed, [FIREWALL_NEEDS_ROOT]);
    expect(result.outcome.kind).toBe('unknown');
    expect(result.outcome.description).toMatch(/not known: The firewall could not be read \(not root: run the CLI with sudo/);
    expect(result.outcome.description).not.toMatch(/Delivered/);
    expect(result.steps).toEqual([]);
    expect(result.caveats).toEqual([FIREWALL_NEEDS_ROOT]);
    expect(result.packet).toEqual(guessed.packet);
  });
});

describe('port hints without privilege', () => {
  const dockerRules = attributeRules(parseIptablesSave(firewallFixture('docker20-iptables-save.txt')), dockerFacts({ containers, networks: [] }));
  // ss as a user: docker-proxy's sockets are there, their owner's name is not.
  const userSs = parseListeners(firewallFixture('docker20-ss.txt').replace(/ users:\(\(.*\)\)/g, ''));

  it('never blame "a host process" whose name could not be read', () => {
    const ports = derivePorts({ containers, rules: dockerRules, firewallReadable: true, listeners: userSs, listenerNamesKnown: false });
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.flatMap((p) => p.hints).join(' ')).not.toMatch(/host process|also taken/);
  });

  it('as root, a socket without a process still counts (it has none)', () => {
    const ports = derivePorts({ containers, rules: dockerRules, firewallReadable: true, listeners: userSs, listenerNamesKnown: true });
    expect(ports.find((p) => p.hostPort === 8080)?.hints.join(' ')).toMatch(/also taken by a host process/);
  });

  it('a named process of the user is still named', () => {
    const mine: Listener = { protocol: 'tcp', address: '0.0.0.0', port: 8181, process: 'python3', pid: 4242 };
    const ports = derivePorts({ containers, rules: dockerRules, firewallReadable: true, listeners: [mine], listenerNamesKnown: false });
    expect(ports.find((p) => p.hostPort === 8181)?.hints.join(' ')).toMatch(/also taken by python3 \(pid 4242\)/);
  });

  it('without the rules: says they are unknown, never that they are missing', () => {
    const ports = derivePorts({ containers, rules: [], firewallReadable: false, listeners: userSs, listenerNamesKnown: false });
    const hints = ports.find((p) => p.hostPort === 8080)?.hints ?? [];
    expect(hints.join(' ')).toMatch(/NAT rules could not be read \(that needs root\)/);
    expect(hints.join(' ')).not.toMatch(/No NAT rule found/);
  });
});
