// A modal form that cannot be closed while the engine works on what it asked. Its content is
// unmounted when closed: every opening starts from an empty form.
import { Modal } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';

export interface BusyModalContent {
  onBusyChange: (busy: boolean) => void;
  /** Cancel: closes unless the engine is working. */
  cancel: () => void;
  /** The engine has done it: closes. */
  done: () => void;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: string;
  'data-testid': string;
  children: (content: BusyModalContent) => ReactNode;
}

export function BusyModal({ opened, onClose, title, size = 'lg', 'data-testid': testId, children }: Props) {
  const [busy, setBusy] = useState(false);
  const close = useCallback(() => {
    if (!busy) onClose();
  }, [busy, onClose]);
  return (
    <Modal opened={opened} onClose={close} title={title} closeOnClickOutside={!busy} closeOnEscape={!busy} withCloseButton={!busy} size={size}>
      <div data-testid={testId}>{children({ onBusyChange: setBusy, cancel: close, done: onClose })}</div>
    </Modal>
  );
}
