// "Connect container" on a network's row, and its form in a modal.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../shared/network-model';
import { BusyModal } from '../../components/BusyModal';
import { ConnectContainerForm } from './ConnectContainerForm';

interface Props {
  network: NetworkDetail;
  offered: string[];
  onConnected: () => void;
}

export function ConnectContainerButton({ network, offered, onConnected }: Props) {
  const { t } = useTranslation('networks');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpened(true)} data-testid={`connect-${network.name}`}>
        {t('connect.button')}
      </Button>
      <BusyModal opened={opened} onClose={() => setOpened(false)} title={t('connect.title', { network: network.name })} size="md" data-testid="connect-modal">
        {({ onBusyChange, cancel, done }) => (
          <ConnectContainerForm
            network={network}
            offered={offered}
            onBusyChange={onBusyChange}
            onCancel={cancel}
            onConnected={() => {
              onConnected();
              done();
            }}
          />
        )}
      </BusyModal>
    </>
  );
}
