// The privileged reads (firewall.read, firewall.listTables, netns.report, host.listeners) as the
// helper runs them: LocalExecutor.runRequest checks every request as if it came off the helper's
// wire. Real iptables, nft, ss and namespaces of the lab host; a native nft table is made and removed
// here (inside the lab namespace only).
import { execa } from 'execa';
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import type { OperationResults } from '../../src/main/privileged/contract/operations';
import { labEnv, run } from './support';

const executor = new LocalExecutor();
const TABLE = `bpreads${process.pid % 100000}`;
let w1Pid = 0;

beforeAll(async () => {
  labEnv();
  const ns = process.env.BP_LAB_HOST_NS!;
  if (statSync('/proc/self/ns/net').ino !== statSync(`/run/netns/${ns}`).ino) throw new Error(`not inside the lab namespace ${ns}; refusing to run`);
  await execa('nft', ['add', 'table', 'inet', TABLE]);
  await execa('nft', ['add', 'chain', 'inet', TABLE, 'pre', '{ type nat hook prerouting priority -100 ; }']);
  await execa('nft', ['add', 'rule', 'inet', TABLE, 'pre', 'tcp', 'dport', '7777', 'counter']);
  w1Pid = Number((await run('docker', ['inspect', '-f', '{{.State.Pid}}', 'w1'])).trim());
});

afterAll(async () => {
  await execa('nft', ['delete', 'table', 'inet', TABLE], { reject: false });
});

describe('firewall.read and firewall.listTables', () => {
  it('return the raw texts: iptables-save -c with counters, the listed native table as nft JSON', async () => {
    const list = (await executor.runRequest('firewall.listTables', {})) as OperationResults['firewall.listTables'];
    expect(list.text).toContain(`"table": "${TABLE}"`);
    const read = (await executor.runRequest('firewall.read', { variant: 'nft', tables: [{ family: 'inet', name: TABLE }] })) as OperationResults['firewall.read'];
    expect(read.v4).toMatch(/^\[\d+:\d+\] -A DOCKER .* -j DNAT --to-destination 172\.17\.\d+\.\d+:80$/m);
    expect(read.native).toHaveLength(1);
    expect(read.native?.[0]).toMatch(/"dport"[^]*7777/);
  });

  it('refuses a table name that nft would read as a second command, and runs nothing', async () => {
    const before = executor.executed;
    await expect(executor.runRequest('firewall.read', { variant: 'nft', tables: [{ family: 'inet', name: `${TABLE}; flush ruleset` }] })).rejects.toMatchObject({ kind: 'refused' });
    expect(executor.executed).toBe(before);
    expect((await execa('nft', ['list', 'table', 'inet', TABLE])).stdout).toContain('dport 7777');
  });
});

describe('netns.report', () => {
  it("reads a running container's namespace, and names a pid that is no process as gone without entering it", async () => {
    const dead = (await execa('sh', ['-c', 'echo $$'])).stdout.trim();
    const report = (await executor.runRequest('netns.report', { named: [`${process.env.BP_LAB}-ns1`], pids: [w1Pid, Number(dead)], nsidOnly: [] })) as OperationResults['netns.report'];
    expect(report.gone).toEqual([Number(dead)]);
    expect(report.text).toContain(`@@pid ${w1Pid}`);
    expect(report.text).not.toContain(`@@pid ${dead}`);
    expect(report.text).toContain(`@@named ${process.env.BP_LAB}-ns1`);
    expect(report.text).toMatch(/"ifname":"bpv1"/);
  });

  it("does not enter the namespace of a process that is not a container's (a plain sleep here), naming it gone", async () => {
    const sleeper = execa('sleep', ['30']);
    try {
      const report = (await executor.runRequest('netns.report', { named: [], pids: [w1Pid, sleeper.pid!], nsidOnly: [sleeper.pid!] })) as OperationResults['netns.report'];
      expect(report.gone).toEqual([sleeper.pid, sleeper.pid]);
      expect(report.text).toContain(`@@pid ${w1Pid}`);
      expect(report.text).not.toContain(`@@pid ${sleeper.pid}`);
    } finally {
      sleeper.kill();
      await sleeper.catch(() => undefined);
    }
  });

  it('refuses names that leave /run/netns', async () => {
    await expect(executor.runRequest('netns.report', { named: ['../../proc/1/ns/net'], pids: [], nsidOnly: [] })).rejects.toMatchObject({ kind: 'refused' });
  });
});

describe('host.listeners', () => {
  it("names every socket's process, docker-proxy's included", async () => {
    const { text } = (await executor.runRequest('host.listeners', {})) as OperationResults['host.listeners'];
    expect(text).toMatch(/:8080 .*users:\(\("docker-proxy",pid=\d+/);
  });
});
