// Reads the firewall of this namespace: iptables (whichever variant `iptables` is), the other
// variant to catch the split-store trap, and native nftables tables. I/O only.
import type { FirewallBackend } from '../../../shared/firewall-model';
import { runCommand } from '../system/run-command';
import { isIptablesNftTable, parseNftJson } from './nft/parse-nft-json';
import { parseNftTables, type NftTable } from './nft/parse-nft-tables';
import { parseIptablesSave } from './parse-iptables-save';
import type { ParsedRuleset } from './parsed-rule';

export interface FirewallRead {
  backend: FirewallBackend;
  ruleset: ParsedRuleset;
  readable: boolean;
  warnings: string[];
}

type Variant = 'nft' | 'legacy';

/** `iptables -V` says "iptables v1.8.9 (nf_tables)" or "(legacy)". */
export function variantOf(versionText: string): Variant {
  return /nf_tables/.test(versionText) ? 'nft' : 'legacy';
}

const optional = (p: Promise<string>) => p.catch(() => '');

export async function readIptables(): Promise<{ variant: Variant; v4: string; v6: string; other: string }> {
  const variant = variantOf(await runCommand(['iptables', '-V']));
  const otherSave = variant === 'nft' ? 'iptables-legacy-save' : 'iptables-nft-save';
  const [v4, v6, other] = await Promise.all([
    runCommand(['iptables-save', '-c']),
    optional(runCommand(['ip6tables-save', '-c'])),
    optional(runCommand([otherSave])),
  ]);
  return { variant, v4, v6, other };
}

/** Rules (not policies or empty chains) in a save text: the other variant must hold none. */
export function holdsRules(saveText: string): boolean {
  return /^(\[\d+:\d+\]\s*)?-A /m.test(saveText);
}

/**
 * Native nftables tables (not the ones iptables-nft manages, which iptables-save reads better: their
 * DNAT targets are opaque `xt` expressions in nft's JSON). Listed table by table, because listing
 * the whole rule set also renders every iptables-nft rule, which is slow on large rule sets.
 */
async function readNativeNft(): Promise<{ tables: NftTable[]; ruleset: ParsedRuleset }> {
  const tables = parseNftTables(await runCommand(['nft', '-j', 'list', 'tables'])).filter((t) => !isIptablesNftTable(t.family, t.name));
  const texts = await Promise.all(tables.map((t) => runCommand(['nft', '-j', 'list', 'table', t.family, t.name])));
  const parsed = texts.map((text) => parseNftJson(text));
  return { tables, ruleset: { chains: parsed.flatMap((p) => p.chains), rules: parsed.flatMap((p) => p.rules) } };
}

const noNft = { tables: [] as NftTable[], ruleset: { chains: [], rules: [] } as ParsedRuleset };

export async function readFirewall(): Promise<FirewallRead> {
  try {
    const [{ variant, v4, v6, other }, nft] = await Promise.all([readIptables(), readNativeNft().catch(() => noNft)]);
    const four = parseIptablesSave(v4, 'ipv4');
    const six = parseIptablesSave(v6, 'ipv6');
    const warnings: string[] = [];
    if (holdsRules(other)) {
      const mine = variant === 'nft' ? 'iptables-nft' : 'iptables-legacy';
      const theirs = variant === 'nft' ? 'iptables-legacy' : 'iptables-nft';
      warnings.push(
        `Both ${mine} and ${theirs} hold rules (the split-store trap): this host's iptables is ${mine}, but rules also exist in ${theirs}, which the kernel evaluates too. Tools that use the other variant see a different rule set.`,
      );
    }
    // Docker 29's nftables firewall backend keeps its rules in native `docker-bridges` tables.
    const dockerOnNftables = nft.tables.some((t) => t.name === 'docker-bridges');
    return {
      backend: dockerOnNftables ? 'nftables' : variant === 'nft' ? 'iptables-nft' : 'iptables-legacy',
      ruleset: {
        chains: [...four.chains, ...six.chains, ...nft.ruleset.chains],
        rules: [...four.rules, ...six.rules, ...nft.ruleset.rules],
      },
      readable: true,
      warnings,
    };
  } catch (error) {
    return {
      backend: 'iptables-nft',
      ruleset: { chains: [], rules: [] },
      readable: false,
      warnings: [`The firewall could not be read (${(error as Error).message.split('\n')[0]}): reading iptables needs root.`],
    };
  }
}
