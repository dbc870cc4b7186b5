// The header's view switcher: Topology | Networks | Namespaces | Ports | NAT | Traffic | Flows | Packet path | DNS | Doctor.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { viewNames, type ViewName } from './use-current-view';

export function ViewTabs({ view, onChange }: { view: ViewName; onChange: (view: ViewName) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs value={view} onChange={(v) => v && onChange(v as ViewName)} variant="pills" radius="md">
      <Tabs.List>
        {viewNames.map((name) => (
          <Tabs.Tab key={name} value={name} data-testid={`tab-${name}`}>
            {t(`tabs.${name}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
