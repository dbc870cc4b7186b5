// The DNS sync policy on the Docker 20.10 capture: the host moved from 10.255.255.53 to a VPN's DNS.
import { describe, expect, it } from 'vitest';
import { dockerContentHash } from '../../../src/main/engine/dns/docker-copy';
import { planDns, planDnsSync, type ContainerDnsFacts, type PlanInput, type PlannedDns } from '../../../src/main/engine/dns/plan-dns-sync';
import { CAPTURE_HOST_TEXT, captureHost as capture, docker20Facts as facts, docker20Resolv, fixture, hostState as state, planInput as input, vpnHost as vpn } from './dns-fixtures';

function plan(containers: ContainerDnsFacts[], changes: Partial<PlanInput> = {}) {
  return planDnsSync(input(containers, changes));
}

const only = (containers: ContainerDnsFacts[], changes: Partial<PlanInput> = {}) => plan(containers, changes)[0]!;

describe('a container with a copy of the host’s DNS', () => {
  it('is rewritten to the host’s DNS now (d1, default bridge)', () => {
    const { view, action } = only([facts('d1')]);
    expect(action).toEqual({
      kind: 'rewrite',
      content: "# Written by Bridgeport from the host's DNS in force (/etc/resolv.conf).\n# Docker writes this file anew when the container restarts.\nsearch vpn.corp\nnameserver 10.8.0.1\nnameserver 10.8.0.2\n",
      before: { nameservers: ['10.255.255.53'], search: [], options: [] },
      after: { nameservers: ['10.8.0.1', '10.8.0.2'], search: ['vpn.corp'], options: [] },
      expectedHash: 'sha256:b28bb20664856e4e8dcd7776224848fbbf4ed5c7a005f13447fcd3dd347dbb8a',
    });
    expect(view).toMatchObject({ source: 'host', synced: true, nameservers: ['10.255.255.53'], networkMode: 'default', syncAllowed: true, upstreams: null });
  });

  it('is left as it is when it already follows the host', () => {
    const { view, action } = only([facts('d1')], { host: capture, history: [] });
    expect(action).toEqual({ kind: 'none' });
    expect(view).toMatchObject({ source: 'host', synced: true, note: "follows the host's DNS (/etc/resolv.conf)" });
  });

  it('counts the file Bridgeport wrote as its own, not as an edit', () => {
    const written = "search vpn.corp\nnameserver 10.8.0.1\n";
    const d1 = facts('d1', { resolvConf: { text: written, hash: docker20Resolv('d1').hash } });
    const { view, action } = only([d1], { writtenByBridgeport: { [d1.container.id]: dockerContentHash(written) } });
    expect(view.source).toBe('host');
    expect(action).toMatchObject({ kind: 'rewrite', expectedHash: dockerContentHash(written), after: { nameservers: ['10.8.0.1', '10.8.0.2'] } });
  });

  it('keeps its own --dns-option, following the host’s servers (o1)', () => {
    const { view, action } = only([facts('o1')]);
    expect(view.source).toBe('custom');
    expect(action).toMatchObject({ kind: 'rewrite', after: { nameservers: ['10.8.0.1', '10.8.0.2'], search: ['vpn.corp'], options: ['ndots:3'] } });
  });

  it('gets the host’s file unfiltered on the host’s network (h1, no .hash)', () => {
    const host = state('2026-11-22T12:00:00.000Z', 'nameserver 127.0.0.1\nnameserver 10.8.0.1\n');
    const { view, action } = only([facts('h1')], { host });
    expect(view.source).toBe('host');
    expect(action).toMatchObject({ kind: 'rewrite', after: { nameservers: ['127.0.0.1', '10.8.0.1'] }, expectedHash: dockerContentHash(CAPTURE_HOST_TEXT) });
  });

  it('is taken as edited on the host’s network when it matches no host file seen', () => {
    const h1 = facts('h1', { resolvConf: { text: 'nameserver 1.1.1.1\n', hash: null } });
    expect(only([h1])).toMatchObject({ view: { source: 'user-modified' }, action: { kind: 'none' } });
  });

  it('on the host’s network, a copy made before Bridgeport first looked is taken as Docker’s and brought up to date', () => {
    const h1 = facts('h1', { resolvConf: { text: 'nameserver 1.1.1.1\n', hash: null }, startedAt: '2026-11-22T10:00:00.000Z' });
    expect(only([h1])).toMatchObject({ view: { source: 'host', synced: true }, action: { kind: 'rewrite', after: { nameservers: ['10.8.0.1', '10.8.0.2'] } } });
  });

  it('a default-bridge container also on a user-defined network uses Docker’s resolver (its file names 127.0.0.11)', () => {
    const dual = facts('d1', { networks: ['bridge', 'un'], resolvConf: docker20Resolv('u1') });
    const { view, action } = only([dual]);
    expect(view).toMatchObject({ source: 'embedded', upstreams: { servers: ['10.255.255.53'], known: 'confirmed' } });
    expect(action).toMatchObject({ kind: 'redirect', redirects: [{ from: '10.255.255.53', to: '10.8.0.1' }] });
  });

  it('is left alone on the host’s network when it names the host’s own resolver', () => {
    const h1 = facts('h1', { resolvConf: { text: 'nameserver 127.0.0.53\noptions edns0\n', hash: null } });
    const { view, action } = only([h1]);
    expect(action).toEqual({ kind: 'none' });
    expect(view).toMatchObject({ source: 'host', synced: true, note: "uses the host's own resolver (127.0.0.53), which follows the host's DNS" });
  });

  it('is not touched without a network (n1)', () => {
    expect(only([facts('n1')])).toMatchObject({ view: { source: 'host', synced: false, note: 'has no network (--network none): nothing to sync' }, action: { kind: 'none' } });
  });
});

describe('containers sync leaves alone', () => {
  it('started with --dns (d2)', () => {
    expect(only([facts('d2')])).toEqual(expect.objectContaining({ action: { kind: 'none' } }));
    expect(only([facts('d2')]).view).toMatchObject({ source: 'custom', synced: false, nameservers: ['9.9.9.9'], search: ['ex.org'], note: 'started with --dns 9.9.9.9 --dns-search ex.org: left alone' });
    expect(only([facts('uc')]).view).toMatchObject({ source: 'custom', note: 'started with --dns 9.9.9.9: left alone', upstreams: null });
  });

  it('edited inside the container', () => {
    const edited = facts('d1', { resolvConf: { text: 'nameserver 1.1.1.1\n', hash: docker20Resolv('d1').hash } });
    expect(only([edited])).toMatchObject({ view: { source: 'user-modified', synced: false, note: 'resolv.conf was edited inside the container: left alone' }, action: { kind: 'none' } });
    const embedded = facts('u1', { resolvConf: { text: 'nameserver 10.0.0.1\n', hash: docker20Resolv('u1').hash } });
    expect(only([embedded])).toMatchObject({ view: { source: 'user-modified', upstreams: null }, action: { kind: 'none' } });
  });

  it('with sync off for it, or off altogether', () => {
    const off = only([facts('d1')], { settings: { enabled: true, disabledContainers: ['d1'] } });
    expect(off).toMatchObject({ view: { syncAllowed: false, synced: false, note: 'sync is off for this container' }, action: { kind: 'none' } });
    const global = only([facts('d1')], { settings: { enabled: false, disabledContainers: [] } });
    expect(global).toMatchObject({ view: { syncAllowed: true, note: 'DNS sync is off' }, action: { kind: 'none' } });
  });

  it('not running', () => {
    const { view, action } = only([facts('d1', { running: false })]);
    expect(action).toEqual({ kind: 'none' });
    expect(view.note).toBe("not running: Docker writes its resolv.conf anew from the host's when it starts");
  });

  it('in another container’s namespace (c1 shares d1)', () => {
    // c1's ResolvConfPath is d1's file: it has none of its own.
    const c1Facts = facts('c1', { resolvConf: docker20Resolv('d1') });
    const [d1, c1] = plan([facts('d1'), c1Facts]);
    expect(d1!.action.kind).toBe('rewrite');
    expect(c1!.action).toEqual({ kind: 'none' });
    expect(c1!.view).toMatchObject({ source: 'host', synced: true, note: "shares d1's DNS files", nameservers: ['10.255.255.53'], networkMode: expect.stringMatching(/^container:54ca54a4f735/) });
    const alone = plan([c1Facts])[0]!;
    expect(alone.view).toMatchObject({ source: 'host', synced: false, note: "shares 54ca54a4f735's DNS files" });
  });
});

describe('a container on Docker’s embedded resolver', () => {
  // The host was on 192.168.1.1 at 11:10, before u1 started (11:25): only the hash tells it started with 10.255.255.53.
  const home = state('2026-11-22T11:10:00.000Z', 'nameserver 192.168.1.1\n');

  it('has its stale upstream redirected, learnt from Docker 20.10’s hash (u1)', () => {
    const { view, action } = only([facts('u1')], { history: [capture, home] });
    expect(action).toEqual({ kind: 'redirect', redirects: [{ from: '10.255.255.53', to: '10.8.0.1' }], before: ['10.255.255.53'], after: ['10.8.0.1'] });
    expect(view).toMatchObject({ source: 'embedded', synced: true, nameservers: ['127.0.0.11'], options: ['ndots:0'] });
    expect(view.upstreams).toEqual({ servers: ['10.255.255.53'], known: 'confirmed', redirectedTo: ['10.8.0.1', '10.8.0.2'], reached: ['10.8.0.1'], via: 'namespace-redirect' });
    expect(view.reach).toEqual({ servers: ['10.8.0.1'], via: 'namespace-redirect' });
  });

  it('assumes the host’s DNS at its start when the hash matches none', () => {
    const u1 = facts('u1', { resolvConf: { text: docker20Resolv('u1').text, hash: 'sha256:0000' } });
    const { view, action } = only([u1], { history: [capture, home] });
    expect(view.upstreams).toMatchObject({ servers: ['192.168.1.1'], known: 'assumed' });
    expect(action).toMatchObject({ redirects: [{ from: '192.168.1.1', to: '10.8.0.1' }] });
  });

  it('keeps a redirect in place without acting again', () => {
    const u1 = facts('u1', { currentRedirects: [{ from: '10.255.255.53', to: '10.8.0.1' }] });
    const { view, action } = only([u1]);
    expect(action).toEqual({ kind: 'none' });
    expect(view.synced).toBe(true);
    expect(view.note).toBe("Docker's resolver forwards to 10.255.255.53; Bridgeport redirects that to 10.8.0.1 in its namespace");
  });

  it('has the redirect removed when the host is back on the DNS it started with', () => {
    const u1 = facts('u1', { currentRedirects: [{ from: '10.255.255.53', to: '10.8.0.1' }] });
    const back = state('2026-11-22T13:00:00.000Z', CAPTURE_HOST_TEXT);
    const { view, action } = only([u1], { host: back, history: [capture, vpn] });
    expect(action).toEqual({ kind: 'redirect', redirects: [], before: ['10.8.0.1'], after: ['10.255.255.53'] });
    expect(view).toMatchObject({ synced: true, upstreams: { servers: ['10.255.255.53'], known: 'confirmed', redirectedTo: null } });
  });

  it('has Bridgeport’s redirect removed when sync is switched off for it', () => {
    const u1 = facts('u1', { currentRedirects: [{ from: '10.255.255.53', to: '10.8.0.1' }] });
    const { view, action } = only([u1], { settings: { enabled: true, disabledContainers: ['u1'] } });
    expect(action).toEqual({ kind: 'redirect', redirects: [], before: ['10.8.0.1'], after: ['10.255.255.53'] });
    expect(view).toMatchObject({ synced: false, note: "sync is off for this container; Bridgeport's redirect is removed" });
  });

  it('says it cannot tell when whether dockerd’s queries can be redirected was not read', () => {
    const u26 = facts('u1', { resolvConf: { text: fixture('docker26/embedded.resolv.conf'), hash: null } });
    const { view, action } = only([u26]);
    expect(action).toEqual({ kind: 'none' });
    expect(view.upstreams).toEqual({ servers: ['192.168.65.7'], known: 'docker', redirectedTo: ['10.8.0.1', '10.8.0.2'], reached: ['192.168.65.7'], via: 'docker-resolver' });
    expect(view.synced).toBe(false);
    expect(view.note).toBe(
      "Docker's resolver asks 192.168.65.7 from dockerd's (the host's) namespace, and whether they can be redirected there was not read: restart it to pick up the host's DNS (10.8.0.1, 10.8.0.2)",
    );
    const same = only([u26], { host: state('2026-11-22T12:00:00.000Z', 'nameserver 192.168.65.7\n') });
    expect(same.view).toMatchObject({ synced: true, note: "Docker's resolver forwards to the host's DNS (192.168.65.7)", reach: { servers: ['192.168.65.7'], via: 'docker-resolver' } });
  });

  it('follows the host through the host’s own resolver when Docker asks the stub', () => {
    const stub = facts('u1', { resolvConf: { text: fixture('docker26/embedded-stub.resolv.conf'), hash: null } });
    const { view, action } = only([stub]);
    expect(action).toEqual({ kind: 'none' });
    expect(view).toMatchObject({ synced: true, search: ['corp.example'], upstreams: { servers: ['127.0.0.53'], known: 'host-resolver', redirectedTo: null } });
  });

  it('redirects the bare servers Docker names from the container’s namespace', () => {
    const text = 'nameserver 127.0.0.11\noptions ndots:0\n# ExtServers: [10.1.0.1 host(127.0.0.1)]\n';
    const { view, action } = only([facts('u1', { resolvConf: { text, hash: null } })]);
    expect(view.upstreams?.known).toBe('docker');
    expect(action).toMatchObject({ kind: 'redirect', redirects: [{ from: '10.1.0.1', to: '10.8.0.1' }] });
  });
});

describe("Docker 28: the queries dockerd forwards from the host's namespace (host(…) upstreams)", () => {
  const SCOPE = '/system.slice/docker.service';
  const u28 = (name: string, servers: string) =>
    facts('u1', { container: { id: `id-${name}`, name }, resolvConf: { text: `nameserver 127.0.0.11\noptions ndots:0\n# ExtServers: [${servers}]\n`, hash: null } });
  const dockerd = (current: Array<{ from: string; to: string }> = [], scope: string | null = SCOPE, problem: string | null = null) => ({ current, scope, problem });

  it('redirects dockerd’s queries to the host’s DNS now, scoped to dockerd, and the container follows without a restart', () => {
    const result = planDns(input([u28('c28', 'host(192.168.65.7)')], { dockerd: dockerd() }));
    expect(result.dockerd).toEqual({ redirects: [{ from: '192.168.65.7', to: '10.8.0.1' }], before: [] });
    const [{ view, action, dockerdNeeds }] = result.containers as [PlannedDns];
    expect(action).toEqual({ kind: 'none' });
    expect(dockerdNeeds).toEqual([{ from: '192.168.65.7', to: '10.8.0.1' }]);
    expect(view).toMatchObject({ synced: true, reach: { servers: ['10.8.0.1'], via: 'dockerd-redirect' } });
    expect(view.note).toBe("dockerd asks 192.168.65.7 for it from the host's namespace; Bridgeport redirects dockerd's queries (cgroup /system.slice/docker.service) to 10.8.0.1");
  });

  it('keeps the redirect in place when it is there, and merges every container’s stale servers into one set', () => {
    const both = [u28('a', 'host(192.168.65.7)'), u28('b', 'host(192.168.1.1) host(192.168.65.7)')];
    const first = planDns(input(both, { dockerd: dockerd() }));
    expect(first.dockerd?.redirects).toEqual([
      { from: '192.168.65.7', to: '10.8.0.1' },
      { from: '192.168.1.1', to: '10.8.0.1' },
    ]);
    const again = planDns(input(both, { dockerd: dockerd(first.dockerd!.redirects) }));
    expect(again.dockerd).toBeNull();
    expect(again.containers.map((c) => c.view.reach)).toEqual([
      { servers: ['10.8.0.1'], via: 'dockerd-redirect' },
      { servers: ['10.8.0.1'], via: 'dockerd-redirect' },
    ]);
  });

  it('removes the redirect when the host is back on the servers the container started with', () => {
    const back = state('2026-11-22T13:00:00.000Z', 'nameserver 192.168.65.7\n');
    const result = planDns(input([u28('c28', 'host(192.168.65.7)')], { host: back, dockerd: dockerd([{ from: '192.168.65.7', to: '10.8.0.1' }]) }));
    expect(result.dockerd).toEqual({ redirects: [], before: [{ from: '192.168.65.7', to: '10.8.0.1' }] });
    expect(result.containers[0]!.view).toMatchObject({ synced: true, reach: { servers: ['192.168.65.7'], via: 'docker-resolver' } });
  });

  it('makes none where dockerd shares its cgroup, says why and advises a restart; one left from before goes', () => {
    const problem = 'dockerd shares its cgroup /user.slice with bash (pid 42): a redirect there would change their DNS too';
    const result = planDns(input([u28('c28', 'host(192.168.65.7)')], { dockerd: dockerd([{ from: '192.168.65.7', to: '10.8.0.1' }], null, problem) }));
    expect(result.dockerd).toEqual({ redirects: [], before: [{ from: '192.168.65.7', to: '10.8.0.1' }] });
    expect(result.containers[0]!.view).toMatchObject({ synced: false, reach: { servers: ['192.168.65.7'], via: 'docker-resolver' } });
    expect(result.containers[0]!.view.note).toBe(
      `Docker's resolver asks 192.168.65.7 from dockerd's (the host's) namespace, and Bridgeport cannot redirect them there: ${problem}: restart it to pick up the host's DNS (10.8.0.1, 10.8.0.2)`,
    );
  });

  it('takes every redirect away when the DNS sync is switched off', () => {
    const result = planDns(input([u28('c28', 'host(192.168.65.7)')], { settings: { enabled: false, disabledContainers: [] }, dockerd: dockerd([{ from: '192.168.65.7', to: '10.8.0.1' }]) }));
    expect(result.dockerd).toEqual({ redirects: [], before: [{ from: '192.168.65.7', to: '10.8.0.1' }] });
    expect(result.containers[0]!.view.synced).toBe(false);
  });

  it('leaves the host’s own resolver (systemd-resolved’s stub) alone: it follows the host already', () => {
    const result = planDns(input([u28('c28', 'host(127.0.0.53)')], { dockerd: dockerd() }));
    expect(result.dockerd).toBeNull();
    expect(result.containers[0]!.view).toMatchObject({ synced: true, reach: { servers: ['127.0.0.53'], via: 'host-resolver' } });
  });

  it('says a switched-off container is still redirected while others need it', () => {
    const off = { enabled: true, disabledContainers: ['a'] };
    const result = planDns(input([u28('a', 'host(192.168.65.7)'), u28('b', 'host(192.168.65.7)')], { settings: off, dockerd: dockerd() }));
    expect(result.dockerd?.redirects).toEqual([{ from: '192.168.65.7', to: '10.8.0.1' }]);
    expect(result.containers[0]!.view.note).toBe("sync is off for this container; dockerd's queries to 192.168.65.7 are still redirected for the other containers");
  });
});
