// Parses `iptables-save -c` / `ip6tables-save -c` output. Pure: no I/O.
import type { RuleMatch } from '../../../shared/firewall-model';
import { emptyMatch, type Family, type ParsedChain, type ParsedRule, type ParsedRuleset } from '../rules/parsed-rule';
import { tokenizeRule } from './tokenize-rule';

const COUNTERS = /^\[(\d+):(\d+)\]$/;

/** Options that take one value, mapped onto the match; `!` before the option negates it. */
function applyOption(match: RuleMatch, option: string, value: string, negated: boolean): boolean {
  switch (option) {
    case '-p':
    case '--protocol':
      match.protocol = value;
      match.protocolNegated = negated;
      return true;
    case '-s':
    case '--source':
      match.source = value;
      match.sourceNegated = negated;
      return true;
    case '-d':
    case '--destination':
      match.destination = value;
      match.destinationNegated = negated;
      return true;
    case '-i':
    case '--in-interface':
      match.inInterface = value;
      match.inInterfaceNegated = negated;
      return true;
    case '-o':
    case '--out-interface':
      match.outInterface = value;
      match.outInterfaceNegated = negated;
      return true;
    case '--dport':
    case '--destination-port':
    case '--dports':
      match.dport = value;
      match.dportNegated = negated;
      return true;
    case '--sport':
    case '--source-port':
    case '--sports':
      match.sport = value;
      match.sportNegated = negated;
      return true;
    case '--dst-type':
      match.dstType = negated ? `!${value}` : value;
      return true;
    case '--src-type':
      match.srcType = negated ? `!${value}` : value;
      return true;
    case '--ctstate':
    case '--state':
      match.ctstate = value.split(',');
      match.ctstateNegated = negated;
      return true;
    case '--mark':
      match.mark = value;
      match.markNegated = negated;
      return true;
    case '--comment':
      match.comment = value;
      return true;
    default:
      return false;
  }
}

// Options that take no value: the next word is another option, not theirs.
const FLAGS_WITHOUT_VALUE = new Set(['--syn', '-f', '--fragment', '--rcheck', '--update', '--set', '--remove', '--rsource', '--rdest', '--rttl', '--log-uid', '--log-tcp-sequence', '--log-tcp-options', '--log-ip-options', '--random', '--random-fully', '--persistent']);

// Module names (`-m tcp`) carry no condition of their own once their options are read.
const MODULES_WITHOUT_MEANING = new Set(['tcp', 'udp', 'sctp', 'addrtype', 'conntrack', 'state', 'comment', 'mark', 'multiport']);

interface RuleWords {
  chain: string;
  match: RuleMatch;
  target: string;
  targetArgs: string[];
}

function parseRuleWords(words: string[]): RuleWords {
  const match = emptyMatch();
  let chain = '';
  let target = '';
  const targetArgs: string[] = [];
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '!') {
      negated = true;
      continue;
    }
    if (word === '-A' || word === '--append') {
      chain = words[++i] ?? '';
    } else if (word === '-j' || word === '--jump' || word === '-g' || word === '--goto') {
      target = words[++i] ?? '';
      // Everything after the target belongs to it (--to-destination …).
      targetArgs.push(...words.slice(i + 1));
      break;
    } else if (word === '-m' || word === '--match') {
      const module = words[++i] ?? '';
      if (!MODULES_WITHOUT_MEANING.has(module)) match.unparsed.push(`-m ${module}`);
    } else if (FLAGS_WITHOUT_VALUE.has(word)) {
      match.unparsed.push(`${negated ? '! ' : ''}${word}`);
    } else if (word.startsWith('-')) {
      const value = words[i + 1] ?? '';
      if (!applyOption(match, word, value, negated)) match.unparsed.push(`${negated ? '! ' : ''}${word} ${value}`.trim());
      i++;
    } else {
      match.unparsed.push(word);
    }
    negated = false;
  }
  return { chain, match, target, targetArgs };
}

function optionValue(args: string[], ...names: string[]): string | null {
  const at = args.findIndex((a) => names.includes(a));
  return at >= 0 ? (args[at + 1] ?? null) : null;
}

export function parseIptablesSave(text: string, family: Family = 'ipv4'): ParsedRuleset {
  const chains: ParsedChain[] = [];
  const rules: ParsedRule[] = [];
  const positions = new Map<string, number>();
  let table = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === 'COMMIT') continue;
    if (line.startsWith('*')) {
      table = line.slice(1);
      continue;
    }
    if (line.startsWith(':')) {
      const [name, policy, counters] = line.slice(1).split(/\s+/);
      const c = COUNTERS.exec(counters ?? '');
      chains.push({
        family,
        table,
        name: name ?? '',
        policy: policy && policy !== '-' ? policy : null,
        packets: Number(c?.[1] ?? 0),
        bytes: Number(c?.[2] ?? 0),
      });
      continue;
    }
    let words = tokenizeRule(line);
    let packets = 0;
    let bytes = 0;
    const c = COUNTERS.exec(words[0] ?? '');
    if (c) {
      packets = Number(c[1]);
      bytes = Number(c[2]);
      words = words.slice(1);
    }
    if (words[0] !== '-A') continue;
    const parsed = parseRuleWords(words);
    const key = `${table}/${parsed.chain}`;
    const position = (positions.get(key) ?? 0) + 1;
    positions.set(key, position);
    const spec = c ? line.slice(line.indexOf(']') + 1).trimStart() : line;
    rules.push({
      family,
      table,
      chain: parsed.chain,
      position,
      spec,
      target: parsed.target,
      targetArgs: parsed.targetArgs.join(' '),
      toDestination: optionValue(parsed.targetArgs, '--to-destination', '--to', '--to-source', '--to-ports'),
      match: parsed.match,
      packets,
      bytes,
    });
  }
  return { chains, rules };
}
