// The DNS view on Podman (captured 5.8): p2 on appnet (DNS on) asks aardvark-dns at the gateway.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDnsInspect } from '../../../src/main/engine/dns/parse-dns-inspect';
import { planDnsSync, type ContainerDnsFacts } from '../../../src/main/engine/dns/plan-dns-sync';
import { parseResolvConf, settingsOf } from '../../../src/main/engine/dns/resolv-conf';
import { aardvarkServers, parseLibpodNetworkList } from '../../../src/main/engine/engines/parse-libpod-networks';
import { podman } from './podman5-fixture';

const text = (name: string) => readFileSync(join(__dirname, '../../fixtures/podman5', name), 'utf8');
const hostText = 'nameserver 198.51.100.2\n';

function p2Facts(aardvark: string[] | undefined, resolv: string | null = text('resolv-p2.conf')): ContainerDnsFacts {
  const c = parseDnsInspect(podman('compat-container-p2.json'));
  return {
    container: c.container,
    networkMode: c.networkMode,
    networks: c.networks,
    running: c.running,
    startedAt: c.startedAt,
    hostname: c.hostname,
    custom: c.custom,
    ipv6: c.ipv6,
    resolvConf: resolv === null ? null : { text: resolv, hash: null },
    hosts: [],
    currentRedirects: [],
    ...(aardvark ? { podman: { aardvark } } : {}),
  };
}

const plan = (facts: ContainerDnsFacts) =>
  planDnsSync({
    containers: [facts],
    host: { since: '2026-12-06T03:00:00.000Z', text: hostText, settings: settingsOf(parseResolvConf(hostText)) },
    history: [],
    settings: { enabled: true, disabledContainers: [] },
    writtenByBridgeport: {},
    inForcePath: '/etc/resolv.conf',
  })[0]!;

describe('aardvark-dns in the DNS view', () => {
  const servers = aardvarkServers(parseLibpodNetworkList(podman('libpod-networks.json')));

  it("says p2 is answered by aardvark-dns at appnet's gateway, and leaves its file alone", () => {
    const facts = p2Facts(p2Facts(undefined).networks.flatMap((n) => servers.get(n) ?? []));
    expect(facts.podman?.aardvark).toEqual(['10.89.0.1']);
    const { view, action } = plan(facts);
    expect(view).toMatchObject({ source: 'aardvark', nameservers: ['10.89.0.1'], search: ['dns.podman'], upstreams: null });
    expect(view.note).toContain('answered by aardvark-dns at 10.89.0.1');
    expect(action).toEqual({ kind: 'none' });
  });

  it('says so too when the file could not be read, and that it was not', () => {
    const { view } = plan(p2Facts(['10.89.0.1'], null));
    expect(view).toMatchObject({ source: 'aardvark', nameservers: [] });
    expect(view.note).toMatch(/^answered by aardvark-dns at 10\.89\.0\.1, .*its resolv\.conf could not be read/);
  });

  it("calls a Podman container without aardvark a host copy, never Docker's embedded resolver", () => {
    const { view, action } = plan(p2Facts([], text('resolv-p1.conf')));
    expect(view.source).toBe('host');
    expect(action).toEqual({ kind: 'none' });
    expect(plan(p2Facts([], null)).view.source).toBe('host');
  });

  it('says a container without a network has no resolv.conf from Podman, not that reading it failed', () => {
    const { view } = plan({ ...p2Facts([], null), networkMode: 'none', networks: [] });
    expect(view.note).toBe("no network: Podman writes no resolv.conf for it (the image's own file is used): left alone");
  });

  it('without knowing of aardvark, the same file was wrongly called edited inside the container', () => {
    expect(plan(p2Facts(undefined)).view).toMatchObject({ source: 'user-modified', note: 'resolv.conf was edited inside the container: left alone' });
  });
});
