// "Create network": the button and its form in a modal.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Link } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { BusyModal } from '../../components/BusyModal';
import { CreateNetworkForm } from './CreateNetworkForm';

export function CreateNetworkButton({ links, onCreated }: { links: readonly Link[]; onCreated: (network: NetworkDetail) => void }) {
  const { t } = useTranslation('networks');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="create-network">
        {t('create.button')}
      </Button>
      <BusyModal opened={opened} onClose={() => setOpened(false)} title={t('create.title')} size="xl" data-testid="network-modal">
        {({ onBusyChange, cancel, done }) => (
          <CreateNetworkForm
            links={links}
            onBusyChange={onBusyChange}
            onCancel={cancel}
            onCreated={(network) => {
              onCreated(network);
              done();
            }}
          />
        )}
      </BusyModal>
    </>
  );
}
