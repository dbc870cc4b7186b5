// The views other than the topology (the first one shown) load on first use, so the window's first
// paint parses only what the topology needs; once it has painted, the rest load in idle time, so a
// tab opens without waiting. A chunk whose fetch failed (a network change aborts requests in
// flight) is asked for again (retry-import.ts).
import { lazy, type ComponentType } from 'react';
import { retryImport } from './retry-import';

// Each loader names its module once: React.lazy for the view, and the idle-time prefetch.
const loaders = {
  networks: () => import('../views/networks/NetworksView').then((m) => ({ default: m.NetworksView })),
  namespaces: () => import('../views/namespaces/NamespacesView').then((m) => ({ default: m.NamespacesView })),
  ports: () => import('../views/ports/PortsView').then((m) => ({ default: m.PortsView })),
  path: () => import('../views/path/PathView').then((m) => ({ default: m.PathView })),
  nat: () => import('../views/nat/NatView').then((m) => ({ default: m.NatView })),
  traffic: () => import('../views/traffic/TrafficView').then((m) => ({ default: m.TrafficView })),
  flows: () => import('../views/flows/FlowsView').then((m) => ({ default: m.FlowsView })),
  dns: () => import('../views/dns/DnsView').then((m) => ({ default: m.DnsView })),
  doctor: () => import('../views/doctor/DoctorView').then((m) => ({ default: m.DoctorView })),
};

const lazyOf = <P,>(load: () => Promise<{ default: ComponentType<P> }>) => lazy(() => retryImport(load));

export const NetworksView = lazyOf(loaders.networks);
export const NamespacesView = lazyOf(loaders.namespaces);
export const PortsView = lazyOf(loaders.ports);
export const PathView = lazyOf(loaders.path);
export const NatView = lazyOf(loaders.nat);
export const TrafficView = lazyOf(loaders.traffic);
export const FlowsView = lazyOf(loaders.flows);
export const DnsView = lazyOf(loaders.dns);
export const DoctorView = lazyOf(loaders.doctor);

/**
 * Loads every other view a little after the first snapshot, when the browser is idle: not while the
 * topology waits for its layout, whose arrival would then queue behind their parsing.
 */
export function prefetchViews(): void {
  const load = () => Object.values(loaders).forEach((l) => void l().catch(() => undefined));
  setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(load, { timeout: 3000 }) : load()), 2000);
}
