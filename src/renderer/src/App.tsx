// The window: header with the view tabs and Docker status, then the chosen view. The topology
// keeps the details of the selection beside it; the other views use the full width.
import { ActionIcon, AppShell, Badge, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SettingsDrawer } from './settings/SettingsDrawer';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { PublishedPort } from '../../shared/firewall-model';
import { useSnapshot } from './api/use-snapshot';
import { engineBadges } from './components/engine-labels';
import { PrivilegeBanner } from './components/PrivilegeBanner';
import { StatusAlerts } from './components/StatusAlerts';
import { DnsView, DoctorView, FlowsView, NamespacesView, NatView, NetworksView, PathView, PortsView, TrafficView, prefetchViews } from './navigation/lazy-views';
import { useCurrentView } from './navigation/use-current-view';
import { ViewLoadBoundary } from './navigation/ViewLoadBoundary';
import { ViewTabs } from './navigation/ViewTabs';
import { DetailsPanel } from './views/details/DetailsPanel';
import type { RuleFocus } from './views/nat/rule-focus';
import { hostAddress } from './views/ports/port-identity';
import { TopologyView } from './views/topology/TopologyView';
import type { Selection } from './views/topology/selection';

export function App() {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { snapshot, error, connected } = useSnapshot();
  const [selection, setSelection] = useState<Selection>(null);
  const [view, setView] = useCurrentView();
  const [ruleFocus, setRuleFocus] = useState<RuleFocus | null>(null);
  // The other views' code, once the first one is on screen.
  const painted = snapshot !== null;
  useEffect(() => {
    if (painted) prefetchViews();
  }, [painted]);
  const showRulesOf = useCallback(
    (port: PublishedPort) => {
      setRuleFocus({ label: `${hostAddress(port)} → ${port.container.name}`, ruleIds: port.ruleIds });
      setView('nat');
    },
    [setView],
  );
  const switchView = useCallback(
    (next: typeof view) => {
      // A focus belongs to the click that made it; coming back to NAT by its tab shows everything.
      setRuleFocus(null);
      setView(next);
    },
    [setView],
  );

  return (
    <AppShell
      header={{ height: 52 }}
      aside={{ width: 360, breakpoint: 0, collapsed: { desktop: view !== 'topology', mobile: view !== 'topology' } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={3} translate="no">
              Bridgeport
            </Title>
            <ViewTabs view={view} onChange={switchView} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {snapshot && (
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" c="dimmed" translate="no">
                  {snapshot.host.hostname}
                </Text>
                {engineBadges(snapshot).map((b, i) => (
                  <Badge key={b.key} color={b.available ? 'teal' : 'orange'} data-testid={i === 0 ? 'docker-badge' : `engine-badge-${i}`}>
                    <span translate="no">{b.name}</span>
                    {b.note && ` ${t(`header.engine.${b.note}`)}`}
                  </Badge>
                ))}
                <Badge variant="light">{t('header.containers', { count: snapshot.containers.length })}</Badge>
              </Group>
            )}
            <ActionIcon variant="subtle" size="lg" onClick={() => setSettingsOpen(true)} aria-label={t('header.settings')} data-testid="open-settings">
              <span aria-hidden style={{ fontSize: 18 }}>
                ⚙
              </span>
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>
      <SettingsDrawer opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <AppShell.Aside p="sm">
        <ScrollArea h="100%">
          <DetailsPanel selection={selection} snapshot={snapshot} />
        </ScrollArea>
      </AppShell.Aside>
      <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <PrivilegeBanner />
        {error && <Text c="red">{error}</Text>}
        {!snapshot && !error && <Loader m="xl" />}
        {snapshot && (
          <>
            <div style={{ padding: 8 }}>
              <StatusAlerts snapshot={snapshot} connected={connected} />
            </div>
            {/* A view opened before its code arrived (lazy-views) shows a loader meanwhile; one whose code
                could not be loaded says so in its place (per view: another tab still opens). */}
            <ViewLoadBoundary key={view}>
              <Suspense fallback={<Loader m="xl" />}>
                {view === 'topology' && (
                  <div style={{ flex: 1, minHeight: 400 }} data-testid="topology">
                    <TopologyView snapshot={snapshot} onSelect={setSelection} />
                  </div>
                )}
                {view === 'networks' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <NetworksView snapshot={snapshot} />
                  </div>
                )}
                {view === 'namespaces' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <NamespacesView snapshot={snapshot} />
                  </div>
                )}
                {view === 'ports' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <PortsView snapshot={snapshot} onShowRules={showRulesOf} />
                  </div>
                )}
                {view === 'path' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <PathView snapshot={snapshot} />
                  </div>
                )}
                {view === 'nat' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <NatView focus={ruleFocus} onClearFocus={() => setRuleFocus(null)} />
                  </div>
                )}
                {view === 'traffic' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <TrafficView />
                  </div>
                )}
                {view === 'flows' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <FlowsView />
                  </div>
                )}
                {view === 'dns' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <DnsView />
                  </div>
                )}
                {view === 'doctor' && (
                  <div style={{ flex: 1, minHeight: 0 }}>
                    <DoctorView />
                  </div>
                )}
              </Suspense>
            </ViewLoadBoundary>
          </>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
