// The doctor against a real Docker host (the lab namespace): it finds what really breaks a
// container's way out — ip_forward=0, Docker's FORWARD accept rule gone under a DROP policy, a
// missing MASQUERADE, a legacy iptables rule dropping traffic, br_netfilter off under icc=false —
// and its fixes really bring the traffic back, changing nothing but what they say. Every sysctl and
// rule a test changes is restored, also when it fails (the lab is shared with other test files).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import { doctorReportSchema, type DoctorCheck, type DoctorReport } from '../../src/shared/doctor-model';
import { bridgeport, dockerMajor, labEnv, run } from './support';

const LAN_PEER = '198.51.100.2';
const IP_FORWARD = '/proc/sys/net/ipv4/ip_forward';
const BRIDGE_NF = '/proc/sys/net/bridge/bridge-nf-call-iptables';
const CHECK_IDS = ['ip-forward', 'forward-policy', 'masquerade', 'docker-iptables', 'iptables-split', 'br-netfilter', 'docker-proxy', 'subnet-overlap', 'dns'];

let tmp = '';
let env: Record<string, string> = {};

beforeAll(async () => {
  labEnv();
  tmp = await mkdtemp(join(tmpdir(), 'bp-doctor-'));
  await mkdir(join(tmp, 'docker.service.d'));
  await writeFile(join(tmp, 'resolv.conf'), `nameserver ${LAN_PEER}\n`);
  // Never /etc: the doctor reads Docker's configuration and the resolver where these say.
  env = {
    BRIDGEPORT_DOCKER_DROPIN_DIR: join(tmp, 'docker.service.d'),
    BRIDGEPORT_DOCKER_DAEMON_JSON: join(tmp, 'daemon.json'),
    BRIDGEPORT_RESOLV_CONF: join(tmp, 'resolv.conf'),
    BRIDGEPORT_RESOLVED_UPSTREAM: join(tmp, 'resolved.conf'),
    BRIDGEPORT_CONFIG_DIR: join(tmp, 'config'),
  };
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function doctor(extra: Record<string, string> = {}, wrapper: string[] = []): Promise<DoctorReport> {
  const result = await bridgeport(['doctor', '--json'], { ...env, ...extra }, wrapper);
  expect(result.exitCode, result.stderr).toBe(0);
  return doctorReportSchema.parse(JSON.parse(result.stdout));
}

const checkOf = (report: DoctorReport, id: string): DoctorCheck => report.checks.find((c) => c.id === id)!;

async function fix(id: string) {
  return bridgeport(['doctor', '--fix', id], env);
}

const pidOf = async (container: string) => Number((await run('docker', ['inspect', '-f', '{{.State.Pid}}', container])).trim());
const ipOf = async (container: string, network: string) =>
  (await run('docker', ['inspect', '-f', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, container])).trim();

/** One ping from inside the container's namespace (the host's busybox, the container's network). */
async function reaches(container: string, ip = LAN_PEER): Promise<boolean> {
  const result = await execa('nsenter', [`--net=/proc/${await pidOf(container)}/ns/net`, 'timeout', '3', 'busybox', 'ping', '-c', '1', '-W', '2', ip], { reject: false });
  return result.exitCode === 0;
}

/** The lab's IPv4 rules without timestamps and counters, to compare before and after. */
async function rules(): Promise<string> {
  const text = await run('iptables-save', []);
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/\[\d+:\d+\]/g, '[]'))
    .join('\n');
}

/** The doctor's own chains go away through the same operation, asked to hold nothing. */
const removeDoctorRules = () => new LocalExecutor().run('firewall.applyDoctorRules', { forward: [], masquerade: [] });

const bridgeOf = async (network: string) => `br-${(await run('docker', ['network', 'inspect', '-f', '{{.Id}}', network])).trim().slice(0, 12)}`;

describe('bridgeport doctor --json', () => {
  it('prints every check with id, title, status, detail, what it looked at and an optional fix; a healthy lab passes', async () => {
    const result = await bridgeport(['doctor', '--json'], env);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { checks: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(['checks']);
    expect(json.checks.map((c) => c.id)).toEqual(CHECK_IDS);
    for (const check of json.checks) {
      expect(Object.keys(check).every((k) => ['id', 'title', 'status', 'detail', 'lookedAt', 'fix'].includes(k)), JSON.stringify(check)).toBe(true);
      expect(['ok', 'warn', 'fail']).toContain(check.status);
      expect(typeof check.title === 'string' && typeof check.detail === 'string' && (check.detail as string).length > 0).toBe(true);
      expect((check.lookedAt as string[]).length).toBeGreaterThan(0);
      if (check.fix) expect(Object.keys(check.fix as object).sort()).toEqual(['id', 'label']);
    }
    const report = doctorReportSchema.parse(json);
    for (const id of ['ip-forward', 'forward-policy', 'masquerade', 'docker-iptables', 'iptables-split', 'docker-proxy', 'dns']) {
      expect(checkOf(report, id), id).toMatchObject({ status: 'ok' });
    }
    expect(checkOf(report, 'forward-policy').lookedAt).toContain('filter FORWARD policy: DROP');
    expect(checkOf(report, 'dns').detail).toBe(`Containers get the host's nameservers ${LAN_PEER}.`);
  });

  it('human output: a line per check with its mark, and a summary', async () => {
    const result = await bridgeport(['doctor'], env);
    expect(result.exitCode, result.stderr).toBe(0);
    const marks = result.stdout.split('\n').filter((l) => /^[✓!✗] /.test(l));
    expect(marks).toHaveLength(CHECK_IDS.length);
    expect(marks[0]).toBe('✓ IPv4 forwarding (net.ipv4.ip_forward) [ip-forward]');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ failed, \d+ to look at, \d+ ok$/);
  });

  it("reads Docker's drop-ins where it is told: a proxy is reported with its file, credentials hidden", async () => {
    const dropIn = join(env.BRIDGEPORT_DOCKER_DROPIN_DIR!, 'http-proxy.conf');
    await writeFile(dropIn, '[Service]\nEnvironment="HTTPS_PROXY=http://bob:hunter2@proxy.example:3128" "NO_PROXY=localhost"\n');
    try {
      const check = checkOf(await doctor(), 'docker-proxy');
      expect(check.status).toBe('warn');
      expect(check.detail).toContain(`HTTPS_PROXY=http://***@proxy.example:3128 (${dropIn})`);
      expect(check.detail).not.toContain('hunter2');
    } finally {
      await rm(dropIn);
    }
  });

  it('without privileges it says what it could not read instead of guessing', async () => {
    const report = await doctor({}, ['setpriv', '--bounding-set=-all', '--inh-caps=-all', '--']);
    expect(checkOf(report, 'ip-forward').status).toBe('ok');
    for (const id of ['forward-policy', 'masquerade', 'docker-iptables', 'iptables-split']) {
      const check = checkOf(report, id);
      expect(check.status, id).toBe('warn');
      expect(check.detail, id).toMatch(/reading iptables needs root\. Run `sudo bridgeport doctor` to check this\.$/);
      expect(check.fix, id).toBeUndefined();
    }
  });

  it('refuses unknown ids and checks without a fix with one line, changing nothing', async () => {
    const before = await rules();
    for (const [id, reason] of [
      ['nope', /^bridgeport: no check or fix "nope" \(fixes: ip-forward, forward-accept, masquerade, br-netfilter\)$/],
      ['dns', /^bridgeport: the dns check has no automatic fix/],
      ['iptables-split', /^bridgeport: the iptables-split check has no automatic fix/],
      ['Bad;id', /^bridgeport: invalid input for doctor\.fix: id: not a fix id/],
    ] as const) {
      const result = await fix(id);
      expect(result.exitCode, id).toBe(1);
      expect(result.stderr.trim().split('\n'), id).toHaveLength(1);
      expect(result.stderr.trim(), id).toMatch(reason);
    }
    expect(await rules()).toEqual(before);
  });

  it('through the contract too: a fix that is not needed changes nothing and returns the check', async () => {
    const engine = new Engine({ executor: rootExecutor, configDir: join(tmp, 'config') });
    const before = await rules();
    await expect(engine.call('doctor.fix', { id: 'x y' })).rejects.toThrow(/invalid input for doctor\.fix/);
    expect(await engine.call('doctor.fix', { id: 'forward-accept' })).toMatchObject({ id: 'forward-policy', status: 'ok' });
    expect(await rules()).toEqual(before);
  });
});

describe('ip_forward', () => {
  it('detects ip_forward=0 and fixes it: the container reaches the LAN again', async () => {
    const original = await readFile(IP_FORWARD, 'utf8');
    try {
      expect(await reaches('w1')).toBe(true);
      await writeFile(IP_FORWARD, '0\n');
      expect(await reaches('w1')).toBe(false);

      const check = checkOf(await doctor(), 'ip-forward');
      expect(check.status).toBe('fail');
      expect(check.detail).toMatch(/^IPv4 forwarding is off \(net\.ipv4\.ip_forward = 0\)/);
      expect(check.fix).toEqual({ id: 'ip-forward', label: 'Set net.ipv4.ip_forward=1 now (until reboot)' });

      const result = await fix('ip-forward');
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^✓ IPv4 forwarding \(net\.ipv4\.ip_forward\) \[ip-forward\]\n/);
      expect((await readFile(IP_FORWARD, 'utf8')).trim()).toBe('1');
      expect(await reaches('w1')).toBe(true);
    } finally {
      await writeFile(IP_FORWARD, original);
    }
  });
});

describe('FORWARD policy DROP without a Docker rule letting traffic through', () => {
  it('fails, and forward-accept lets the traffic out again with a narrow rule of its own chain; isolation and the policy stay', async () => {
    // Docker's rule that lets docker0 out: 20.10 puts it in FORWARD, 28 in DOCKER-FORWARD (without `! -o`).
    const [chain, ACCEPT_OUT]: [string, string[]] =
      (await dockerMajor()) >= 28 ? ['DOCKER-FORWARD', ['-i', 'docker0', '-j', 'ACCEPT']] : ['FORWARD', ['-i', 'docker0', '!', '-o', 'docker0', '-j', 'ACCEPT']];
    const before = await rules();
    expect((await run('iptables', ['-S', 'FORWARD'])).split('\n')[0]).toBe('-P FORWARD DROP');
    const listed = (await run('iptables', ['-S', chain])).split('\n');
    const position = listed.indexOf(`-A ${chain} ${ACCEPT_OUT.join(' ')}`);
    expect(position).toBeGreaterThan(0);
    const i1 = await ipOf('i1', 'intranet');
    expect(await reaches('w1', i1)).toBe(false); // Docker isolates its networks from each other
    try {
      await run('iptables', ['-D', chain, ...ACCEPT_OUT]);
      expect(await reaches('w1')).toBe(false);

      const check = checkOf(await doctor(), 'forward-policy');
      expect(check.status).toBe('fail');
      expect(check.detail).toContain('bridge (docker0): a new connection from it falls through to the FORWARD policy DROP and is dropped');
      expect(check.fix).toEqual({
        id: 'forward-accept',
        label: 'Accept traffic out of docker0 and its replies (own chain BRIDGEPORT-DOCTOR at the end of FORWARD; the DROP policy stays)',
      });
      const broken = await rules();

      const result = await fix('forward-accept');
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^✓ FORWARD chain lets containers out \[forward-policy\]\n {4}bridge \(docker0\): out — Accepted by rule 1 of filter BRIDGEPORT-DOCTOR/);
      expect(await reaches('w1')).toBe(true);
      expect(await reaches('w1', i1)).toBe(false);

      // Only the doctor's chain and one jump at the very end of FORWARD were added; the policy is still DROP.
      const after = (await run('iptables', ['-S', 'FORWARD'])).split('\n');
      expect(after[0]).toBe('-P FORWARD DROP');
      expect(after.at(-1)).toBe('-A FORWARD -j BRIDGEPORT-DOCTOR');
      const added = (await rules()).split('\n').filter((l) => !broken.split('\n').includes(l));
      expect(added).toEqual([
        ':BRIDGEPORT-DOCTOR - []',
        '-A FORWARD -j BRIDGEPORT-DOCTOR',
        '-A BRIDGEPORT-DOCTOR -i docker0 ! -o docker0 -m comment --comment "bridgeport doctor: forward-accept" -j ACCEPT',
        '-A BRIDGEPORT-DOCTOR -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "bridgeport doctor: forward-accept" -j ACCEPT',
      ]);
      expect((await rules()).split('\n').filter((l) => !added.includes(l))).toEqual(broken.split('\n'));

      // Again: nothing left to do, nothing changes.
      const fixed = await rules();
      expect((await fix('forward-accept')).exitCode).toBe(0);
      expect(await rules()).toEqual(fixed);
    } finally {
      await removeDoctorRules();
      if (!(await run('iptables', ['-S', chain])).includes(ACCEPT_OUT.join(' '))) await run('iptables', ['-I', chain, String(position), ...ACCEPT_OUT]);
    }
    expect(await rules()).toEqual(before);
  });
  it('a rule that drops containers on purpose is named and gets no fix: forward-accept is refused and changes nothing', async () => {
    const DROP = ['DOCKER-USER', '-s', '172.17.0.0/16', '-j', 'DROP'];
    const before = await rules();
    try {
      await run('iptables', ['-I', ...DROP.slice(0, 1), '1', ...DROP.slice(1)]);
      expect(await reaches('w1')).toBe(false);
      const check = checkOf(await doctor(), 'forward-policy');
      expect(check.status).toBe('fail');
      expect(check.detail).toContain('bridge (docker0): a new connection from it: Dropped by rule 1 of filter DOCKER-USER (All traffic, from 172.17.0.0/16).');
      expect(check.fix).toBeUndefined();
      const withDrop = await rules();
      const result = await fix('forward-accept');
      expect(result.exitCode).toBe(1);
      expect(result.stderr.trim()).toMatch(/^bridgeport: forward-accept is not offered for the forward-policy check now \(no safe fix covers what it found\): /);
      expect(await rules()).toEqual(withDrop);
    } finally {
      await execa('iptables', ['-D', ...DROP], { reject: false });
    }
    expect(await rules()).toEqual(before);
  });
});

describe('MASQUERADE for a network that wants it', () => {
  it('fails when the rule is gone; the masquerade fix adds one that really rewrites the traffic', async () => {
    const bridge = await bridgeOf('intranet');
    const MASQ = ['-s', '172.28.0.0/16', '!', '-o', bridge, '-j', 'MASQUERADE'];
    const before = await rules();
    const position = (await run('iptables', ['-t', 'nat', '-S', 'POSTROUTING'])).split('\n').indexOf(`-A POSTROUTING ${MASQ.join(' ')}`);
    expect(position).toBeGreaterThan(0);
    try {
      await run('iptables', ['-t', 'nat', '-D', 'POSTROUTING', ...MASQ]);
      const check = checkOf(await doctor(), 'masquerade');
      expect(check.status).toBe('fail');
      expect(check.detail).toContain('intranet (172.28.0.0/16): nothing masquerades it');
      expect(check.fix?.id).toBe('masquerade');

      const result = await fix('masquerade');
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toContain('intranet (172.28.0.0/16): Rule 1 of nat BRIDGEPORT-DOCTOR');
      expect(await reaches('i1')).toBe(true);
      const counted = (await run('iptables-save', ['-c', '-t', 'nat'])).split('\n').find((l) => l.includes('bridgeport doctor: masquerade'));
      expect(counted).toMatch(/^\[[1-9]\d*:\d+\] -A BRIDGEPORT-DOCTOR -s 172\.28\.0\.0\/16 /);
    } finally {
      await removeDoctorRules();
      if (!(await run('iptables', ['-t', 'nat', '-S', 'POSTROUTING'])).includes(MASQ.join(' '))) await run('iptables', ['-t', 'nat', '-I', 'POSTROUTING', String(position), ...MASQ]);
    }
    expect(await rules()).toEqual(before);
  });
});

describe('br_netfilter where icc=false', () => {
  it('detects bridge-nf-call-iptables=0 under icc=false (containers still talk) and the fix makes icc=false hold', async () => {
    const original = await readFile(BRIDGE_NF, 'utf8');
    const { image } = labEnv();
    try {
      await run('docker', ['network', 'create', '--subnet', '172.31.250.0/24', '-o', 'com.docker.network.bridge.enable_icc=false', 'bpdoctoricc']);
      for (const name of ['bpdoc1', 'bpdoc2']) await run('docker', ['run', '-d', '--name', name, '--network', 'bpdoctoricc', image, 'sleep', '1d']);
      const peer = await ipOf('bpdoc2', 'bpdoctoricc');
      await writeFile(BRIDGE_NF, '0\n');
      expect(await reaches('bpdoc1', peer)).toBe(true);

      const check = checkOf(await doctor(), 'br-netfilter');
      expect(check.status).toBe('fail');
      expect(check.detail).toMatch(/^bpdoctoricc \(br-[0-9a-f]{12}\) has enable_icc=false/);
      expect(check.fix?.id).toBe('br-netfilter');

      const result = await fix('br-netfilter');
      expect(result.exitCode, result.stderr).toBe(0);
      expect((await readFile(BRIDGE_NF, 'utf8')).trim()).toBe('1');
      expect(await reaches('bpdoc1', peer)).toBe(false);
    } finally {
      await writeFile(BRIDGE_NF, original);
      await execa('docker', ['rm', '-f', 'bpdoc1', 'bpdoc2'], { reject: false });
      await execa('docker', ['network', 'rm', 'bpdoctoricc'], { reject: false });
    }
  });
});

describe('iptables legacy/nft split', () => {
  const DROP = ['FORWARD', '-s', '172.17.0.0/16', '-j', 'DROP'];
  const HARMLESS = ['INPUT', '-p', 'tcp', '--dport', '2222', '-j', 'ACCEPT'];

  it('detects rules in iptables-legacy, names the one that drops containers (the kernel runs both), and passes once they are gone', async () => {
    const before = await rules();
    try {
      await run('iptables-legacy', ['-A', ...DROP]);
      expect(await reaches('w1')).toBe(false);
      const check = checkOf(await doctor(), 'iptables-split');
      expect(check.status).toBe('fail');
      expect(check.detail).toContain('Both iptables-nft (which `iptables` and Docker use) and iptables-legacy (1 rule) hold rules.');
      expect(check.detail).toContain('bridge (docker0): Dropped by rule 1 of filter FORWARD (All traffic, from 172.17.0.0/16).');
      expect(check.fix).toBeUndefined();
      // The forward check walks iptables-nft only, where nothing is wrong.
      expect(checkOf(await doctor(), 'forward-policy').status).toBe('ok');

      await run('iptables-legacy', ['-D', ...DROP]);
      await run('iptables-legacy', ['-A', ...HARMLESS]);
      expect(checkOf(await doctor(), 'iptables-split')).toMatchObject({ status: 'warn', detail: expect.stringContaining('They do not stop containers\' traffic out today') });
    } finally {
      await execa('iptables-legacy', ['-D', ...DROP], { reject: false });
      await execa('iptables-legacy', ['-D', ...HARMLESS], { reject: false });
    }
    expect(checkOf(await doctor(), 'iptables-split').status).toBe('ok');
    expect(await reaches('w1')).toBe(true);
    expect(await rules()).toEqual(before);
  });
});
