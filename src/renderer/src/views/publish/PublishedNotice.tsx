// A short confirmation after publishing, at the window's corner; it goes away by itself.
import { Notification, Portal } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const SHOWN_MS = 8000;

export function PublishedNotice({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useTranslation('publish');
  useEffect(() => {
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message, onClose]);
  return (
    <Portal>
      <Notification
        title={t('published')}
        color="teal"
        onClose={onClose}
        withBorder
        role="status"
        style={{ position: 'fixed', right: 16, bottom: 16, width: 380, zIndex: 400 }}
        data-testid="publish-confirmation"
      >
        {message}
      </Notification>
    </Portal>
  );
}
