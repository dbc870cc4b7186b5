// Reads the firewall of this namespace through the privileged executor (op firewall.read): iptables
// (whichever variant `iptables` is), the other variant to catch the split-store trap, and native
// nftables tables. Without the executor it says it cannot read it, and why. The texts are parsed here.
import type { z } from 'zod';
import type { FirewallBackend } from '../../../shared/firewall-model';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import { nftTableNameSchema, nftFamilySchema, MAX_NFT_TABLES } from '../../privileged/contract/read-operations';
import { runCommand } from '../../system/run-command';
import { isIptablesNftTable, parseNftJson } from '../../netcore/nft/parse-nft-json';
import { parseNftTables, type NftTable } from '../../netcore/nft/parse-nft-tables';
import { parseIptablesSave } from '../../netcore/iptables/parse-iptables-save';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import type { ReadAccess } from '../access/privileged-reads';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../shared/message';

const nat = (key: string, params: Record<string, MessageParam> = {}): Message => message(`engine-nat:${key}`, params);

export interface FirewallRead {
  backend: FirewallBackend;
  ruleset: ParsedRuleset;
  readable: boolean;
  warnings: string[];
  /** The warnings as messages, one per warning (catalogue engine-nat). */
  warningMessages?: Message[];
  /** When readable: the variant `iptables` is, and the other variant's save text (null: not installed or failed). */
  variant?: Variant;
  otherSave?: string | null;
}

export type Variant = 'nft' | 'legacy';

/** What the iptables tools printed: this variant's rules (v4, v6) and the other variant's v4 rules. */
interface IptablesTexts {
  variant: Variant;
  v4: string;
  v6: string;
  other: string | null;
}

type NftFamily = z.output<typeof nftFamilySchema>;

/** `iptables -V` says "iptables v1.8.9 (nf_tables)" or "(legacy)". */
export function variantOf(versionText: string): Variant {
  return /nf_tables/.test(versionText) ? 'nft' : 'legacy';
}

/** Rules (not policies or empty chains) in a save text: the other variant must hold none. */
export function holdsRules(saveText: string): boolean {
  return /^(\[\d+:\d+\]\s*)?-A /m.test(saveText);
}

function assemble(iptables: IptablesTexts, tables: NftTable[], nft: ParsedRuleset): FirewallRead & { warningMessages: Message[] } {
  const { variant, v4, v6, other } = iptables;
  const four = parseIptablesSave(v4, 'ipv4');
  const six = parseIptablesSave(v6, 'ipv6');
  const warningMessages: Message[] = [];
  if (other !== null && holdsRules(other)) {
    const mine = variant === 'nft' ? 'iptables-nft' : 'iptables-legacy';
    const theirs = variant === 'nft' ? 'iptables-legacy' : 'iptables-nft';
    warningMessages.push(nat('warning.splitStore', { mine, theirs }));
  }
  return {
    backend: backendOf(variant, tables),
    ruleset: { chains: [...four.chains, ...six.chains, ...nft.chains], rules: [...four.rules, ...six.rules, ...nft.rules] },
    readable: true,
    warnings: warningMessages.map(inEnglish),
    warningMessages,
    variant,
    otherSave: other,
  };
}

/** Docker 29's nftables firewall backend keeps its rules in native `docker-bridges` tables. */
function backendOf(variant: Variant, tables: readonly NftTable[]): FirewallBackend {
  if (tables.some((t) => t.name === 'docker-bridges')) return 'nftables';
  return variant === 'nft' ? 'iptables-nft' : 'iptables-legacy';
}

/** The error's first line is the tool's own words (data); the sentence around it is ours. */
function unreadable(error: unknown): FirewallRead {
  return unreadableBecause(nat('warning.notRead', { error: (error as Error).message.split('\n')[0] ?? '' }));
}

/** Nothing read: no rule is guessed, and the warning says why. */
export function unreadableBecause(warning: Message): FirewallRead {
  return { backend: 'iptables-nft', ruleset: { chains: [], rules: [] }, readable: false, warnings: [inEnglish(warning)], warningMessages: [warning] };
}

/** In the words of a failed read (the doctor appends what to run), with why and what to do. */
export const FIREWALL_NEEDS_ROOT_MESSAGE = nat('warning.needsRoot');
export const FIREWALL_NEEDS_ROOT = inEnglish(FIREWALL_NEEDS_ROOT_MESSAGE);

/** Tables whose family and name can go to nft as they are (nft parses its argv as a command line). */
function passable(tables: readonly NftTable[]): { tables: Array<{ family: NftFamily; name: string }>; skipped: NftTable[] } {
  const ok: Array<{ family: NftFamily; name: string }> = [];
  const skipped: NftTable[] = [];
  for (const t of tables) {
    const family = nftFamilySchema.safeParse(t.family);
    if (family.success && nftTableNameSchema.safeParse(t.name).success && ok.length < MAX_NFT_TABLES) ok.push({ family: family.data, name: t.name });
    else skipped.push(t);
  }
  return { tables: ok, skipped };
}

function parseNative(texts: readonly string[] | null): ParsedRuleset {
  try {
    const parsed = (texts ?? []).map((text) => parseNftJson(text));
    return { chains: parsed.flatMap((p) => p.chains), rules: parsed.flatMap((p) => p.rules) };
  } catch {
    return { chains: [], rules: [] };
  }
}

/**
 * Reads the firewall again and again (the engine samples counters once per second). What does not
 * change from one second to the next is looked up less often: the iptables variant once, the list
 * of native nftables tables every `tablesTtlMs` (named by `nft -j list chains`, 25 ms at 10,000 rules,
 * where `nft list tables` loads every rule: 0.2–0.5 s). Native tables are read with nft, table by
 * table: their rules need nft's JSON, while the tables iptables-nft manages are read better by
 * iptables-save (nft renders their DNAT targets as opaque `xt` expressions, and listing the whole
 * rule set took 1.4 s at 10,000 rules).
 */
export class FirewallReader {
  private variant: Variant | null = null;
  private tables: { at: number; list: NftTable[] } | null = null;
  private lastNative: { texts: readonly string[]; ruleset: ParsedRuleset } | null = null;

  constructor(
    private readonly access: ReadAccess,
    private readonly tablesTtlMs = 30_000,
  ) {}

  async read(): Promise<FirewallRead> {
    const executor = await this.access();
    if (!executor) return unreadableBecause(FIREWALL_NEEDS_ROOT_MESSAGE);
    try {
      // Both looked up at once on a first reading (each is a command of its own).
      const [variant, list] = await Promise.all([this.variant ?? runCommand(['iptables', '-V']).then(variantOf), this.nativeTables(executor)]);
      this.variant = variant;
      const listed = passable(list);
      const texts = await executor.run('firewall.read', { variant, tables: listed.tables });
      const read = assemble({ variant, ...texts }, list, this.parseNativeOnce(texts.native));
      for (const t of listed.skipped) {
        const skipped = nat('warning.tableSkipped', { family: t.family, name: t.name });
        read.warnings.push(inEnglish(skipped));
        read.warningMessages.push(skipped);
      }
      return read;
    } catch (error) {
      return unreadable(error);
    }
  }

  /** Which firewall Docker uses, without reading any rule (the publish check needs only this). */
  async backend(): Promise<FirewallBackend> {
    this.variant ??= variantOf(await runCommand(['iptables', '-V']));
    const executor = await this.access();
    return backendOf(this.variant, executor ? await this.nativeTables(executor) : []);
  }

  /**
   * Native tables without counters (netavark writes none) print the same text second after second:
   * the last parse is reused for the same texts (10,000 rules: ~90 ms saved per sample).
   */
  private parseNativeOnce(texts: readonly string[] | null): ParsedRuleset {
    const last = this.lastNative;
    if (last && texts && last.texts.length === texts.length && last.texts.every((t, i) => t === texts[i])) return last.ruleset;
    const ruleset = parseNative(texts);
    this.lastNative = texts ? { texts, ruleset } : null;
    return ruleset;
  }

  private async nativeTables(executor: PrivilegedExecutor): Promise<NftTable[]> {
    const now = Date.now();
    if (!this.tables || now - this.tables.at > this.tablesTtlMs) {
      const list = await executor
        .run('firewall.listTables', {})
        .then((r) => parseNftTables(r.text).filter((t) => !isIptablesNftTable(t.family, t.name)))
        .catch(() => []);
      this.tables = { at: now, list };
    }
    return this.tables.list;
  }
}

/** One reading, for one-shot faces. */
export function readFirewall(access: ReadAccess): Promise<FirewallRead> {
  return new FirewallReader(access).read();
}
