// One chain: a header with its policy and counters that folds the rule table away. A huge chain
// shows its rules a page at a time: thousands of rows cost seconds of layout.
import { useState } from 'react';
import type { FirewallRule } from '../../../../shared/firewall-model';
import { formatBytes, formatPackets } from '../../format/counters';
import { plural } from '../../format/plural';
import type { ChainGroup } from './group-rules';
import { RuleColumns } from './RuleColumns';
import { RuleRow } from './RuleRow';

interface Props {
  group: ChainGroup;
  open: boolean;
  onToggle: (key: string) => void;
  isNew: (rule: FirewallRule) => boolean;
  before: ReadonlyMap<string, { packets: number; bytes: number }>;
}

const PAGE = 300;

function chainSummary({ chain, rules }: ChainGroup): string {
  const count = plural(rules.length, 'rule');
  // Only built-in chains have a policy, and only the policy has counters worth showing.
  if (chain.policy === null) return `user chain · ${count}`;
  return `policy ${chain.policy} · ${formatPackets(chain.packets)} packets, ${formatBytes(chain.bytes)} by policy · ${count}`;
}

export function ChainSection({ group, open, onToggle, isNew, before }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const newCount = open ? 0 : group.rules.filter(isNew).length;
  const hidden = group.rules.length - limit;
  return (
    <div className="bp-chain" data-testid={`nat-chain-${group.key}`}>
      <button type="button" className="bp-chain-header" onClick={() => onToggle(group.key)} aria-expanded={open}>
        <span>{open ? '▾' : '▸'}</span>
        <span className="bp-chain-name">{group.chain.name}</span>
        <span className="bp-chain-meta">{chainSummary(group)}</span>
        {group.chain.owner !== 'other' && <span className={`bp-tag bp-tag-${group.chain.owner}`}>{group.chain.owner}</span>}
        {newCount > 0 && <span className="bp-tag bp-tag-new">{newCount} new</span>}
      </button>
      {open && group.rules.length > 0 && (
        <table className="bp-rules">
          <RuleColumns />
          <tbody>
            {group.rules.slice(0, limit).map((rule) => (
              <RuleRow key={rule.id} rule={rule} isNew={isNew(rule)} before={before.get(rule.id)} />
            ))}
          </tbody>
        </table>
      )}
      {open && hidden > 0 && (
        <button type="button" className="bp-chain-more" onClick={() => setLimit((l) => l + PAGE * 3)}>
          Show {Math.min(hidden, PAGE * 3)} more of the {hidden} remaining rules
        </button>
      )}
    </div>
  );
}
