// The checks that read sysctls, Docker's configuration files, routes and resolv.conf.
import { describe, expect, it } from 'vitest';
import { brNetfilterCheck } from '../../../src/main/engine/doctor/checks/br-netfilter';
import { dnsCheck } from '../../../src/main/engine/doctor/checks/dns';
import { dockerProxyCheck, redactProxy } from '../../../src/main/engine/doctor/checks/docker-proxy';
import { ipForwardCheck } from '../../../src/main/engine/doctor/checks/ip-forward';
import { cidrsOverlap, subnetOverlapCheck } from '../../../src/main/engine/doctor/checks/subnet-overlap';
import { doctorContext } from '../../../src/main/engine/doctor/doctor-context';
import type { DoctorFacts } from '../../../src/main/engine/doctor/doctor-facts';
import { facts, network, route, seedNetworks } from './doctor-fixtures';

const sysctls = (ipForward: string | null, bridgeNfCallIptables: string | null = '1') => ({ ipForward, bridgeNfCallIptables });
const dropIn = (text: string, name = 'http-proxy.conf') => ({ dir: '/test/d', files: [{ path: `/test/d/${name}`, text }], error: null });
const file = (path: string, text: string | null, error: string | null = null) => ({ path, text, error });

describe('ip-forward', () => {
  const check = (f: DoctorFacts) => ipForwardCheck(doctorContext(f));

  it('passes when forwarding is on', () => {
    expect(check(facts('docker20', { sysctls: sysctls('1') }))).toMatchObject({ status: 'ok', lookedAt: ['net.ipv4.ip_forward (/proc/sys/net/ipv4/ip_forward) = 1'] });
  });

  it('fails with the ip-forward fix when it is off, and says the fix does not outlive a reboot', () => {
    const result = check(facts('docker20', { sysctls: sysctls('0') }));
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^IPv4 forwarding is off \(net\.ipv4\.ip_forward = 0\)/);
    expect(result.detail).toContain('/etc/sysctl.d/');
    expect(result.fix).toEqual({ id: 'ip-forward', label: 'Set net.ipv4.ip_forward=1 now (until reboot)', labelMessage: { key: 'engine-doctor:ipForward.fix', params: {} } });
  });

  it('names --ip-forward=false when dockerd is told not to turn it on', () => {
    const result = check(facts('docker20', { sysctls: sysctls('0'), dropIns: dropIn('[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --ip-forward=false\n', 'opts.conf') }));
    expect(result.detail).toContain('dockerd is told not to turn it on (--ip-forward=false in /test/d/opts.conf)');
    expect(result.lookedAt).toContain("dockerd's ip-forward setting: --ip-forward=false in /test/d/opts.conf");
  });

  it('warns when the sysctl cannot be read', () => {
    expect(check(facts('docker20', { sysctls: sysctls(null) })).status).toBe('warn');
  });
});

describe('br-netfilter', () => {
  const iccOff = () => {
    const networks = seedNetworks('docker20');
    networks.push(network('quiet', 'br-0123456789ab', '172.30.0.0/24', {}, { 'com.docker.network.bridge.enable_icc': 'false' }));
    return networks;
  };
  const check = (f: DoctorFacts) => brNetfilterCheck(doctorContext(f));

  it('passes when no network turns icc off, whatever the sysctl', () => {
    expect(check(facts('docker20', { sysctls: sysctls('1', null) })).status).toBe('ok');
    expect(check(facts('docker20', { sysctls: sysctls('1', '0') })).status).toBe('ok');
  });

  it('passes with icc=false when bridged traffic reaches iptables', () => {
    expect(check(facts('docker20', { networks: iccOff(), sysctls: sysctls('1', '1') })).detail).toContain("Docker's icc=false rule for quiet (br-0123456789ab) applies");
  });

  it('fails with a fix that sets the sysctl when it is 0', () => {
    const result = check(facts('docker20', { networks: iccOff(), sysctls: sysctls('1', '0') }));
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('quiet (br-0123456789ab) has enable_icc=false');
    expect(result.detail).toContain('net.bridge.bridge-nf-call-iptables is 0');
    expect(result.fix).toMatchObject({ id: 'br-netfilter', label: 'Set net.bridge.bridge-nf-call-iptables=1 (until reboot; traffic inside every bridge then passes iptables FORWARD)' });
  });

  it('fails with a fix that also loads br_netfilter when the module is missing', () => {
    const result = check(facts('docker20', { networks: iccOff(), sysctls: sysctls('1', null) }));
    expect(result.lookedAt[0]).toBe('net.bridge.bridge-nf-call-iptables (/proc/sys/net/bridge/bridge-nf-call-iptables) = absent (br_netfilter is not loaded)');
    expect(result.fix?.label).toMatch(/^Load br_netfilter and set/);
  });
});

describe('docker-proxy', () => {
  const check = (f: DoctorFacts) => dockerProxyCheck(doctorContext(f));

  it('passes when no drop-in or daemon.json sets a proxy', () => {
    const result = check(facts('docker20', { dropIns: dropIn('[Service]\nEnvironment="FOO=bar"\n', 'other.conf') }));
    expect(result).toMatchObject({ status: 'ok', detail: 'dockerd has no proxy settings, so it pulls images directly.' });
    expect(result.lookedAt[0]).toBe('/test/d/other.conf (Environment=)');
  });

  it('warns with each setting, its file and hidden credentials, and explains containers do not inherit it', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://alice:s3cret@proxy.corp:3128" "NO_PROXY=localhost,registry.corp"\nEnvironment=HTTPS_PROXY=http://proxy.corp:3128\n';
    const result = check(facts('docker20', { dropIns: dropIn(text) }));
    expect(result.status).toBe('warn');
    expect(result.detail).toContain('HTTP_PROXY=http://***@proxy.corp:3128 (/test/d/http-proxy.conf)');
    expect(result.detail).toContain('NO_PROXY=localhost,registry.corp (/test/d/http-proxy.conf)');
    expect(result.detail).toContain('HTTPS_PROXY=http://proxy.corp:3128');
    expect(result.detail).not.toContain('s3cret');
    expect(result.detail).toContain('not to containers');
  });

  it('points out a loopback proxy a container could not use', () => {
    const result = check(facts('docker20', { dropIns: dropIn('[Service]\nEnvironment=http_proxy=http://127.0.0.1:3128\n') }));
    expect(result.detail).toContain("http_proxy points at this host's loopback");
  });

  it('reads "proxies" from daemon.json and reports a daemon.json dockerd would refuse', () => {
    const json = check(facts('docker20', { daemonJson: file('/test/daemon.json', '{"proxies": {"http-proxy": "http://p:8080"}}') }));
    expect(json.detail).toContain('http-proxy=http://p:8080 ("proxies.http-proxy" in /test/daemon.json)');
    const broken = check(facts('docker20', { daemonJson: file('/test/daemon.json', '{ "iptables": false, }') }));
    expect(broken.status).toBe('warn');
    expect(broken.detail).toContain('/test/daemon.json is not valid JSON');
  });

  it('redacts only the user part of a proxy URL', () => {
    expect(redactProxy('http://u:p@h:1')).toBe('http://***@h:1');
    expect(redactProxy('http://h:1/a@b')).toBe('http://h:1/a@b');
    expect(redactProxy('h:3128')).toBe('h:3128');
  });
});

describe('subnet-overlap', () => {
  const check = (f: DoctorFacts) => subnetOverlapCheck(doctorContext(f));

  it("passes when only the networks' own bridge routes (and the default route) cover their subnets", () => {
    expect(check(facts('docker20')).status).toBe('ok');
  });

  it('fails when a VPN routes the default bridge subnet', () => {
    const f = facts('docker20');
    f.routes = [...f.routes!, route('172.16.0.0/12', 'tun0', { gateway: '10.8.0.1' })];
    const result = check(f);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('bridge (172.17.0.0/16, bridge docker0) overlaps the route 172.16.0.0/12 via 10.8.0.1 dev tun0');
    expect(result.detail).toContain('intranet (172.28.0.0/16, bridge br-023249dff2ea) overlaps the route 172.16.0.0/12');
    expect(result.fix).toBeUndefined();
  });

  it('looks at every routing table (policy-routed VPNs) but not at the local one', () => {
    const f = facts('docker20');
    f.routes = [...f.routes!, route('172.17.5.0/24', 'wg0', { table: '51820' })];
    expect(check(f).detail).toContain('overlaps the route 172.17.5.0/24 dev wg0 table 51820');
  });

  it('leaves macvlan networks out: they share the LAN on purpose', () => {
    const networks = [...seedNetworks('docker20'), network('lan', 'x', '192.168.50.0/24', { driver: 'macvlan', bridge: null })];
    expect(check(facts('docker20', { networks })).status).toBe('ok');
  });

  it('compares CIDRs both ways', () => {
    expect(cidrsOverlap('10.0.0.0/8', '10.1.0.0/16')).toBe(true);
    expect(cidrsOverlap('10.1.0.0/16', '10.0.0.0/8')).toBe(true);
    expect(cidrsOverlap('10.1.0.0/16', '10.2.0.0/16')).toBe(false);
    expect(cidrsOverlap('nonsense', '10.2.0.0/16')).toBe(false);
  });
});

describe('dns', () => {
  const check = (f: DoctorFacts) => dnsCheck(doctorContext(f));
  const resolv = (text: string | null) => file('/test/resolv.conf', text);

  it('passes with reachable nameservers, noting the loopback ones containers do not get', () => {
    const result = check(facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\nnameserver 192.168.50.1\n') }));
    expect(result).toMatchObject({ status: 'ok', detail: "Containers get the host's nameservers 192.168.50.1 (127.0.0.1 is left out: loopback)." });
  });

  it('warns when resolv.conf names only a loopback resolver', () => {
    const result = check(facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\n') }));
    expect(result.status).toBe('warn');
    expect(result.detail).toContain('names only loopback nameservers (127.0.0.1), which containers cannot reach');
    expect(result.detail).toContain('8.8.8.8 and 8.8.4.4');
  });

  it("passes with systemd-resolved's stub when its upstream list has real servers, and warns when it has none", () => {
    const stub = resolv('nameserver 127.0.0.53\noptions edns0 trust-ad\n');
    const upstream = file('/test/resolved.conf', 'nameserver 10.0.0.2\n');
    expect(check(facts('docker20', { resolvConf: stub, resolvedUpstream: upstream })).detail).toContain('upstream servers 10.0.0.2 from /test/resolved.conf');
    expect(check(facts('docker20', { resolvConf: stub })).status).toBe('warn');
  });

  it('warns without resolv.conf, and passes when dockerd is given DNS servers', () => {
    expect(check(facts('docker20', { resolvConf: resolv(null) })).detail).toMatch(/^\/test\/resolv\.conf does not exist\./);
    const daemonJson = file('/test/daemon.json', '{"dns": ["10.1.1.1"]}');
    expect(check(facts('docker20', { resolvConf: resolv('nameserver 127.0.0.1\n'), daemonJson }))).toMatchObject({ status: 'ok' });
  });

  it('fails when every nameserver lies inside a Docker subnet', () => {
    expect(check(facts('docker20', { resolvConf: resolv('nameserver 172.17.0.53\n') })).status).toBe('fail');
  });
});
