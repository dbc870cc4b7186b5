// Set a link up or down where it lives; a refusal is shown beside the button.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';
import { placeInput, type Place } from './link-places';

interface Props {
  name: string;
  place: Place;
  up: boolean;
  onChanged: () => void;
  'data-testid': string;
}

export function LinkStateButton({ name, place, up, onChanged, 'data-testid': testId }: Props) {
  const { t } = useTranslation('namespaces');
  const action = useEngineAction();
  const where = placeInput(place);
  const toggle = async () => {
    if (await action.run(() => api.invoke('links.setState', { link: name, ...(where ? { in: where } : {}), up: !up }))) onChanged();
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="default" loading={action.busy} onClick={() => void toggle()} data-testid={testId}>
        {up ? t('link.setDown') : t('link.setUp')}
      </Button>
      <EngineErrorText failure={action.failure} testId={`${testId}-error`} />
    </Group>
  );
}
