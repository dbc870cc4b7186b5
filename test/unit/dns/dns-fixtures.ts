// The Docker 20.10 capture (test/fixtures/dns/docker20) and hand-written files, read once for the DNS tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerDnsFacts, HostDnsState, PlanInput } from '../../../src/main/engine/dns/plan-dns-sync';
import { parseResolvConf, settingsOf } from '../../../src/main/netcore/resolv-conf/resolv-conf';

const root = join(__dirname, '../../fixtures/dns');

export const fixture = (path: string): string => readFileSync(join(root, path), 'utf8');

export interface Inspected {
  Id: string;
  Name: string;
  Config: { Hostname: string };
  HostConfig: { NetworkMode: string; ExtraHosts: string[] | null; Links: string[] | null };
  NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
  State: { StartedAt: string };
}

export const inspected: Inspected[] = JSON.parse(fixture('docker20/containers-inspect.json')) as Inspected[];

export function container(name: string): Inspected {
  const found = inspected.find((c) => c.Name === `/${name}`);
  if (!found) throw new Error(`no ${name} in the capture`);
  return found;
}

/** The capture's resolv.conf and its .hash (null when Docker wrote none). */
export function docker20Resolv(name: string): { text: string; hash: string | null } {
  const text = fixture(`docker20/${name}.resolv.conf`);
  try {
    return { text, hash: fixture(`docker20/${name}.resolv.conf.hash`).trim() };
  } catch {
    return { text, hash: null };
  }
}

/** The host's /etc/resolv.conf when the capture was made. */
export const CAPTURE_HOST_TEXT = 'nameserver 10.255.255.53\n';

export const hostState = (since: string, text: string): HostDnsState => ({ since, text, settings: settingsOf(parseResolvConf(text)) });

/** The host when the capture's containers started (11:25–11:28). */
export const captureHost = hostState('2026-11-22T11:00:00.000Z', CAPTURE_HOST_TEXT);
/** The host later, on a VPN's DNS. */
export const vpnHost = hostState('2026-11-22T12:00:00.000Z', 'search vpn.corp\nnameserver 10.8.0.1\nnameserver 10.8.0.2\n');

/** A container of the capture as gather-dns-facts reports it, running, with its real files. */
export function docker20Facts(name: string, changes: Partial<ContainerDnsFacts> = {}): ContainerDnsFacts {
  const c = container(name);
  const custom = c.HostConfig as unknown as { Dns: string[] | null; DnsSearch: string[] | null; DnsOptions: string[] | null };
  return {
    container: { id: c.Id, name },
    networkMode: c.HostConfig.NetworkMode,
    networks: Object.keys(c.NetworkSettings.Networks),
    running: true,
    startedAt: c.State.StartedAt,
    hostname: c.Config.Hostname,
    custom: { dns: custom.Dns ?? [], search: custom.DnsSearch ?? [], options: custom.DnsOptions ?? [] },
    ipv6: false,
    resolvConf: 'resolvConf' in changes ? null : docker20Resolv(name),
    hosts: [],
    currentRedirects: [],
    ...changes,
  };
}

/** The policy's input: the host moved from the capture's DNS to the VPN's, sync on. */
export function planInput(containers: ContainerDnsFacts[], changes: Partial<PlanInput> = {}): PlanInput {
  return {
    containers,
    host: vpnHost,
    history: [captureHost],
    settings: { enabled: true, disabledContainers: [] },
    writtenByBridgeport: {},
    inForcePath: '/etc/resolv.conf',
    ...changes,
  };
}
