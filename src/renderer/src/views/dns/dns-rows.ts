// The DNS table's rows: one per container, in the order shown (the ones that need a look first),
// with every text and state a row renders, so the component only lays them out. Pure.
import type { ContainerDns, DnsSource } from '../../../../shared/dns-model';
import type { Message } from '../../../../shared/message';
import { learntLabel, reachLine, serversText, sourceColor, sourceHelp, sourceLabel, upstreamsLine, wordsText, type Say } from './dns-format';

export interface DnsRow {
  key: string;
  name: string;
  source: DnsSource;
  sourceLabel: string;
  sourceHelp: string;
  sourceColor: string;
  servers: string;
  search: string;
  options: string;
  /** Embedded resolver only: its upstream servers, how they were learnt, where they are redirected. */
  upstreams: { servers: string; learnt: string; redirectedTo: string | null; line: string } | null;
  /** Where its queries go now and how; null when unknown. */
  reach: string | null;
  synced: boolean;
  syncedLabel: string;
  note: string;
  /** The note as the engine's message, said in the window's language (absent from an older engine). */
  noteMessage?: Message;
  /** The per-container switch. */
  switchOn: boolean;
  /** Why the switch cannot be moved, or null when it can. */
  switchLocked: string | null;
  container: ContainerDns;
}

/** Containers by name, the ones not in sync (that need a look) first. */
export function sortedContainers(containers: readonly ContainerDns[]): ContainerDns[] {
  return [...containers].sort((a, b) => Number(a.synced) - Number(b.synced) || a.container.name.localeCompare(b.container.name));
}

export function dnsRow(c: ContainerDns, globalEnabled: boolean, t: Say): DnsRow {
  const up = c.upstreams;
  return {
    key: c.container.id,
    name: c.container.name,
    source: c.source,
    sourceLabel: sourceLabel(c.source, t),
    sourceHelp: sourceHelp(c.source, t),
    sourceColor: sourceColor[c.source],
    servers: serversText(c.nameservers),
    search: wordsText(c.search),
    options: wordsText(c.options),
    upstreams: up && {
      servers: serversText(up.servers),
      learnt: learntLabel(up.known, t),
      redirectedTo: up.redirectedTo ? serversText(up.redirectedTo) : null,
      line: upstreamsLine(up, t),
    },
    reach: c.reach ? reachLine(c.reach, t) : null,
    synced: c.synced,
    syncedLabel: c.synced ? t('dns:table.inSync') : t('dns:table.notSynced'),
    note: c.note,
    ...(c.noteMessage ? { noteMessage: c.noteMessage } : {}),
    switchOn: c.syncAllowed,
    switchLocked: globalEnabled ? null : t('dns:table.locked'),
    container: c,
  };
}

export function dnsRows(containers: readonly ContainerDns[], globalEnabled: boolean, t: Say): DnsRow[] {
  return sortedContainers(containers).map((c) => dnsRow(c, globalEnabled, t));
}
