// Where a link is, in the window's language ("host", "container web" …); placeLabel stays the
// language-neutral key the view and its tests match on.
import { useTranslation } from 'react-i18next';
import type { Place } from './link-places';

export function usePlaceWords(): (place: Place) => string {
  const { t } = useTranslation('namespaces');
  return (place) => (place.kind === 'host' ? t('place.host') : t(`place.${place.kind}`, { name: place.name }));
}
