// "Create network": the button and its form in a modal.
import { Button } from '@mantine/core';
import { useState } from 'react';
import type { Link } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { BusyModal } from '../../components/BusyModal';
import { CreateNetworkForm } from './CreateNetworkForm';

export function CreateNetworkButton({ links, onCreated }: { links: readonly Link[]; onCreated: (network: NetworkDetail) => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="create-network">
        Create network
      </Button>
      <BusyModal opened={opened} onClose={() => setOpened(false)} title="Create a Docker network" size="xl" data-testid="network-modal">
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
