// Decides whether a namespace or link request can be honoured, before anything changes, and says why
// not in one sentence. Pure: a function of the request, the host's links, namespaces and routes, the
// containers and the record of what Bridgeport made. What it returns is what the operations get.
import { saidOf } from '../../../shared/errors';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../shared/message';
import type { Container } from '../../../shared/model';
import type { Route } from '../path/parse-ip-route';
import { findContainer } from '../publish/check-publish';
import { ipv4NetworksOverlap, LinkValueError, parseGateway, parseInterfaceAddress, type InterfaceAddress } from '../../netcore/addresses/link-addresses';
import { findLink, findNetns, HOST, placesOf, placeText, type FoundLink, type Place, type RecordedThing } from './made-record';

export class LinkRefused extends Error {
  override name = 'LinkRefused';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
  /** The sentence as a message (engine-errors), when it was said as one; `message` is its English. */
  readonly said?: Message;
  constructor(said: Message | string) {
    super(typeof said === 'string' ? said : inEnglish(said));
    if (typeof said !== 'string') this.said = said;
  }
}

/** A refusal said as `engine-errors:links.<key>`. */
export const linkRefusal = (key: string, params: Record<string, MessageParam> = {}): LinkRefused => new LinkRefused(message(`engine-errors:links.${key}`, params));

/** Another refusal (a bad address, an unknown container) as a link refusal, keeping its message. */
const asLinkRefusal = (error: Error): LinkRefused => new LinkRefused(saidOf(error) ?? error.message);

export interface HostView {
  /** Links of the host namespace (where Bridgeport runs). */
  links: ReadonlyMap<string, { tagged: boolean; kind: string | null }>;
  namespaces: ReadonlyArray<{ name: string; current: boolean }>;
  /** IPv4 routes of the host namespace. */
  routes: readonly Route[];
  /** The record, already rid of what is gone. */
  things: readonly RecordedThing[];
}


function address(text: string): InterfaceAddress {
  try {
    return parseInterfaceAddress(text);
  } catch (error) {
    if (error instanceof LinkValueError) throw asLinkRefusal(error);
    throw error;
  }
}

function gateway(text: string, of: InterfaceAddress): string {
  try {
    return parseGateway(text, of);
  } catch (error) {
    if (error instanceof LinkValueError) throw asLinkRefusal(error);
    throw error;
  }
}

function nameFree(name: string, view: HostView): void {
  if (view.links.has(name)) throw linkRefusal('nameTaken', { name });
}

/** Routes of the host that an address's network would collide with (default routes aside). */
function checkNoOverlap(addr: InterfaceAddress, view: HostView): void {
  if (addr.family !== 4) return;
  const clash = view.routes.find((r) => r.table === 'main' && r.type === 'unicast' && r.destination !== '0.0.0.0/0' && ipv4NetworksOverlap(r.destination, addr.network));
  if (clash) {
    const route = { address: addr.text, route: clash.destination };
    if (clash.dev) throw linkRefusal('overlapsRouteOn', { ...route, dev: clash.dev });
    if (clash.gateway) throw linkRefusal('overlapsRouteVia', { ...route, gateway: clash.gateway });
    throw linkRefusal('overlapsRoute', route);
  }
}

export function checkNetnsCreate(name: string, view: HostView): void {
  if (view.namespaces.some((n) => n.name === name)) throw linkRefusal('namespaceExists', { name });
}

export function checkNetnsDelete(name: string, view: HostView): Extract<RecordedThing, { kind: 'netns' }> {
  const made = findNetns(view.things, name);
  if (made) return made;
  if (view.namespaces.some((n) => n.name === name)) throw linkRefusal('namespaceNotOurs', { name });
  throw linkRefusal('noNamespace', { name });
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
  if (request.name === request.peer) throw linkRefusal('vethSameNames');
  nameFree(request.name, view);
  nameFree(request.peer, view);
  if (request.master !== undefined) {
    const master = view.links.get(request.master);
    if (!master) throw linkRefusal('noBridge', { name: request.master });
    if (master.kind !== 'bridge') throw linkRefusal('notBridge', { name: request.master, kind: master.kind ?? 'device' });
  }
  return request;
}

/** Where a namespace name points, refusing the one Bridgeport runs in. */
export function namespacePlace(name: string, view: HostView): Place {
  const ns = view.namespaces.find((n) => n.name === name);
  if (!ns) throw linkRefusal('noNamespace', { name });
  if (ns.current) throw linkRefusal('namespaceIsHost', { name });
  return { namespace: name };
}

/** A running container with a network namespace of its own (or none: pipework's favourite). */
export function containerPlace(ref: string, containers: readonly Container[]): Place {
  let container: Container;
  try {
    container = findContainer(ref, containers);
  } catch (error) {
    throw asLinkRefusal(error as Error);
  }
  if (container.networkMode === 'host') throw linkRefusal('containerHostNetwork', { container: container.name });
  if (container.networkMode === 'container') throw linkRefusal('containerSharedNetwork', { container: container.name });
  if (container.pid === null) throw linkRefusal('containerNotRunning', { container: container.name, state: container.state });
  return { container: { id: container.id, name: container.name }, pid: container.pid };
}

/** Where Bridgeport's link of that name is instead, if anywhere: the refusal's key gets `Elsewhere` and the places. */
function elsewhere(key: string, name: string, view: HostView, place: Place, params: Record<string, MessageParam>): LinkRefused {
  const others = placesOf(view.things, name).filter((p) => placeText(p) !== placeText(place));
  return others.length ? linkRefusal(`${key}Elsewhere`, { ...params, places: others.map(placeText).join(', ') }) : linkRefusal(key, params);
}

/** The made link `name` in `place`, or a refusal that says what it is instead. */
export function madeLinkAt(name: string, place: Place, view: HostView): FoundLink {
  const found = findLink(view.things, name, place);
  if (found) return found;
  if ('host' in place && view.links.has(name)) throw elsewhere('linkNotOurs', name, view, place, { name });
  if (!('host' in place)) throw elsewhere('noMadeLink', name, view, place, { name, where: placeText(place) });
  throw elsewhere('noLinkInHost', name, view, place, { name });
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
  if (found.end === null) throw linkRefusal('moveBridge', { name: request.link });
  if (request.gateway !== undefined && request.address === undefined) throw linkRefusal('gatewayNeedsAddress');
  const addr = request.address === undefined ? undefined : address(request.address);
  const gw = request.gateway === undefined || addr === undefined ? undefined : gateway(request.gateway, addr);
  if ('host' in to) throw linkRefusal('alreadyInHost', { name: request.link });
  return { found, ...(addr ? { address: addr.text } : {}), ...(gw ? { gateway: gw } : {}) };
}
