// A rule's or chain's owner as a tag: the engines' names are data, "other" is a word.
import { useTranslation } from 'react-i18next';
import type { RuleOwner } from '../../../../shared/firewall-model';

export function OwnerTag({ owner }: { owner: RuleOwner }) {
  const { t } = useTranslation('nat');
  return owner === 'other' ? (
    <span className="bp-tag bp-tag-other">{t('owner.other')}</span>
  ) : (
    <span className={`bp-tag bp-tag-${owner}`} translate="no">
      {owner}
    </span>
  );
}
