// firewall.read and firewall.listTables: the firewall of this namespace as the tools print it. I/O
// only; the engine parses (netcore) and decides what it means.
import { runCommand } from '../../../system/run-command';
import type { OperationArgs } from '../../contract/operations';
import type { ReadOperationResults } from '../../contract/read-operations';
import { cappedTotal } from './cap-size';

const optional = (p: Promise<string>) => p.catch(() => '');

export async function readFirewall(args: OperationArgs<'firewall.read'>): Promise<ReadOperationResults['firewall.read']> {
  const otherSave = args.variant === 'nft' ? 'iptables-legacy-save' : 'iptables-nft-save';
  const [v4, v6, other, native] = await Promise.all([
    runCommand(['iptables-save', '-c']),
    optional(runCommand(['ip6tables-save', '-c'])),
    runCommand([otherSave]).catch(() => null),
    // Table by table (the names are checked by the schema: nft parses its argv as one command line).
    Promise.all(args.tables.map((t) => runCommand(['nft', '-j', 'list', 'table', t.family, t.name]))).catch(() => null),
  ]);
  cappedTotal('the firewall', [v4, v6, other ?? '', ...(native ?? [])]);
  return { v4, v6, other, native };
}

/**
 * The tables as the chains name them: nft 1.0.6 loads every rule to list tables (0.2 s at 10,000
 * rules) but not to list chains (10 ms), and a table without chains holds no rule to read.
 */
export async function listNftTables(): Promise<ReadOperationResults['firewall.listTables']> {
  const text = await runCommand(['nft', '-j', 'list', 'chains']);
  cappedTotal('the list of nftables tables', [text]);
  return { text };
}
