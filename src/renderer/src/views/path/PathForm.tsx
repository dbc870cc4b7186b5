// The question: a destination (typed, or a published port picked) and where the packet comes from.
import { Button, Group, Select, SegmentedControl, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { Container } from '../../../../shared/model';
import { parseTarget, type PathTarget } from './parse-target';

export type PathSource = 'lan' | 'host' | { container: string };

export function PathForm(props: {
  ports: PublishedPort[];
  containers: Container[];
  busy: boolean;
  hostAddress: string | null;
  onTrace: (target: PathTarget, from: PathSource) => void;
  /** The same question, answered by the kernel with a real packet (needs administrator rights). */
  onKernelTrace: (target: PathTarget, from: PathSource) => void;
  kernelBusy: boolean;
}) {
  const { t } = useTranslation('path');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState<'lan' | 'host' | 'container'>('lan');
  const [container, setContainer] = useState<string | null>(null);
  const running = props.containers.filter((c) => c.pid !== null);

  const pickPort = (key: string | null) => {
    const port = props.ports.find((p) => `${p.hostIp}:${p.hostPort}/${p.protocol}` === key);
    if (!port) return;
    // 0.0.0.0 means every address: ask for the host's own address, as a LAN peer would use it.
    const ip = port.hostIp === '0.0.0.0' ? (props.hostAddress ?? '127.0.0.1') : port.hostIp;
    setText(`${ip}:${port.hostPort}/${port.protocol}`);
    setError(null);
  };

  const submit = (ask: typeof props.onTrace = props.onTrace) => {
    const target = parseTarget(text);
    if (typeof target === 'string') return setError(t('form.badTarget'));
    if (source === 'container' && !container) return setError(t('form.pickContainer'));
    setError(null);
    ask(target, source === 'container' ? { container: container! } : source);
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('form.publishedPort')}
        placeholder={t('form.pickOne')}
        data={props.ports.map((p) => ({ value: `${p.hostIp}:${p.hostPort}/${p.protocol}`, label: `${p.hostIp}:${p.hostPort}/${p.protocol} → ${p.container.name}` }))}
        onChange={pickPort}
        w={260}
        data-testid="path-port"
        clearable
      />
      <TextInput
        label={t('form.destination')}
        placeholder="ip:port[/udp]"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && submit()}
        error={error}
        w={220}
        data-testid="path-destination"
      />
      <SegmentedControl
        value={source}
        onChange={(v) => setSource(v as typeof source)}
        data={[
          { value: 'lan', label: t('form.fromLan') },
          { value: 'host', label: t('form.fromHost') },
          { value: 'container', label: t('form.fromContainer') },
        ]}
        data-testid="path-from"
      />
      {source === 'container' && (
        <Select placeholder={t('form.container')} data={running.map((c) => c.name)} value={container} onChange={setContainer} w={180} data-testid="path-container" />
      )}
      <Button onClick={() => submit()} loading={props.busy} data-testid="path-trace">
        {t('form.trace')}
      </Button>
      <Tooltip label={source === 'lan' ? t('form.kernelTipLan') : t('form.kernelTipProbe')}>
        <Button variant="light" onClick={() => submit(props.onKernelTrace)} loading={props.kernelBusy} data-testid="path-kernel-trace">
          {t('form.kernelTrace')}
        </Button>
      </Tooltip>
    </Group>
  );
}
