// A view whose code could not be loaded, even after retrying (retry-import.ts), says so in its place
// with a way out, instead of taking the whole window down with it (React unmounts a tree whose
// render threw and nothing caught it).
import { Alert, Button, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function LoadFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" m="md" title={t('viewLoad.title')} data-testid="view-load-failed">
      <Text size="sm">{t('viewLoad.detail', { reason })}</Text>
      <Button mt="sm" size="xs" onClick={() => window.location.reload()}>
        {t('viewLoad.reload')}
      </Button>
    </Alert>
  );
}

interface State {
  failure: string | null;
}

export class ViewLoadBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failure: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failure: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.failure !== null ? <LoadFailed reason={this.state.failure} /> : this.props.children;
  }
}
