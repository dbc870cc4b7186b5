// Reads the firewall of this namespace: iptables (whichever variant `iptables` is), the other
// variant to catch the split-store trap, and native nftables tables. I/O only.
import type { FirewallBackend } from '../../../shared/firewall-model';
import { runCommand } from '../../system/run-command';
import { isIptablesNftTable, parseNftJson } from '../../netcore/nft/parse-nft-json';
import { parseNftTables, type NftTable } from '../../netcore/nft/parse-nft-tables';
import { parseIptablesSave } from '../../netcore/iptables/parse-iptables-save';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';

export interface FirewallRead {
  backend: FirewallBackend;
  ruleset: ParsedRuleset;
  readable: boolean;
  warnings: string[];
}

type Variant = 'nft' | 'legacy';

/** What the iptables tools printed: this variant's rules (v4, v6) and the other variant's v4 rules. */
interface IptablesTexts {
  variant: Variant;
  v4: string;
  v6: string;
  other: string;
}

/** `iptables -V` says "iptables v1.8.9 (nf_tables)" or "(legacy)". */
export function variantOf(versionText: string): Variant {
  return /nf_tables/.test(versionText) ? 'nft' : 'legacy';
}

const optional = (p: Promise<string>) => p.catch(() => '');

async function readIptablesOf(variant: Variant): Promise<IptablesTexts> {
  const otherSave = variant === 'nft' ? 'iptables-legacy-save' : 'iptables-nft-save';
  const [v4, v6, other] = await Promise.all([
    runCommand(['iptables-save', '-c']),
    optional(runCommand(['ip6tables-save', '-c'])),
    optional(runCommand([otherSave])),
  ]);
  return { variant, v4, v6, other };
}

export async function readIptables(): Promise<IptablesTexts> {
  return readIptablesOf(variantOf(await runCommand(['iptables', '-V'])));
}

/** Rules (not policies or empty chains) in a save text: the other variant must hold none. */
export function holdsRules(saveText: string): boolean {
  return /^(\[\d+:\d+\]\s*)?-A /m.test(saveText);
}

/** Lists the native nftables tables (not the ones iptables-nft manages). */
async function readNativeTables(): Promise<NftTable[]> {
  return parseNftTables(await runCommand(['nft', '-j', 'list', 'tables'])).filter((t) => !isIptablesNftTable(t.family, t.name));
}

/**
 * Native nftables tables are read with nft, table by table: their rules need nft's JSON, while the
 * tables iptables-nft manages are read better by iptables-save (nft renders their DNAT targets as
 * opaque `xt` expressions, and listing the whole rule set took 1.4 s at 10,000 rules).
 */
async function readNativeRules(tables: NftTable[]): Promise<ParsedRuleset> {
  const texts = await Promise.all(tables.map((t) => runCommand(['nft', '-j', 'list', 'table', t.family, t.name])));
  const parsed = texts.map((text) => parseNftJson(text));
  return { chains: parsed.flatMap((p) => p.chains), rules: parsed.flatMap((p) => p.rules) };
}

function assemble(iptables: IptablesTexts, tables: NftTable[], nft: ParsedRuleset): FirewallRead {
  const { variant, v4, v6, other } = iptables;
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
  return {
    backend: backendOf(variant, tables),
    ruleset: { chains: [...four.chains, ...six.chains, ...nft.chains], rules: [...four.rules, ...six.rules, ...nft.rules] },
    readable: true,
    warnings,
  };
}

/** Docker 29's nftables firewall backend keeps its rules in native `docker-bridges` tables. */
function backendOf(variant: Variant, tables: readonly NftTable[]): FirewallBackend {
  if (tables.some((t) => t.name === 'docker-bridges')) return 'nftables';
  return variant === 'nft' ? 'iptables-nft' : 'iptables-legacy';
}

function unreadable(error: unknown): FirewallRead {
  return {
    backend: 'iptables-nft',
    ruleset: { chains: [], rules: [] },
    readable: false,
    warnings: [`The firewall could not be read (${(error as Error).message.split('\n')[0]}): reading iptables needs root.`],
  };
}

/**
 * Reads the firewall again and again (the engine samples counters once per second). What does not
 * change from one second to the next is looked up less often: the iptables variant once, the list
 * of native nftables tables every `tablesTtlMs` (`nft list tables` loads the whole rule set: 0.5 s
 * at 10,000 rules).
 */
export class FirewallReader {
  private variant: Variant | null = null;
  private tables: { at: number; list: NftTable[] } | null = null;

  constructor(private readonly tablesTtlMs = 30_000) {}

  async read(): Promise<FirewallRead> {
    try {
      this.variant ??= variantOf(await runCommand(['iptables', '-V']));
      // iptables and nftables are read side by side: listing nft tables is the slow part when due.
      const [iptables, native] = await Promise.all([readIptablesOf(this.variant), this.readNative()]);
      return assemble(iptables, native.tables, native.ruleset);
    } catch (error) {
      return unreadable(error);
    }
  }

  /** Which firewall Docker uses, without reading any rule (the publish check needs only this). */
  async backend(): Promise<FirewallBackend> {
    this.variant ??= variantOf(await runCommand(['iptables', '-V']));
    return backendOf(this.variant, await this.nativeTables());
  }

  private async nativeTables(): Promise<NftTable[]> {
    const now = Date.now();
    if (!this.tables || now - this.tables.at > this.tablesTtlMs) {
      this.tables = { at: now, list: await readNativeTables().catch(() => []) };
    }
    return this.tables.list;
  }

  private async readNative(): Promise<{ tables: NftTable[]; ruleset: ParsedRuleset }> {
    const tables = await this.nativeTables();
    return { tables, ruleset: await readNativeRules(tables).catch(() => ({ chains: [], rules: [] })) };
  }
}

/** One reading, for one-shot faces (the CLI). */
export function readFirewall(): Promise<FirewallRead> {
  return new FirewallReader().read();
}
