// The header's view switcher: Topology | Networks | Namespaces | Ports | NAT | Traffic | Flows | Packet path | DNS | Doctor.
import { Tabs } from '@mantine/core';
import { viewNames, type ViewName } from './use-current-view';

const labels: Record<ViewName, string> = {
  topology: 'Topology',
  networks: 'Networks',
  namespaces: 'Namespaces',
  ports: 'Ports',
  nat: 'NAT',
  traffic: 'Traffic',
  flows: 'Flows',
  path: 'Packet path',
  dns: 'DNS',
  doctor: 'Doctor',
};

export function ViewTabs({ view, onChange }: { view: ViewName; onChange: (view: ViewName) => void }) {
  return (
    <Tabs value={view} onChange={(v) => v && onChange(v as ViewName)} variant="pills" radius="md">
      <Tabs.List>
        {viewNames.map((name) => (
          <Tabs.Tab key={name} value={name} data-testid={`tab-${name}`}>
            {labels[name]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
