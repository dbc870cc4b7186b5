// "Publish port": the button, its form in a modal, and the confirmation once the engine has done it.
import { Button, type ButtonProps } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publishedSentence } from './describe-mapping';
import type { PublishSource } from './PublishPortForm';
import { PublishPortModal } from './PublishPortModal';
import { PublishedNotice } from './PublishedNotice';
import { useSay } from '../../i18n/say';

interface Props extends Pick<ButtonProps, 'size' | 'variant'> {
  snapshot: PublishSource;
  /** Preselects this container in the form. */
  container?: string;
  'data-testid'?: string;
}

export function PublishPortButton({ snapshot, container, size = 'sm', variant = 'filled', 'data-testid': testId = 'publish-port' }: Props) {
  const { t } = useTranslation('publish');
  const say = useSay('publish');
  const [opened, setOpened] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const hideNotice = useCallback(() => setNotice(null), []);
  return (
    <>
      <Button size={size} variant={variant} onClick={() => setOpened(true)} data-testid={testId}>
        {t('button')}
      </Button>
      <PublishPortModal
        opened={opened}
        onClose={() => setOpened(false)}
        snapshot={snapshot}
        container={container ?? null}
        onPublished={(status) => setNotice(publishedSentence(status, say))}
      />
      {notice && <PublishedNotice message={notice} onClose={hideNotice} />}
    </>
  );
}
