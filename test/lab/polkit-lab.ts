// The desktop path's machinery for lab tests: the system D-Bus, polkitd, Bridgeport's polkit policy,
// a rules file that answers YES for one throw-away user and NO for another (a dismissed prompt),
// and those users, given the lab's Docker socket by group. Everything started or written here is
// remembered and undone by stop(), and only that (a bus or polkitd already running is used, not
// stopped). See LAB.md, "The desktop path for real".
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shareDockerSocket } from './share-docker-socket';
import { execa } from 'execa';
import { repoRoot, waitFor } from './support';

const BUS_SOCKET = '/run/dbus/system_bus_socket';
const POLKITD = '/usr/lib/polkit-1/polkitd';
const POLICY_NAME = 'io.github.bridgeport.helper.policy';
const POLICY_DIR = '/usr/share/polkit-1/actions';

export interface PolkitLab {
  /** The user polkit says YES to, and the one it says NO to. */
  yes: { name: string; uid: number };
  no: { name: string; uid: number };
  stop(): Promise<void>;
}

function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function busHasName(name: string): Promise<boolean> {
  const result = await execa('dbus-send', ['--system', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${name}`], { reject: false });
  return result.exitCode === 0 && /boolean true/.test(result.stdout);
}

export async function startPolkitLab(tag: string): Promise<PolkitLab> {
  for (const tool of ['/usr/bin/pkexec', POLKITD, '/usr/bin/dbus-daemon', '/usr/bin/dbus-send']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: run scripts/install-test-deps.sh (packages pkexec, polkitd, dbus)`);
  }
  const undo: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step();
  };
  try {
    // The system bus: started only if there is none, stopped only if we started it.
    if (existsSync(BUS_SOCKET) && !(await busHasName('org.freedesktop.DBus'))) throw new Error(`${BUS_SOCKET} exists but no system bus answers there (left behind?)`);
    if (!existsSync(BUS_SOCKET)) {
      mkdirSync('/run/dbus', { recursive: true });
      const started = await execa('dbus-daemon', ['--system', '--fork', '--print-pid']);
      const busPid = Number(started.stdout.trim().split('\n')[0]);
      undo.push(async () => {
        if (pidRunning(busPid)) process.kill(busPid, 'SIGTERM');
        await waitFor(() => (pidRunning(busPid) ? undefined : true), 5000, 'dbus-daemon to stop').catch(() => undefined);
        // dbus-daemon leaves its pid file and socket behind; the next start would trip over them.
        if (existsSync('/run/dbus/pid') && readFileSync('/run/dbus/pid', 'utf8').trim() === String(busPid)) rmSync('/run/dbus/pid', { force: true });
        rmSync(BUS_SOCKET, { force: true });
      });
      await waitFor(() => (existsSync(BUS_SOCKET) ? true : undefined), 5000, 'the system bus socket');
    }

    // Our policy (the packaged helper's action) and the rules: YES for one user, NO for the other.
    const policy = join(POLICY_DIR, POLICY_NAME);
    if (!existsSync(policy)) {
      copyFileSync(join(repoRoot, 'resources/polkit', POLICY_NAME), policy);
      chmodSync(policy, 0o644);
      undo.push(() => rmSync(policy, { force: true }));
    }
    const yes = `bpy${tag}`;
    const no = `bpn${tag}`;
    const group = `bpd${tag}`;
    await execa('groupadd', [group]);
    undo.push(async () => void (await execa('groupdel', [group], { reject: false })));
    for (const name of [yes, no]) {
      await execa('useradd', ['--no-create-home', '--home-dir', '/nonexistent', '--user-group', '--groups', group, '--shell', '/bin/sh', name]);
      undo.push(async () => void (await execa('userdel', [name], { reject: false })));
    }
    const rules = `/etc/polkit-1/rules.d/49-bridgeport-lab-${tag}.rules`;
    mkdirSync('/etc/polkit-1/rules.d', { recursive: true });
    writeFileSync(
      rules,
      `// Bridgeport lab test (test/lab/polkit-lab.ts): remove if left behind.
polkit.addRule(function (action, subject) {
  if (action.id !== "org.freedesktop.policykit.exec" && action.id !== "io.github.bridgeport.helper") return polkit.Result.NOT_HANDLED;
  if (subject.user === "${yes}") return polkit.Result.YES;
  if (subject.user === "${no}") return polkit.Result.NO;
  return polkit.Result.NOT_HANDLED;
});
`,
      { mode: 0o644 },
    );
    undo.push(() => rmSync(rules, { force: true }));

    // The lab's Docker socket, for the group (the lab folder is root's and 0700: let the group through).
    undo.push(await shareDockerSocket(group));

    // polkitd: used if running, else started here (it reads rules.d again on change, by inotify).
    let polkitd: ChildProcess | null = null;
    if (!(await busHasName('org.freedesktop.PolicyKit1'))) {
      polkitd = spawn(POLKITD, ['--no-debug'], { stdio: 'ignore' });
      const child = polkitd;
      undo.push(async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        }
      });
      await waitFor(async () => ((await busHasName('org.freedesktop.PolicyKit1')) ? true : undefined), 10_000, 'polkitd on the system bus');
    }
    const uidOf = async (name: string) => Number((await execa('id', ['-u', name])).stdout.trim());
    const lab = { yes: { name: yes, uid: await uidOf(yes) }, no: { name: no, uid: await uidOf(no) }, stop };
    // Ready when polkit answers from our rules (a running polkitd picks them up a moment later).
    await waitFor(
      async () => ((await execa('setpriv', ['--reuid', yes, '--regid', yes, '--init-groups', '--', 'pkexec', '/usr/bin/id', '-u'], { reject: false, input: '' })).stdout.trim() === '0' ? true : undefined),
      10_000,
      `pkexec to run as root for ${yes}`,
    );
    return lab;
  } catch (error) {
    await stop();
    throw error;
  }
}
