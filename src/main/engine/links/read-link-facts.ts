// Reads what the namespace and link checks look at: the host's links with their tag, the named
// namespaces, the host's routes, the containers the record mentions and (when the privileged
// executor is at hand: netns.report) the tagged links inside them. I/O only.
import type Docker from 'dockerode';
import { z } from 'zod';
import { MADE_TAG } from '../../netcore/links/link-args';
import { readRoutes } from '../host/read-routes';
import { readNamedNamespaces } from '../netns/read-named-namespaces';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import { readNamespaces } from '../netns/read-namespaces';
import type { ReadAccess } from '../access/privileged-reads';
import { runCommand } from '../../system/run-command';
import type { HostView } from './check-links';
import { placeText, type MadeFacts, type Place, type RecordedThing } from './made-record';
import { namespaceIdentity } from '../../system/namespace-identity';
import { pidFromEngines, type PidAnswer } from './container-pid';

const linksSchema = z.array(z.looseObject({ ifname: z.string(), ifalias: z.string().optional(), linkinfo: z.looseObject({ info_kind: z.string().optional() }).optional() }));

type LinkFacts = Map<string, { tagged: boolean; kind: string | null }>;

function parseLinks(text: string): LinkFacts {
  const trimmed = text.trim();
  const links = trimmed === '' ? [] : linksSchema.parse(JSON.parse(trimmed));
  return new Map(links.map((l) => [l.ifname, { tagged: l.ifalias === MADE_TAG, kind: l.linkinfo?.info_kind ?? null }]));
}

async function pidAnswer(docker: Docker, id: string): Promise<PidAnswer> {
  try {
    const state = (await docker.getContainer(id).inspect()).State;
    return { pid: state.Running && state.Pid > 0 ? state.Pid : null };
  } catch (error) {
    return (error as { statusCode?: number }).statusCode === 404 ? 'absent' : 'unreadable';
  }
}

/** The containers the record mentions, asked of every engine: pid when running, null when stopped or removed; undefined when an engine cannot say. */
async function containerPids(engines: readonly Docker[], ids: readonly string[]): Promise<Map<string, number | null> | undefined> {
  const pids = new Map<string, number | null>();
  for (const id of ids) {
    const pid = pidFromEngines(await Promise.all(engines.map((docker) => pidAnswer(docker, id))));
    if (pid === undefined) return undefined;
    pids.set(id, pid);
  }
  return pids;
}

/** Tagged links inside each place the record has veth ends in; only read through the privileged executor. */
async function insideViews(things: readonly RecordedThing[], executor: PrivilegedExecutor | null): Promise<((place: Place) => ReadonlySet<string> | null) | undefined> {
  if (!executor) return undefined;
  const places = new Map<string, Place>();
  for (const thing of things) if (thing.kind === 'veth') for (const end of thing.ends) if (!('host' in end.place)) places.set(placeText(end.place), end.place);
  const named = [...places.values()].flatMap((p) => ('namespace' in p ? [p.namespace] : []));
  const pids = [...places.values()].flatMap((p) => ('pid' in p ? [p.pid] : []));
  const seen = new Map<string, ReadonlySet<string> | null>();
  if (places.size > 0) {
    const report = await readNamespaces(executor, { named: [...new Set(named)], pids: [...new Set(pids)], nsidOnly: [] }).catch(() => null);
    for (const [key, place] of places) {
      const read = 'namespace' in place ? report?.named.get(place.namespace) : 'pid' in place ? report?.containers.get(place.pid) : undefined;
      // Gone (the container stopped) or unreadable: the other facts decide.
      seen.set(key, read && !(read instanceof Error) ? new Set(read.links.filter((l) => l.alias === MADE_TAG).map((l) => l.name)) : null);
    }
  }
  return (place) => seen.get(placeText(place)) ?? null;
}

export interface LinkFactsRead {
  view: Omit<HostView, 'things'>;
  facts: MadeFacts;
}

export async function readLinkFacts(engines: readonly Docker[], things: readonly RecordedThing[], options: { routes?: boolean; reads?: ReadAccess } = {}): Promise<LinkFactsRead> {
  const containerIds = [...new Set(things.flatMap((t) => (t.kind === 'veth' ? t.ends.flatMap((e) => ('container' in e.place ? [e.place.container.id] : [])) : [])))];
  const [links, named, routes, containers, inside] = await Promise.all([
    runCommand(['ip', '-j', '-d', 'link', 'show']).then(parseLinks),
    readNamedNamespaces(),
    options.routes ? readRoutes() : Promise.resolve([]),
    containerIds.length ? containerPids(engines, containerIds) : Promise.resolve(new Map<string, number | null>()),
    (options.reads ? options.reads() : Promise.resolve(null)).then((executor) => insideViews(things, executor)),
  ]);
  const namespaces = new Map(await Promise.all(named.map(async (n) => [n.name, await namespaceIdentity(`/run/netns/${n.name}`)] as const)));
  return {
    view: { links, namespaces: named.map((n) => ({ name: n.name, current: n.current })), routes },
    facts: { hostLinks: links, namespaces, ...(containers ? { containers } : {}), ...(inside ? { inside } : {}) },
  };
}
