// One interface where it lives now: name, place, state, addresses, MTU, and what can be done
// with it when Bridgeport made it (up/down; Move when it is a veth end in the host).
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Link } from '../../../../shared/model';
import { LinkStateButton } from './LinkStateButton';
import { placeLabel, type MoveTargets, type Place } from './link-places';
import { usePlaceWords } from './place-words';
import { MoveLinkButton } from './MoveLinkButton';

interface Props {
  link: Link;
  place: Place;
  /** Show where it is (in the made table; a namespace's own list knows). */
  showPlace?: boolean;
  /** Bridgeport made it: it can be set up or down here. */
  changeable: boolean;
  /** Given when it can be moved: the move form's choices. */
  move?: { links: string[]; targets: MoveTargets };
  onChanged: () => void;
  /** Test id suffix: the link's name, or `${namespace}-${link}`. */
  id: string;
}

export function LinkLine({ link, place, showPlace = false, changeable, move, onChanged, id }: Props) {
  const { t } = useTranslation('namespaces');
  const placeWords = usePlaceWords();
  return (
    <Group gap={6} wrap="nowrap" data-testid={`link-${id}`} data-place={placeLabel(place)} data-up={link.up ? 'true' : 'false'}>
      <Text size="sm" ff="monospace" fw={500} translate="no">
        {link.name}
      </Text>
      {showPlace && (
        <Text size="xs" c="dimmed" data-testid={`link-place-${id}`}>
          {t('place.in', { place: placeWords(place) })}
        </Text>
      )}
      <Badge size="xs" variant="light" color={link.up ? 'teal' : 'gray'}>
        {link.up ? t('link.up') : t('link.down')}
      </Badge>
      <Text size="xs" ff="monospace" translate="no">
        {link.addresses.join(', ')}
      </Text>
      <Text size="xs" c="dimmed">
        {link.master ? t('link.onMaster', { master: link.master, mtu: link.mtu }) : t('link.mtu', { mtu: link.mtu })}
      </Text>
      {changeable && <LinkStateButton name={link.name} place={place} up={link.up} onChanged={onChanged} data-testid={`link-state-${id}`} />}
      {move && <MoveLinkButton link={link.name} links={move.links} targets={move.targets} onMoved={onChanged} data-testid={`move-link-${id}`} />}
    </Group>
  );
}
