// The tables of the Traffic view: top talkers, interfaces, published ports, busiest NAT rules.
// Each is always there (with its test id), saying so when it has no rows.
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TrafficSample } from '../../../../shared/traffic-model';
import { busiestInterfaces, formatBytes, formatPerSecond, formatRate, interfacePlace, portLabel, ruleBody, rxTx, topTalkers } from './traffic-format';

function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

const sinceTime = (since: string) => new Date(since).toLocaleTimeString([], { hour12: false });

export function TopTalkers({ sample, selected, onPick }: { sample: TrafficSample; selected: string | null; onPick: (id: string) => void }) {
  const rows = topTalkers(sample.containers);
  return (
    <Table striped highlightOnHover verticalSpacing={2} data-testid="traffic-top">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Container</Table.Th>
          <Table.Th>Now (received ↓ sent ↑)</Table.Th>
          <Table.Th>Since {sinceTime(sample.since)}</Table.Th>
          <Table.Th>Interfaces</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow columns={4}>No container traffic seen yet.</EmptyRow>}
        {rows.map((c) => (
          <Table.Tr
            key={c.container.id}
            data-testid={`traffic-row-${c.container.name}`}
            onClick={() => onPick(c.container.id)}
            style={{ cursor: 'pointer' }}
            fw={c.container.id === selected ? 600 : undefined}
            title="Show in the chart"
          >
            <Table.Td>{c.container.name}</Table.Td>
            <Table.Td data-testid={`traffic-rate-${c.container.name}`}>{rxTx(c.rxRate, c.txRate)}</Table.Td>
            <Table.Td>
              {formatBytes(c.rxSinceStart)} ↓ {formatBytes(c.txSinceStart)} ↑
            </Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {c.interfaces.join(', ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function InterfacesTable({ sample }: { sample: TrafficSample }) {
  const rows = busiestInterfaces(sample.interfaces);
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-interfaces">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Interface</Table.Th>
          <Table.Th>Container · network · inside</Table.Th>
          <Table.Th>Rate (↓ ↑)</Table.Th>
          <Table.Th>Packets/s (↓ ↑)</Table.Th>
          <Table.Th>Totals (↓ ↑)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow columns={5}>No interfaces.</EmptyRow>}
        {rows.map((i) => (
          <Table.Tr key={i.name} data-testid={`traffic-interface-${i.name}`}>
            <Table.Td ff="monospace">{i.name}</Table.Td>
            <Table.Td>{interfacePlace(i)}</Table.Td>
            <Table.Td>{rxTx(i.rxRate, i.txRate)}</Table.Td>
            <Table.Td>
              {formatPerSecond(i.rxPacketRate)} ↓ {formatPerSecond(i.txPacketRate)} ↑
            </Table.Td>
            <Table.Td>
              {formatBytes(i.rxBytes)} ↓ {formatBytes(i.txBytes)} ↑ ({i.rxPackets.toLocaleString()} ↓ {i.txPackets.toLocaleString()} ↑ packets)
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PortsTable({ sample }: { sample: TrafficSample }) {
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-ports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Published port</Table.Th>
          <Table.Th>Container</Table.Th>
          <Table.Th>Connections</Table.Th>
          <Table.Th>New per second</Table.Th>
          <Table.Th title="Known for ports Bridgeport published, whose rules see every packet; Docker's per-port rule sees only each connection's first packet">
            Bytes in · out
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sample.ports.length === 0 && <EmptyRow columns={5}>No published ports (or the firewall cannot be read without root).</EmptyRow>}
        {sample.ports.map((p) => (
          <Table.Tr key={portLabel(p)} data-testid={`traffic-port-${p.hostPort}-${p.protocol}`}>
            <Table.Td ff="monospace">{portLabel(p)}</Table.Td>
            <Table.Td>{p.container.name}</Table.Td>
            <Table.Td>{p.connections.toLocaleString()}</Table.Td>
            <Table.Td>{formatPerSecond(p.connectionRate)}</Table.Td>
            <Table.Td data-testid={`traffic-port-bytes-${p.hostPort}-${p.protocol}`}>
              {p.bytesToPort === null || p.bytesFromPort === null
                ? '— (Docker does not count them per port)'
                : `${formatBytes(p.bytesToPort)} · ${formatBytes(p.bytesFromPort)} (${rxTx(p.bytesToPortRate ?? 0, p.bytesFromPortRate ?? 0)})`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function RulesTable({ sample }: { sample: TrafficSample }) {
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-rules">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Chain</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Packets/s</Table.Th>
          <Table.Th>Bytes/s</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sample.rules.length === 0 && <EmptyRow columns={4}>No rule counter moved in the last tick.</EmptyRow>}
        {sample.rules.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
              {r.table}/{r.chain}
            </Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {ruleBody(r.chain, r.spec)}
            </Table.Td>
            <Table.Td>{formatPerSecond(r.packetRate)}</Table.Td>
            <Table.Td>{formatRate(r.byteRate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
