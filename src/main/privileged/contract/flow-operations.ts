// The privileged reads of live flows (issue 17): the conntrack table of the helper's own network
// namespace, as one dump and as a stream of events read by cursor. Reads only.
import { z } from 'zod';
import type { ConntrackEntry } from '../../netcore/conntrack/parse-conntrack';

/** Events held by the helper between reads (older ones fall out; a reader behind them is told). */
export const FLOW_EVENT_BUFFER = 20_000;
/** Events handed out per flows.events call (the caller reads again from the new cursor). */
export const MAX_FLOW_EVENTS_PER_READ = 5_000;
/** The event watcher stops when nobody has read its events for this long. */
export const FLOW_WATCH_IDLE_MS = 30_000;

/**
 * Addresses of interest at most: a desktop's containers and namespaces with room to spare, and few
 * enough that a request stays well inside the helper's 64 KiB request line (IPv6 in full: 42 bytes
 * each in JSON). An engine with more asks without an interest (the whole table).
 */
export const MAX_INTEREST_ADDRESSES = 1_024;

/**
 * Only the connections that may concern these addresses (as sender or real answerer), and every
 * DNAT'ed one (netcore/conntrack/line-interest). It can only narrow what the reply holds: absent,
 * the whole table. The engine sends its containers' and namespaces' addresses.
 */
const interest = z.array(z.union([z.ipv4(), z.ipv6()])).max(MAX_INTEREST_ADDRESSES).optional();

export const flowOperations = {
  /** `conntrack -L -o extended,id`, parsed; and whether accounting (packets, bytes) is on. */
  'flows.list': z.object({ interest }).strict(),
  /** The conntrack events after `cursor` (0 at first); starts the watcher on first use. */
  'flows.events': z.object({ cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), interest }).strict(),
} as const;

export interface FlowOperationResults {
  'flows.list': {
    entries: ConntrackEntry[];
    /** Lines conntrack printed that the parser could not read completely (left out, never guessed). */
    unparsed: number;
    /** Entries left out as outside the interest (the host's own connections). */
    uninteresting: number;
    /** net.netfilter.nf_conntrack_acct in the helper's namespace: without it entries carry no packets/bytes. */
    accounting: boolean;
    /** Entries in the kernel's table (nf_conntrack_count) when read; else the lines conntrack printed. */
    count: number;
  };
  'flows.events': {
    /**
     * In order; each with `event` new, update or destroy. An update followed in the same read by a
     * later update of the same connection is left out (netcore/conntrack/superseded-updates): every
     * new and destroy, and each connection's last update (its TIME_WAIT end), are always there.
     * -E prints packets/bytes only on destroy.
     */
    events: ConntrackEntry[];
    /** Lines of this range the parser could not read (left out). */
    unparsed: number;
    /** Lines of this range left out as outside the interest (the host's own connections). */
    uninteresting: number;
    /** Read again from here. */
    cursor: number;
    /** Events since the given cursor may be missing: ENOBUFS, a watcher restart, or the cursor fell out of the buffer. */
    lost: boolean;
    /** More events wait after `cursor` (at most MAX_FLOW_EVENTS_PER_READ per call). */
    more: boolean;
    /** The watcher (`conntrack -E`) runs now. */
    running: boolean;
    /** Why the watcher is not running or last failed, as conntrack said; null when fine. */
    problem: string | null;
  };
}
