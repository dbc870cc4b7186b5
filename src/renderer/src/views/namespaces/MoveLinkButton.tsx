// "Move…": an interface into a namespace or a running container, through the move form in a modal.
import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyModal } from '../../components/BusyModal';
import type { MoveTargets } from './link-places';
import { MoveLinkForm } from './MoveLinkForm';

interface Props extends Pick<ButtonProps, 'size' | 'variant'> {
  /** Preselected interface; null lets the user pick. */
  link: string | null;
  links: string[];
  targets: MoveTargets;
  onMoved: () => void;
  label?: string;
  'data-testid': string;
}

export function MoveLinkButton({ link, links, targets, onMoved, label, size = 'compact-xs', variant = 'light', 'data-testid': testId }: Props) {
  const { t } = useTranslation('namespaces');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={size} variant={variant} onClick={() => setOpened(true)} disabled={links.length === 0} data-testid={testId}>
        {label ?? t('move.button')}
      </Button>
      <BusyModal opened={opened} onClose={() => setOpened(false)} title={link ? t('move.title', { link }) : t('move.titleAny')} data-testid="move-modal">
        {({ onBusyChange, cancel, done }) => (
          <MoveLinkForm
            link={link}
            links={links}
            targets={targets}
            onBusyChange={onBusyChange}
            onCancel={cancel}
            onMoved={() => {
              onMoved();
              done();
            }}
          />
        )}
      </BusyModal>
    </>
  );
}
