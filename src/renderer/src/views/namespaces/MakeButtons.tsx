// "New namespace", "New bridge", "New veth pair": each opens its form in a modal.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { BusyModal } from '../../components/BusyModal';
import { CreateBridgeForm } from './CreateBridgeForm';
import { CreateNetnsForm } from './CreateNetnsForm';
import { CreateVethForm } from './CreateVethForm';

type Kind = 'netns' | 'bridge' | 'veth';

const titles: Record<Kind, string> = { netns: 'New network namespace', bridge: 'New bridge', veth: 'New veth pair' };

export function MakeButtons({ bridges, onMade }: { bridges: string[]; onMade: () => void }) {
  const [open, setOpen] = useState<Kind | null>(null);
  return (
    <Group gap="sm">
      <Button variant="light" onClick={() => setOpen('netns')} data-testid="create-netns">
        New namespace
      </Button>
      <Button variant="light" onClick={() => setOpen('bridge')} data-testid="create-bridge">
        New bridge
      </Button>
      <Button variant="light" onClick={() => setOpen('veth')} data-testid="create-veth">
        New veth pair
      </Button>
      <BusyModal opened={open !== null} onClose={() => setOpen(null)} title={open ? titles[open] : ''} size="md" data-testid={`${open ?? 'make'}-modal`}>
        {({ onBusyChange, cancel, done }) => {
          const props = {
            onBusyChange,
            onCancel: cancel,
            onMade: () => {
              onMade();
              done();
            },
          };
          if (open === 'netns') return <CreateNetnsForm {...props} />;
          if (open === 'bridge') return <CreateBridgeForm {...props} />;
          return <CreateVethForm {...props} bridges={bridges} />;
        }}
      </BusyModal>
    </Group>
  );
}
