// The firewall reader's warnings, the one "needs root" reason, namespace errors and the kernel
// trace's refusal as messages (issue 18): each said by its real producer, in English word for word
// what the engine printed before, and in Korean with no key missing. Wherever the warnings are
// reused (NAT report, packet path, drops, doctor) the message goes along.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_PRIVILEGE, NO_PRIVILEGE_MESSAGE } from '../../../src/main/engine/access/privileged-reads';
import { CONNTRACK_UNREAD } from '../../../src/main/engine/flows/flow-limitations';
import { DNS_FILES_NEED_ROOT, UNREAD_NOTE } from '../../../src/main/engine/dns/describe-sync';
import { FirewallReader, FIREWALL_NEEDS_ROOT, type FirewallRead } from '../../../src/main/engine/firewall/read-firewall';
import { natReportOf } from '../../../src/main/engine/firewall/nat-report';
import { withoutFirewall } from '../../../src/main/engine/path/without-firewall';
import { DropTracker } from '../../../src/main/engine/drops/drop-tracker';
import { unreadableFirewall } from '../../../src/main/engine/doctor/gather-facts';
import { assembleSnapshot } from '../../../src/main/engine/snapshot/assemble-snapshot';
import { parseNamespaceReport } from '../../../src/main/engine/netns/parse-namespace-report';
import { traceInKernel, type ComputedPath } from '../../../src/main/engine/trace/kernel-tracer';
import type { PrivilegedExecutor } from '../../../src/main/privileged/contract/operations';
import { saidOf } from '../../../src/shared/errors';
import type { Message } from '../../../src/shared/message';
import { lan, trace, HOST_IP } from '../path/path-host';
import { labInputs } from '../lab-fixture';
import { sayIn } from './engine-say';

const firewallFixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/firewall', name), 'utf8');

/** Serves the firewall ops with `read` (a throw is the tool's failure). */
function host(read: () => { v4: string; v6: string; other: string | null; native: string[] }): PrivilegedExecutor {
  const tables = JSON.stringify({ nftables: [{ table: { family: 'inet', name: 'bptest' } }, { table: { family: 'inet', name: 'x; flush ruleset' } }] });
  return {
    run: ((op: string) => {
      if (op === 'firewall.listTables') return Promise.resolve({ text: tables });
      if (op === 'firewall.read') return Promise.resolve().then(read);
      return Promise.reject(new Error(`${op} not served`));
    }) as PrivilegedExecutor['run'],
    close: () => undefined,
  };
}

const splitHost = host(() => ({ v4: firewallFixture('docker20-iptables-save.txt'), v6: '', other: firewallFixture('split-legacy-save.txt'), native: [firewallFixture('nft-1.0.6-native.json')] }));
const failingHost = host(() => {
  throw new Error('iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\nsecond line');
});

const reads = async (): Promise<FirewallRead[]> => [
  await new FirewallReader(async () => null).read(),
  await new FirewallReader(async () => splitHost).read(),
  await new FirewallReader(async () => failingHost).read(),
];

/** Every warning beside its message, the same length. */
function paired(read: Pick<FirewallRead, 'warnings' | 'warningMessages'>): Array<{ text: string; message: Message }> {
  expect(read.warningMessages).toHaveLength(read.warnings.length);
  return read.warnings.map((text, i) => ({ text, message: read.warningMessages![i]! }));
}

describe("The firewall reader's warnings in both languages", () => {
  it('come from every case: no privilege, the split store, an unsafe table name, a failed read', async () => {
    const keys = (await reads()).flatMap((r) => paired(r).map((p) => p.message.key));
    for (const key of ['needsRoot', 'splitStore', 'tableSkipped', 'notRead']) expect(keys).toContain(`engine-nat:warning.${key}`);
  });

  it('say in English exactly what the reader printed before they were messages', async () => {
    const [unprivileged, split, failed] = await reads();
    for (const read of [unprivileged!, split!, failed!]) for (const p of paired(read)) expect(sayIn('en', p.message)).toBe(p.text);
    expect(unprivileged!.warnings).toEqual([FIREWALL_NEEDS_ROOT]);
    expect(FIREWALL_NEEDS_ROOT).toBe(
      'The firewall could not be read (not root: run the CLI with sudo; the desktop app reads it once it has administrator rights): reading iptables needs root.',
    );
    // Which variant `iptables` is depends on the machine the test runs on.
    const [mine, theirs] = split!.variant === 'nft' ? ['iptables-nft', 'iptables-legacy'] : ['iptables-legacy', 'iptables-nft'];
    expect(split!.warnings).toEqual([
      `Both ${mine} and ${theirs} hold rules (the split-store trap): this host's iptables is ${mine}, but rules also exist in ${theirs}, which the kernel evaluates too. Tools that use the other variant see a different rule set.`,
      'The nftables table inet x; flush ruleset was not read: its name cannot be passed to nft as it is.',
    ]);
    // The tool's own words stay as they are (data), its first line only.
    expect(failed!.warnings).toEqual([
      'The firewall could not be read (iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)): reading iptables needs root.',
    ]);
  });

  it('say every one in Korean', async () => {
    const [unprivileged, split, failed] = await reads();
    for (const read of [unprivileged!, split!, failed!]) for (const p of paired(read)) expect(sayIn('ko', p.message)).not.toBe('');
    expect(sayIn('ko', failed!.warningMessages![0]!)).toBe(
      '방화벽을 읽을 수 없습니다(iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)): iptables를 읽으려면 root 권한이 필요합니다.',
    );
    expect(sayIn('ko', split!.warningMessages![1]!)).toBe('nftables 테이블 inet x; flush ruleset을(를) 읽지 않았습니다: 이 이름은 그대로 nft에 넘길 수 없습니다.');
  });

  it('go along wherever the warnings are reused: the NAT report, the packet path, the drops and the doctor', async () => {
    const [unprivileged] = await reads();
    const warning = unprivileged!.warningMessages![0]!;
    const nat = natReportOf(unprivileged!, { containers: [], networks: [] });
    expect(nat.warningMessages).toEqual([warning]);

    const guessed = trace(lan, HOST_IP, 8080, { ruleset: { chains: [], rules: [] } });
    const path = withoutFirewall(guessed, unprivileged!.warnings, unprivileged!.warningMessages);
    expect(path.caveatMessages).toEqual([warning]);
    expect(sayIn('en', path.outcome.descriptionMessage!)).toBe(path.outcome.description);
    expect(sayIn('ko', path.outcome.descriptionMessage!)).toContain('방화벽을 읽을 수 없습니다(root 아님');

    const drops = new DropTracker(60_000).update({ report: nat, readable: false }, null, 0);
    expect(drops.notes).toEqual([FIREWALL_NEEDS_ROOT]);
    expect(drops.notesMessages).toEqual([warning]);

    const doctor = unreadableFirewall(unprivileged!.warnings, unprivileged!.warningMessages);
    expect(doctor).toMatchObject({ readable: false, reason: FIREWALL_NEEDS_ROOT, reasonMessage: warning });
  });
});

describe('The one "needs root" reason (engine-common)', () => {
  it('is the English NO_PRIVILEGE was, and every view that gives it says it through the same message', () => {
    expect(NO_PRIVILEGE).toBe('it needs root (run the CLI with sudo; the desktop app reads it once it has administrator rights)');
    expect(sayIn('en', NO_PRIVILEGE_MESSAGE)).toBe(NO_PRIVILEGE);
    expect(sayIn('en', CONNTRACK_UNREAD)).toBe(`conntrack was not read: ${NO_PRIVILEGE}`);
    expect(sayIn('en', DNS_FILES_NEED_ROOT)).toBe(`Containers' resolv.conf and hosts files were not read: ${NO_PRIVILEGE}.`);
    expect(sayIn('en', UNREAD_NOTE)).toBe(`its resolv.conf was not read: ${NO_PRIVILEGE}`);
    for (const m of [CONNTRACK_UNREAD, DNS_FILES_NEED_ROOT, UNREAD_NOTE]) expect(m.params.reason).toBe(NO_PRIVILEGE_MESSAGE);
  });

  it('says it in Korean', () => {
    expect(sayIn('ko', NO_PRIVILEGE_MESSAGE)).toBe('root 권한이 필요합니다 (CLI는 sudo로 실행하세요. 데스크톱 앱은 관리자 권한을 얻으면 읽습니다)');
    expect(sayIn('ko', CONNTRACK_UNREAD)).toBe('conntrack을 읽지 못했습니다: root 권한이 필요합니다 (CLI는 sudo로 실행하세요. 데스크톱 앱은 관리자 권한을 얻으면 읽습니다)');
  });
});

describe('Named namespaces that were not read (engine-topology)', () => {
  const failedReport = '@@named bp-broken\n@@error\n';

  it('say why in English as before, and in Korean', () => {
    const unprivileged = assembleSnapshot({ ...labInputs(), privileged: false, report: null }).namespaces.filter((n) => !n.current);
    const report = parseNamespaceReport(failedReport);
    const entered = assembleSnapshot({ ...labInputs(), namedNamespaces: [{ name: 'bp-broken', id: null, current: false }, { name: 'bp-later', id: null, current: false }], report });
    const [broken, later] = entered.namespaces;
    expect(unprivileged.length).toBeGreaterThan(0);
    for (const ns of [...unprivileged, broken!, later!]) {
      expect(ns.errorMessage).toBeDefined();
      expect(sayIn('en', ns.errorMessage!)).toBe(ns.error);
      expect(sayIn('ko', ns.errorMessage!)).not.toBe('');
    }
    expect(unprivileged[0]!.error).toBe('needs root to enter the namespace');
    expect(broken!.error).toBe('could not enter namespace bp-broken');
    expect(later!.error).toBe('not read');
    expect(saidOf(report.named.get('bp-broken'))).toEqual(broken!.errorMessage);
    expect(sayIn('ko', broken!.errorMessage!)).toBe('네임스페이스 bp-broken에 들어갈 수 없습니다');
  });
});

describe('A kernel trace from a container that stopped (engine-trace)', () => {
  it('is refused with the sentence as a message', async () => {
    const executor = { run: () => Promise.reject(new Error('not asked')), close: () => undefined } as unknown as PrivilegedExecutor;
    const path = { packet: { from: { kind: 'container', containerId: 'c1' } }, containers: [{ id: 'c1', pid: null }] } as unknown as ComputedPath;
    const query = { protocol: 'tcp', destination: '10.0.0.1', port: 80, from: 'c1', timeoutSeconds: 5 } as unknown as Parameters<typeof traceInKernel>[1];
    const error = await traceInKernel({ executor: async () => executor, computePath: async () => path }, query).catch((e: unknown) => e);
    expect((error as Error).message).toBe('the container stopped: it sends nothing');
    const said = saidOf(error)!;
    expect(sayIn('en', said)).toBe('the container stopped: it sends nothing');
    expect(sayIn('ko', said)).toBe('컨테이너가 멈췄습니다: 보내는 패킷이 없습니다');
  });
});
