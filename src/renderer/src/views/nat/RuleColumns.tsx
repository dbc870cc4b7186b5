// The rule tables' columns. Every chain is its own <table>; fixed widths line them all up under
// the one header at the top of the list.
import { useTranslation } from 'react-i18next';

export function RuleColumns() {
  return (
    <colgroup>
      <col style={{ width: 56 }} />
      <col style={{ width: 96 }} />
      <col style={{ width: 96 }} />
      <col style={{ width: 130 }} />
      <col style={{ width: 120 }} />
      <col />
    </colgroup>
  );
}

export function RuleColumnsHeader() {
  const { t } = useTranslation('nat');
  return (
    <table className="bp-rules bp-rules-header">
      <RuleColumns />
      <thead>
        <tr>
          <th className="bp-num">#</th>
          <th className="bp-num">{t('columns.packets')}</th>
          <th className="bp-num">{t('columns.bytes')}</th>
          <th>{t('columns.owner')}</th>
          <th>{t('columns.container')}</th>
          <th>{t('columns.rule')}</th>
        </tr>
      </thead>
    </table>
  );
}
