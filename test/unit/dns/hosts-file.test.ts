// Where each line of a container's hosts file came from, on the Docker 20.10 capture.
import { describe, expect, it } from 'vitest';
import { parseHostsFile } from '../../../src/main/engine/dns/hosts-file';
import { container, fixture } from './dns-fixtures';

function contextOf(name: string) {
  const c = container(name);
  return {
    hostname: c.Config.Hostname,
    ownAddresses: Object.values(c.NetworkSettings.Networks).map((n) => n.IPAddress).filter(Boolean),
    extraHosts: c.HostConfig.ExtraHosts ?? [],
    links: c.HostConfig.Links ?? [],
  };
}

const defaults = [
  { address: '127.0.0.1', names: ['localhost'], origin: 'default' },
  { address: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'], origin: 'default' },
  { address: 'fe00::0', names: ['ip6-localnet'], origin: 'default' },
  { address: 'ff00::0', names: ['ip6-mcastprefix'], origin: 'default' },
  { address: 'ff02::1', names: ['ip6-allnodes'], origin: 'default' },
  { address: 'ff02::2', names: ['ip6-allrouters'], origin: 'default' },
];

describe('parseHostsFile', () => {
  it('tells a --link from the container’s own line (l1 --link d1:dd)', () => {
    expect(parseHostsFile(fixture('docker20/l1.hosts'), contextOf('l1'))).toEqual([
      ...defaults,
      { address: '172.17.0.2', names: ['dd', '54ca54a4f735', 'd1'], origin: 'link' },
      { address: '172.17.0.4', names: ['6231d2390f2e'], origin: 'self' },
    ]);
  });

  it('tells an --add-host (u1 --add-host foo:1.2.3.4)', () => {
    expect(parseHostsFile(fixture('docker20/u1.hosts'), contextOf('u1'))).toEqual([
      ...defaults,
      { address: '1.2.3.4', names: ['foo'], origin: 'add-host' },
      { address: '172.18.0.2', names: ['94b7f05d3279'], origin: 'self' },
    ]);
  });

  it('calls the host’s own lines in host mode self by hostname, and the rest other', () => {
    expect(parseHostsFile(fixture('docker20/h1.hosts'), contextOf('h1'))).toEqual([
      { address: '127.0.0.1', names: ['localhost'], origin: 'default' },
      { address: '127.0.0.1', names: ['runsc'], origin: 'other' },
      { address: '127.0.0.1', names: ['vm'], origin: 'self' },
    ]);
  });

  it('reads comments, the name=ip form and host-gateway', () => {
    const text = '# edited\n10.9.9.9 db # by hand\n172.17.0.1\thost.docker.internal\n192.0.2.1 bar\n';
    const entries = parseHostsFile(text, { hostname: 'app', ownAddresses: [], extraHosts: ['host.docker.internal:host-gateway', 'bar=192.0.2.1'], links: [] });
    expect(entries.map((e) => [e.names[0], e.origin])).toEqual([
      ['db', 'other'],
      ['host.docker.internal', 'add-host'],
      ['bar', 'add-host'],
    ]);
  });
});
