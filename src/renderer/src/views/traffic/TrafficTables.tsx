// The tables of the Traffic view: top talkers, interfaces, published ports, busiest NAT rules.
import { Table, Text } from '@mantine/core';
import type { TrafficSample } from '../../../../shared/traffic-model';
import { formatBytes, formatRate, rxTx, topTalkers } from './traffic-format';

export function TopTalkers({ sample, onPick }: { sample: TrafficSample; onPick: (id: string) => void }) {
  const rows = topTalkers(sample.containers);
  if (rows.length === 0) return <Text c="dimmed">No container traffic seen (container veths are matched as root).</Text>;
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-top">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Container</Table.Th>
          <Table.Th>Now (received ↓ sent ↑)</Table.Th>
          <Table.Th>Since {new Date(sample.since).toLocaleTimeString([], { hour12: false })}</Table.Th>
          <Table.Th>Interfaces</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.container.id} data-testid={`traffic-row-${c.container.name}`} onClick={() => onPick(c.container.id)} style={{ cursor: 'pointer' }}>
            <Table.Td>{c.container.name}</Table.Td>
            <Table.Td data-testid={`traffic-rate-${c.container.name}`}>{rxTx(c.rxRate, c.txRate)}</Table.Td>
            <Table.Td>
              {formatBytes(c.rxSinceStart)} ↓ {formatBytes(c.txSinceStart)} ↑
            </Table.Td>
            <Table.Td>{c.interfaces.join(', ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function InterfacesTable({ sample }: { sample: TrafficSample }) {
  const rows = [...sample.interfaces].sort((a, b) => b.rxRate + b.txRate - (a.rxRate + a.txRate) || a.name.localeCompare(b.name));
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-interfaces">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Interface</Table.Th>
          <Table.Th>Container · network · inside</Table.Th>
          <Table.Th>Rate</Table.Th>
          <Table.Th>Packets/s</Table.Th>
          <Table.Th>Totals</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((i) => (
          <Table.Tr key={i.name}>
            <Table.Td ff="monospace">{i.name}</Table.Td>
            <Table.Td>{i.container ? `${i.container.name} · ${i.network ?? '?'} · ${i.containerInterface ?? '?'}` : 'host'}</Table.Td>
            <Table.Td>{rxTx(i.rxRate, i.txRate)}</Table.Td>
            <Table.Td>
              {i.rxPacketRate.toFixed(0)} ↓ {i.txPacketRate.toFixed(0)} ↑
            </Table.Td>
            <Table.Td>
              {formatBytes(i.rxBytes)} ↓ {formatBytes(i.txBytes)} ↑
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PortsAndRules({ sample }: { sample: TrafficSample }) {
  return (
    <>
      <Table striped verticalSpacing={2} data-testid="traffic-ports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Published port</Table.Th>
            <Table.Th>Container</Table.Th>
            <Table.Th>Connections</Table.Th>
            <Table.Th>New per second</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sample.ports.map((p) => (
            <Table.Tr key={`${p.hostIp}:${p.hostPort}/${p.protocol}`}>
              <Table.Td ff="monospace">
                {p.hostIp || '*'}:{p.hostPort}/{p.protocol}
              </Table.Td>
              <Table.Td>{p.container.name}</Table.Td>
              <Table.Td>{p.connections}</Table.Td>
              <Table.Td>{p.connectionRate.toFixed(1)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table striped verticalSpacing={2} data-testid="traffic-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>NAT/filter rule moving now</Table.Th>
            <Table.Th>Packets/s</Table.Th>
            <Table.Th>Bytes/s</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sample.rules.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td ff="monospace" fz="xs">
                {r.table} {r.spec}
              </Table.Td>
              <Table.Td>{r.packetRate.toFixed(1)}</Table.Td>
              <Table.Td>{formatRate(r.byteRate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
