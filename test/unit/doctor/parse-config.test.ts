// Docker's systemd drop-ins, daemon.json and resolv.conf as the doctor reads them.
import { describe, expect, it } from 'vitest';
import { daemonOptions } from '../../../src/main/engine/doctor/daemon-options';
import { parseDropIns, splitWords } from '../../../src/main/engine/doctor/parse-systemd-dropins';
import { nameserversOf } from '../../../src/main/engine/doctor/parse-resolv-conf';

const noJson = { path: '/d.json', text: null, error: null };

describe('systemd drop-ins', () => {
  it('splits words the way systemd does: quotes group, backslashes escape', () => {
    expect(splitWords('"A=b c" D=e \'F=g h\' I=j\\ k "L=\\"m\\""')).toEqual(['A=b c', 'D=e', 'F=g h', 'I=j k', 'L="m"']);
    expect(splitWords('')).toEqual([]);
    expect(splitWords('""')).toEqual(['']);
  });

  it('reads Environment= of [Service] only, in file order, the last one winning', () => {
    const settings = parseDropIns([
      { path: '/d/10-proxy.conf', text: '[Unit]\nEnvironment=IGNORED=1\n[Service]\nEnvironment="HTTP_PROXY=http://a:3128" "NO_PROXY=localhost"\n# Environment=COMMENTED=1\n' },
      { path: '/d/20-proxy.conf', text: '[Service]\nEnvironment=HTTP_PROXY=http://b:3128\n' },
    ]);
    expect(settings.environment).toEqual([
      { name: 'NO_PROXY', value: 'localhost', path: '/d/10-proxy.conf' },
      { name: 'HTTP_PROXY', value: 'http://b:3128', path: '/d/20-proxy.conf' },
    ]);
  });

  it('resets the environment on an empty Environment=, and notes EnvironmentFile=', () => {
    const settings = parseDropIns([{ path: '/d/a.conf', text: '[Service]\nEnvironment=HTTP_PROXY=x\nEnvironment=\nEnvironmentFile=-/etc/default/docker\n' }]);
    expect(settings.environment).toEqual([]);
    expect(settings.environmentFiles).toEqual([{ value: '-/etc/default/docker', path: '/d/a.conf' }]);
  });

  it('keeps the ExecStart= in force, with continued lines and a reset before it', () => {
    const text = '[Service]\nExecStart=\nExecStart=-/usr/bin/dockerd -H fd:// \\\n  --iptables=false \\\n  --ip-masq=false\n';
    expect(parseDropIns([{ path: '/d/docker-options.conf', text }]).execStart).toEqual({
      argv: ['/usr/bin/dockerd', '-H', 'fd://', '--iptables=false', '--ip-masq=false'],
      path: '/d/docker-options.conf',
    });
    expect(parseDropIns([{ path: '/d/x.conf', text: '[Service]\nExecStart=/a\nExecStart=\n' }]).execStart).toBeNull();
  });
});

describe("dockerd's options", () => {
  const withExec = (line: string) => parseDropIns([{ path: '/d/o.conf', text: `[Service]\nExecStart=\nExecStart=${line}\n` }]);

  it('reads --iptables, --ip-masq, --ip-forward and --dns from ExecStart=', () => {
    const options = daemonOptions(withExec('/usr/bin/dockerd --iptables=false --ip-masq=0 --ip-forward --dns 10.0.0.2 --dns=10.0.0.3'), noJson);
    expect(options.iptables).toMatchObject({ value: false, source: '--iptables=false in /d/o.conf' });
    expect(options.ipMasq?.value).toBe(false);
    expect(options.ipForward).toMatchObject({ value: true, source: '--ip-forward=true in /d/o.conf' });
    expect(options.dns?.value).toEqual(['10.0.0.2', '10.0.0.3']);
  });

  it('falls back to daemon.json, where the command line wins', () => {
    const json = { path: '/etc/docker/daemon.json', text: '{"iptables": false, "ip-forward": false, "dns": ["1.1.1.1"], "proxies": {"http-proxy": "http://p:1", "no-proxy": "x"}}', error: null };
    const options = daemonOptions(withExec('/usr/bin/dockerd --iptables=true'), json);
    expect(options.iptables).toMatchObject({ value: true, source: '--iptables=true in /d/o.conf' });
    expect(options.ipForward).toMatchObject({ value: false, source: '"ip-forward" in /etc/docker/daemon.json' });
    expect(options.dns).toMatchObject({ value: ['1.1.1.1'], source: '"dns" in /etc/docker/daemon.json' });
    expect(options.proxies.map((p) => p.name)).toEqual(['http-proxy', 'no-proxy']);
    expect(options.daemonJsonError).toBeNull();
  });

  it('reports a daemon.json that is not JSON, and ignores one that is absent or empty', () => {
    expect(daemonOptions(parseDropIns([]), { path: '/j', text: '{ nope', error: null }).daemonJsonError).toMatch(/JSON/);
    expect(daemonOptions(parseDropIns([]), { path: '/j', text: '[]', error: null }).daemonJsonError).toBe('not a JSON object');
    expect(daemonOptions(parseDropIns([]), { path: '/j', text: '  \n', error: null }).daemonJsonError).toBeNull();
  });
});

describe('resolv.conf', () => {
  it('lists the nameservers in order', () => {
    expect(nameserversOf('# comment\nsearch lan\nnameserver 127.0.0.53\n  nameserver\t10.0.0.1 # x\noptions edns0\nnameserver ::1\n')).toEqual(['127.0.0.53', '10.0.0.1', '::1']);
  });
});
