// Packet path: ask where a new connection goes, see each step and the topology lit up along it.
import { Alert, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saidOf } from '../../../../shared/errors';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { Message } from '../../../../shared/message';
import type { Snapshot } from '../../../../shared/model';
import type { PathResult } from '../../../../shared/path-model';
import { TRACE_TIMEOUT_DEFAULT_S, type KernelTraceResult } from '../../../../shared/trace-model';
import { api } from '../../api/api';
import { EngineText } from '../../i18n/EngineText';
import { TopologyView } from '../topology/TopologyView';
import { PathForm, type PathSource } from './PathForm';
import { PathSteps } from './PathSteps';
import { KernelTrace } from './KernelTrace';
import type { PathTarget } from './parse-target';

/** The address a LAN peer would use: the first IPv4 address of a physical NIC or the uplink. */
function hostAddressOf(snapshot: Snapshot): string | null {
  const candidates = snapshot.links.filter((l) => l.kind === 'physical' || (l.kind === 'veth' && !l.master && !l.peer?.containerId));
  for (const link of candidates) {
    const v4 = link.addresses.find((a) => /^\d+\.\d+\.\d+\.\d+\//.test(a));
    if (v4) return v4.split('/')[0]!;
  }
  return null;
}

export function PathView({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation('path');
  const [ports, setPorts] = useState<PublishedPort[]>([]);
  const [result, setResult] = useState<PathResult | null>(null);
  const [error, setError] = useState<{ text: string; said: Message | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [kernel, setKernel] = useState<KernelTraceResult | null>(null);
  const [kernelBusy, setKernelBusy] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void api.invoke('ports.get', {}).then((p) => alive && setPorts(p), () => undefined);
    return () => {
      alive = false;
    };
  }, []);

  const trace = (target: PathTarget, from: PathSource) => {
    setBusy(true);
    api.invoke('path.trace', { ...target, from }).then(
      (r) => {
        setResult(r);
        setKernel(null);
        setError(null);
        setBusy(false);
      },
      (e: Error) => {
        setError({ text: e.message, said: saidOf(e) ?? null });
        setBusy(false);
      },
    );
  };

  const traceInKernel = (target: PathTarget, from: PathSource) => {
    setKernelBusy(from === 'lan' ? t('waitingLan', { seconds: TRACE_TIMEOUT_DEFAULT_S, target: `${target.destination}:${target.port}` }) : t('sendingProbe'));
    api.invoke('path.kernelTrace', { ...target, from, timeoutSeconds: TRACE_TIMEOUT_DEFAULT_S }).then(
      (r) => {
        setKernel(r);
        setResult(r.computed);
        setError(null);
        setKernelBusy(null);
      },
      (e: Error) => {
        setError({ text: e.message, said: saidOf(e) ?? null });
        setKernelBusy(null);
      },
    );
  };

  const highlight = useMemo(() => new Set(result?.steps.flatMap((s) => s.nodeIds) ?? []), [result]);

  return (
    <Stack p="sm" gap="sm" h="100%" data-testid="path-view">
      <PathForm ports={ports} containers={snapshot.containers} busy={busy} hostAddress={hostAddressOf(snapshot)} onTrace={trace} onKernelTrace={traceInKernel} kernelBusy={kernelBusy !== null} />
      {kernelBusy && (
        <Alert color="blue" variant="light" data-testid="kernel-trace-waiting">
          {kernelBusy}
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="path-error">
          <EngineText text={error.text} message={error.said} />
        </Alert>
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, gap: 12 }}>
        <ScrollArea style={{ width: 540, flexShrink: 0 }} data-testid="path-results">
          {kernel && (
            <Stack gap={4} mb="md">
              <Title order={5}>{t('kernelTitle')}</Title>
              <KernelTrace trace={kernel} />
              <Title order={5} mt="sm">
                {t('computedTitle')}
              </Title>
            </Stack>
          )}
          {result ? <PathSteps result={result} /> : <Text c="dimmed">{t('hint')}</Text>}
        </ScrollArea>
        {/* React Flow needs a parent with a real height. */}
        <div style={{ flex: 1, minHeight: 420, height: '100%' }} data-testid="path-topology">
          <TopologyView snapshot={snapshot} onSelect={() => undefined} highlight={highlight} />
        </div>
      </div>
    </Stack>
  );
}
