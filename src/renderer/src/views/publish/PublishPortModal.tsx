// The publish form in a modal. It cannot be closed while the engine is working on the request.
import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingStatus } from '../../../../shared/publish-model';
import { PublishPortForm, type PublishSource } from './PublishPortForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  snapshot: PublishSource;
  container?: string | null;
  onPublished: (status: MappingStatus) => void;
}

export function PublishPortModal({ opened, onClose, snapshot, container, onPublished }: Props) {
  const { t } = useTranslation('publish');
  const [busy, setBusy] = useState(false);
  const close = () => {
    if (!busy) onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={container ? t('modalTitleOf', { container }) : t('modalTitle')}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      size="lg"
    >
      {/* Modal content is unmounted when closed: every opening starts from an empty form. */}
      <div data-testid="publish-modal">
        <PublishPortForm
          snapshot={snapshot}
          container={container ?? null}
          busy={busy}
          onBusyChange={setBusy}
          onCancel={close}
          onPublished={(status) => {
            onPublished(status);
            onClose();
          }}
        />
      </div>
    </Modal>
  );
}
