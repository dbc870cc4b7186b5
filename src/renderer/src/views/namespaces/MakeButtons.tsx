// "New namespace", "New bridge", "New veth pair": each opens its form in a modal.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyModal } from '../../components/BusyModal';
import { CreateBridgeForm } from './CreateBridgeForm';
import { CreateNetnsForm } from './CreateNetnsForm';
import { CreateVethForm } from './CreateVethForm';

type Kind = 'netns' | 'bridge' | 'veth';

export function MakeButtons({ bridges, onMade }: { bridges: string[]; onMade: () => void }) {
  const { t } = useTranslation('namespaces');
  const [open, setOpen] = useState<Kind | null>(null);
  return (
    <Group gap="sm">
      <Button variant="light" onClick={() => setOpen('netns')} data-testid="create-netns">
        {t('make.netns')}
      </Button>
      <Button variant="light" onClick={() => setOpen('bridge')} data-testid="create-bridge">
        {t('make.bridge')}
      </Button>
      <Button variant="light" onClick={() => setOpen('veth')} data-testid="create-veth">
        {t('make.veth')}
      </Button>
      <BusyModal opened={open !== null} onClose={() => setOpen(null)} title={open ? t(`makeTitle.${open}`) : ''} size="md" data-testid={`${open ?? 'make'}-modal`}>
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
