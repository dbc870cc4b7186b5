// One chain: a header with its policy and counters that folds the rule table away. A huge chain
// shows its rules a page at a time: thousands of rows cost seconds of layout.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FirewallRule } from '../../../../shared/firewall-model';
import { formatBytes, formatPackets } from '../../format/counters';
import type { ChainGroup } from './group-rules';
import { OwnerTag } from './OwnerTag';
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

function chainSummary({ chain, rules }: ChainGroup, t: TFunction<'nat'>): string {
  const count = t('rules', { count: rules.length });
  // Only built-in chains have a policy, and only the policy has counters worth showing.
  if (chain.policy === null) return t('chain.user', { rules: count });
  return t('chain.policy', { policy: chain.policy, packets: formatPackets(chain.packets), bytes: formatBytes(chain.bytes), rules: count });
}

export function ChainSection({ group, open, onToggle, isNew, before }: Props) {
  const { t } = useTranslation('nat');
  const [limit, setLimit] = useState(PAGE);
  const newCount = open ? 0 : group.rules.filter(isNew).length;
  const hidden = group.rules.length - limit;
  return (
    <div className="bp-chain" data-testid={`nat-chain-${group.key}`}>
      <button type="button" className="bp-chain-header" onClick={() => onToggle(group.key)} aria-expanded={open}>
        <span>{open ? '▾' : '▸'}</span>
        <span className="bp-chain-name" translate="no">
          {group.chain.name}
        </span>
        <span className="bp-chain-meta">{chainSummary(group, t)}</span>
        {group.chain.owner !== 'other' && <OwnerTag owner={group.chain.owner} />}
        {newCount > 0 && <span className="bp-tag bp-tag-new">{t('chain.new', { count: newCount })}</span>}
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
          {t('chain.more', { shown: Math.min(hidden, PAGE * 3), hidden })}
        </button>
      )}
    </div>
  );
}
