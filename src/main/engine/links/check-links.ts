// Decides whether a namespace or link request can be honoured, before anything changes, and says why
// not in one sentence. Pure: a function of the request, the host's links, namespaces and routes, the
// containers and the record of what Bridgeport made. What it returns is what the operations get.
import type { Container } from '../../../shared/model';
import type { Route } from '../path/parse-ip-route';
import { findContainer } from '../publish/check-publish';
import { ipv4NetworksOverlap, LinkValueError, parseGateway, parseInterfaceAddress, type InterfaceAddress } from '../../netcore/addresses/link-addresses';
import { findLink, findNetns, HOST, placesOf, placeText, type FoundLink, type Place, type RecordedThing } from './made-record';

export class LinkRefused extends Error {
  override name = 'LinkRefused';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
}

export interface HostView {
  /** Links of the host namespace (where Bridgeport runs). */
  links: ReadonlyMap<string, { tagged: boolean; kind: string | null }>;
  namespaces: ReadonlyArray<{ name: string; current: boolean }>;
  /** IPv4 routes of the host namespace. */
  routes: readonly Route[];
  /** The record, already rid of what is gone. */
  things: readonly RecordedThing[];
}

const NOT_OURS = 'Bridgeport changes and deletes only the namespaces, bridges and veth pairs it made';

function address(text: string): InterfaceAddress {
  try {
    return parseInterfaceAddress(text);
  } catch (error) {
    if (error instanceof LinkValueError) throw new LinkRefused(error.message);
    throw error;
  }
}

function gateway(text: string, of: InterfaceAddress): string {
  try {
    return parseGateway(text, of);
  } catch (error) {
    if (error instanceof LinkValueError) throw new LinkRefused(error.message);
    throw error;
  }
}

function nameFree(name: string, view: HostView): void {
  if (view.links.has(name)) throw new LinkRefused(`a link named ${name} already exists in the host`);
}

/** Routes of the host that an address's network would collide with (default routes aside). */
function checkNoOverlap(addr: InterfaceAddress, view: HostView): void {
  if (addr.family !== 4) return;
  const clash = view.routes.find((r) => r.table === 'main' && r.type === 'unicast' && r.destination !== '0.0.0.0/0' && ipv4NetworksOverlap(r.destination, addr.network));
  if (clash) {
    const via = clash.dev ? ` on ${clash.dev}` : clash.gateway ? ` via ${clash.gateway}` : '';
    throw new LinkRefused(`${addr.text} overlaps ${clash.destination}${via}, a route of this host: choose another network`);
  }
}

export function checkNetnsCreate(name: string, view: HostView): void {
  if (view.namespaces.some((n) => n.name === name)) throw new LinkRefused(`namespace ${name} already exists`);
}

export function checkNetnsDelete(name: string, view: HostView): Extract<RecordedThing, { kind: 'netns' }> {
  const made = findNetns(view.things, name);
  if (made) return made;
  if (view.namespaces.some((n) => n.name === name)) throw new LinkRefused(`namespace ${name} was not made by Bridgeport: ${NOT_OURS}`);
  throw new LinkRefused(`no namespace named ${name}`);
}

export interface BridgeArgs {
  name: string;
  mtu?: number;
  address?: string;
}

export function checkBridgeCreate(request: BridgeArgs, view: HostView): BridgeArgs {
  nameFree(request.name, view);
  if (request.address === undefined) return request;
  const addr = address(request.address);
  checkNoOverlap(addr, view);
  return { ...request, address: addr.text };
}

export interface VethArgs {
  name: string;
  peer: string;
  mtu?: number;
  master?: string;
}

export function checkVethCreate(request: VethArgs, view: HostView): VethArgs {
  if (request.name === request.peer) throw new LinkRefused('the two ends of a veth pair need different names');
  nameFree(request.name, view);
  nameFree(request.peer, view);
  if (request.master !== undefined) {
    const master = view.links.get(request.master);
    if (!master) throw new LinkRefused(`no bridge named ${request.master} in the host`);
    if (master.kind !== 'bridge') throw new LinkRefused(`${request.master} is not a bridge (it is a ${master.kind ?? 'device'})`);
  }
  return request;
}

/** Where a namespace name points, refusing the one Bridgeport runs in. */
export function namespacePlace(name: string, view: HostView): Place {
  const ns = view.namespaces.find((n) => n.name === name);
  if (!ns) throw new LinkRefused(`no namespace named ${name}`);
  if (ns.current) throw new LinkRefused(`namespace ${name} is the one Bridgeport runs in (the host)`);
  return { namespace: name };
}

/** A running container with a network namespace of its own (or none: pipework's favourite). */
export function containerPlace(ref: string, containers: readonly Container[]): Place {
  let container: Container;
  try {
    container = findContainer(ref, containers);
  } catch (error) {
    throw new LinkRefused((error as Error).message);
  }
  if (container.networkMode === 'host') throw new LinkRefused(`container ${container.name} uses the host's network (--network host): its links are the host's`);
  if (container.networkMode === 'container') throw new LinkRefused(`container ${container.name} shares another container's network: use that container`);
  if (container.pid === null) throw new LinkRefused(`container ${container.name} is ${container.state}: only a running container has a network namespace`);
  return { container: { id: container.id, name: container.name }, pid: container.pid };
}

function elsewhere(name: string, view: HostView, place: Place): string {
  const others = placesOf(view.things, name).filter((p) => placeText(p) !== placeText(place));
  return others.length ? ` (Bridgeport's ${name} is in ${others.map(placeText).join(', ')})` : '';
}

/** The made link `name` in `place`, or a refusal that says what it is instead. */
export function madeLinkAt(name: string, place: Place, view: HostView): FoundLink {
  const found = findLink(view.things, name, place);
  if (found) return found;
  const where = 'host' in place ? 'the host' : placeText(place);
  if ('host' in place && view.links.has(name)) throw new LinkRefused(`${name} was not made by Bridgeport: ${NOT_OURS}${elsewhere(name, view, place)}`);
  if (!('host' in place)) throw new LinkRefused(`Bridgeport made no link named ${name} in ${where}${elsewhere(name, view, place)}`);
  throw new LinkRefused(`no link named ${name} in ${where}${elsewhere(name, view, place)}`);
}

export interface MoveRequest {
  link: string;
  rename?: string;
  address?: string;
  gateway?: string;
  mtu?: number;
}

export function checkMove(request: MoveRequest, to: Place, view: HostView): { found: Extract<FoundLink, { end: 0 | 1 }>; address?: string; gateway?: string } {
  const found = madeLinkAt(request.link, HOST, view);
  if (found.end === null) throw new LinkRefused(`${request.link} is a bridge: only the ends of veth pairs can be moved`);
  if (request.gateway !== undefined && request.address === undefined) throw new LinkRefused('a gateway needs an address on the link (give one)');
  const addr = request.address === undefined ? undefined : address(request.address);
  const gw = request.gateway === undefined || addr === undefined ? undefined : gateway(request.gateway, addr);
  if ('host' in to) throw new LinkRefused(`${request.link} is in the host already`);
  return { found, ...(addr ? { address: addr.text } : {}), ...(gw ? { gateway: gw } : {}) };
}
