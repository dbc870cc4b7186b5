// The DNS view on Podman (captured 5.8): p2 on appnet (DNS on) asks aardvark-dns at the gateway.
import { describe, expect, it } from 'vitest';
import { planDns, planDnsSync, type ContainerDnsFacts, type PlanInput } from '../../../src/main/engine/dns/plan-dns-sync';
import { parseResolvConf, settingsOf } from '../../../src/main/netcore/resolv-conf/resolv-conf';
import { aardvarkServers, networkDnsServers, parseLibpodNetworkList } from '../../../src/main/engine/engines/parse-libpod-networks';
import { p2Facts, podman, podmanText as text } from './podman5-fixture';

const hostText = 'nameserver 198.51.100.2\n';

const state = (since: string, text: string) => ({ since, text, settings: settingsOf(parseResolvConf(text)) });
const input = (facts: ContainerDnsFacts, changes: Partial<PlanInput> = {}): PlanInput => ({
  containers: [facts],
  host: state('2026-12-06T03:00:00.000Z', hostText),
  history: [],
  settings: { enabled: true, disabledContainers: [] },
  writtenByBridgeport: {},
  inForcePath: '/etc/resolv.conf',
  ...changes,
});
const plan = (facts: ContainerDnsFacts, changes: Partial<PlanInput> = {}) => planDnsSync(input(facts, changes))[0]!;
/** The lab host moved to another server after the captured containers started (they started at 03:3x). */
const moved = { host: state('2026-12-06T05:00:00.000Z', 'search two.test\nnameserver 198.51.100.54\n'), history: [state('2026-12-06T03:00:00.000Z', hostText)] };

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

describe("Podman's copies of the host's DNS (networks without DNS)", () => {
  it('is rewritten in place to the host’s DNS now, saying Podman writes it anew on restart', () => {
    const { view, action } = plan(p2Facts([], text('resolv-p1.conf')), moved);
    expect(action).toMatchObject({
      kind: 'rewrite',
      before: { nameservers: ['198.51.100.2'], search: [], options: [] },
      after: { nameservers: ['198.51.100.54'], search: ['two.test'], options: [] },
    });
    expect(action.kind === 'rewrite' && action.content).toContain('# Podman writes this file anew when the container restarts.');
    expect(view).toMatchObject({ source: 'host', synced: true, reach: { servers: ['198.51.100.54'], via: 'resolv.conf' } });
  });

  it('is left alone when edited: its servers are a copy of no host DNS seen', () => {
    const edited = p2Facts([], 'nameserver 192.0.2.99\n');
    expect(plan(edited, moved).view).toMatchObject({ source: 'user-modified', note: 'resolv.conf was edited inside the container: left alone' });
  });
});

describe('a Podman network with servers of its own (podman network create --dns)', () => {
  it('is read from the libpod list and left alone: aardvark-dns forwards its queries there, not to the host', () => {
    const listed = (podman('libpod-networks.json') as Array<Record<string, unknown>>).map((n) => (n.name === 'appnet' ? { ...n, network_dns_servers: ['192.0.2.53'] } : n));
    const networks = parseLibpodNetworkList(listed);
    expect(networkDnsServers(networks)).toEqual(new Map([['appnet', ['192.0.2.53']]]));
    const facts = { ...p2Facts(['10.89.0.1']), podman: { aardvark: ['10.89.0.1'], networkDns: ['192.0.2.53'] } };
    const result = planDns(input(facts, { ...moved, aardvark: { pids: [4242], stale: [4242] } }));
    expect(result.reloadAardvark).toBe(false);
    expect(result.containers[0]!.view).toMatchObject({ source: 'custom', synced: false });
    expect(result.containers[0]!.view.note).toBe('answered by aardvark-dns at 10.89.0.1, which forwards to its network’s own servers (192.0.2.53, set with podman network create --dns): left alone'.replace('’', "'"));
  });
});

describe('aardvark-dns told to re-read the host’s DNS', () => {
  const onAppnet = () => p2Facts(['10.89.0.1']);

  it('is told (SIGHUP) when it has not read the host state now, and the container is then in sync through it', () => {
    const result = planDns(input(onAppnet(), { ...moved, aardvark: { pids: [4242], stale: [4242] } }));
    expect(result.reloadAardvark).toBe(true);
    expect(result.containers[0]!.view).toMatchObject({ source: 'aardvark', synced: true, reach: { servers: ['198.51.100.54'], via: 'aardvark' } });
    expect(planDns(input(onAppnet(), { ...moved, aardvark: { pids: [4242], stale: [] } })).reloadAardvark).toBe(false);
  });

  it('says what is unknown or missing instead of claiming a sync', () => {
    const unread = planDns(input(onAppnet(), moved)).containers[0]!.view;
    expect(unread).toMatchObject({ synced: false, reach: null });
    expect(unread.note).toMatch(/whether it has the host's DNS now was not read$/);
    const none = planDns(input(onAppnet(), { ...moved, aardvark: { pids: [], stale: [] } }));
    expect(none.reloadAardvark).toBe(false);
    expect(none.containers[0]!.view.note).toMatch(/no aardvark-dns of root's runs in this network namespace/);
  });

  it('is not told while the DNS sync is off', () => {
    const off = planDns(input(onAppnet(), { ...moved, settings: { enabled: false, disabledContainers: [] }, aardvark: { pids: [4242], stale: [4242] } }));
    expect(off.reloadAardvark).toBe(false);
    expect(off.containers[0]!.view.synced).toBe(false);
  });
});
