// The question: a destination (typed, or a published port picked) and where the packet comes from.
import { Button, Group, Select, SegmentedControl, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
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
    if (typeof target === 'string') return setError(target);
    if (source === 'container' && !container) return setError('Pick the container the packet comes from');
    setError(null);
    ask(target, source === 'container' ? { container: container! } : source);
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Published port"
        placeholder="pick one"
        data={props.ports.map((p) => ({ value: `${p.hostIp}:${p.hostPort}/${p.protocol}`, label: `${p.hostIp}:${p.hostPort}/${p.protocol} → ${p.container.name}` }))}
        onChange={pickPort}
        w={260}
        data-testid="path-port"
        clearable
      />
      <TextInput
        label="Destination"
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
          { value: 'lan', label: 'From the LAN' },
          { value: 'host', label: 'From this host' },
          { value: 'container', label: 'From a container' },
        ]}
        data-testid="path-from"
      />
      {source === 'container' && (
        <Select placeholder="container" data={running.map((c) => c.name)} value={container} onChange={setContainer} w={180} data-testid="path-container" />
      )}
      <Button onClick={() => submit()} loading={props.busy} data-testid="path-trace">
        Trace
      </Button>
      <Tooltip label={source === 'lan' ? 'Waits for a real packet from the LAN and shows what the kernel did with it' : 'Sends one probe and shows what the kernel did with it'}>
        <Button variant="light" onClick={() => submit(props.onKernelTrace)} loading={props.kernelBusy} data-testid="path-kernel-trace">
          Trace in the kernel
        </Button>
      </Tooltip>
    </Group>
  );
}
