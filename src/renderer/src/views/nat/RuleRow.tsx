// One rule: where it sits, what it counted, whose it is, what it does in words and as written.
// Plain elements and memoized: only the rows whose counters moved re-render on each tick.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirewallRule } from '../../../../shared/firewall-model';
import { LiveCounter } from '../../components/LiveCounter';
import { formatBytes, formatPackets } from '../../format/counters';
import { EngineText } from '../../i18n/EngineText';
import { OwnerTag } from './OwnerTag';

interface Props {
  rule: FirewallRule;
  isNew: boolean;
  /** The rule's counters one update ago. */
  before: { packets: number; bytes: number } | undefined;
}

function RuleRowView({ rule, isNew, before }: Props) {
  const { t } = useTranslation('nat');
  return (
    <tr
      data-testid={`nat-rule-${rule.id}`}
      data-owner={rule.owner}
      data-new={isNew ? 'true' : undefined}
      className={isNew ? 'bp-rule-new' : undefined}
    >
      <td className="bp-num">{rule.position}</td>
      <td className="bp-num" data-testid={`nat-packets-${rule.id}`} data-value={rule.packets}>
        <LiveCounter value={rule.packets} previous={before?.packets} format={formatPackets} />
      </td>
      <td className="bp-num">
        <LiveCounter value={rule.bytes} previous={before?.bytes} format={formatBytes} />
      </td>
      <td>
        <OwnerTag owner={rule.owner} />
        {isNew && <span className="bp-tag bp-tag-new">{t('new')}</span>}
      </td>
      <td translate="no">{rule.container?.name ?? ''}</td>
      <td>
        <div>
          <EngineText text={rule.explain} message={rule.explainMessage} />
        </div>
        <div className="bp-rule-spec" translate="no">
          {rule.spec}
        </div>
      </td>
    </tr>
  );
}

export const RuleRow = memo(
  RuleRowView,
  (a, b) =>
    a.isNew === b.isNew &&
    a.rule.id === b.rule.id &&
    a.rule.packets === b.rule.packets &&
    a.rule.bytes === b.rule.bytes &&
    a.rule.position === b.rule.position &&
    a.rule.explain === b.rule.explain &&
    a.rule.container?.name === b.rule.container?.name &&
    a.before?.packets === b.before?.packets &&
    a.before?.bytes === b.before?.bytes,
);
