// flows.list: one dump of the conntrack table of the helper's own network namespace.
import { readFile } from 'node:fs/promises';
import { CommandError, runCommand } from '../../../system/run-command';
import { isConntrackEntry, parseConntrackLine, type ConntrackEntry } from '../../../netcore/conntrack/parse-conntrack';
import { lineInterest, mayConcern } from '../../../netcore/conntrack/line-interest';
import type { FlowOperationResults } from '../../contract/flow-operations';
import { cappedTotal } from '../reads/cap-size';

const SYSCTL = '/proc/sys/net/netfilter';

/** conntrack-tools before 1.4.5 exit 1 on an empty table; 1.4.7 exits 0. Both print this. */
const EMPTY_TABLE = /\b0 flow entries have been shown/;

async function dumpTable(): Promise<string> {
  try {
    return await runCommand(['conntrack', '-L', '-o', 'extended,id']);
  } catch (error) {
    if (error instanceof CommandError && error.exitCode === 1 && EMPTY_TABLE.test(error.stderr)) return '';
    throw error;
  }
}

/** A sysctl's integer, or null when it cannot be read (nf_conntrack not loaded). */
async function sysctlNumber(name: string): Promise<number | null> {
  try {
    const value = Number((await readFile(`${SYSCTL}/${name}`, 'utf8')).trim());
    return Number.isSafeInteger(value) ? value : null;
  } catch {
    return null;
  }
}

export async function listFlows(args: { interest?: string[] | undefined } = {}): Promise<FlowOperationResults['flows.list']> {
  const text = await dumpTable();
  cappedTotal('the conntrack table', [text]);
  const interest = args.interest ? lineInterest(args.interest) : null;
  const entries: ConntrackEntry[] = [];
  let unparsed = 0;
  let uninteresting = 0;
  for (const printed of text.split('\n')) {
    // The host's own connections are left out before they are parsed (most of a busy table).
    if (interest && !mayConcern(printed, interest)) {
      uninteresting++;
      continue;
    }
    const line = parseConntrackLine(printed);
    if (!line) continue;
    if (isConntrackEntry(line)) entries.push(line);
    else unparsed++;
  }
  const [acct, count] = await Promise.all([sysctlNumber('nf_conntrack_acct'), sysctlNumber('nf_conntrack_count')]);
  const result = { entries, unparsed, uninteresting, accounting: acct === 1, count: count ?? entries.length + unparsed + uninteresting };
  // The parsed form is larger than the text: the reply must still fit the helper's socket.
  cappedTotal('the parsed conntrack table', [JSON.stringify(result)]);
  return result;
}
