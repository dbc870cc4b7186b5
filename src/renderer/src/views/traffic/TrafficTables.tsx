// The tables of the Traffic view: top talkers, interfaces, published ports, busiest NAT rules.
// Each is always there (with its test id), saying so when it has no rows.
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/i18n';
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

const sinceTime = (since: string) => new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(since));
const count = (n: number) => new Intl.NumberFormat(currentLocale()).format(n);

export function TopTalkers({ sample, selected, onPick }: { sample: TrafficSample; selected: string | null; onPick: (id: string) => void }) {
  const { t } = useTranslation('traffic');
  const rows = topTalkers(sample.containers);
  return (
    <Table striped highlightOnHover verticalSpacing={2} data-testid="traffic-top">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('top.container')}</Table.Th>
          <Table.Th>{t('top.now')}</Table.Th>
          <Table.Th>{t('top.since', { time: sinceTime(sample.since) })}</Table.Th>
          <Table.Th>{t('top.interfaces')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow columns={4}>{t('top.empty')}</EmptyRow>}
        {rows.map((c) => (
          <Table.Tr
            key={c.container.id}
            data-testid={`traffic-row-${c.container.name}`}
            onClick={() => onPick(c.container.id)}
            style={{ cursor: 'pointer' }}
            fw={c.container.id === selected ? 600 : undefined}
            title={t('top.showInChart')}
          >
            <Table.Td translate="no">{c.container.name}</Table.Td>
            <Table.Td data-testid={`traffic-rate-${c.container.name}`}>{rxTx(c.rxRate, c.txRate)}</Table.Td>
            <Table.Td>
              {formatBytes(c.rxSinceStart)} ↓ {formatBytes(c.txSinceStart)} ↑
            </Table.Td>
            <Table.Td ff="monospace" fz="xs" translate="no">
              {c.interfaces.join(', ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function InterfacesTable({ sample }: { sample: TrafficSample }) {
  const { t } = useTranslation('traffic');
  const rows = busiestInterfaces(sample.interfaces);
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-interfaces">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('interfaces.interface')}</Table.Th>
          <Table.Th>{t('interfaces.place')}</Table.Th>
          <Table.Th>{t('interfaces.rate')}</Table.Th>
          <Table.Th>{t('interfaces.packetRate')}</Table.Th>
          <Table.Th>{t('interfaces.totals')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow columns={5}>{t('interfaces.empty')}</EmptyRow>}
        {rows.map((i) => (
          <Table.Tr key={i.name} data-testid={`traffic-interface-${i.name}`}>
            <Table.Td ff="monospace" translate="no">
              {i.name}
            </Table.Td>
            {i.container ? <Table.Td translate="no">{interfacePlace(i)}</Table.Td> : <Table.Td>{t('interfaces.host')}</Table.Td>}
            <Table.Td>{rxTx(i.rxRate, i.txRate)}</Table.Td>
            <Table.Td>
              {formatPerSecond(i.rxPacketRate)} ↓ {formatPerSecond(i.txPacketRate)} ↑
            </Table.Td>
            <Table.Td>
              {formatBytes(i.rxBytes)} ↓ {formatBytes(i.txBytes)} ↑ {t('interfaces.packets', { rx: count(i.rxPackets), tx: count(i.txPackets) })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PortsTable({ sample }: { sample: TrafficSample }) {
  const { t } = useTranslation('traffic');
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-ports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ports.port')}</Table.Th>
          <Table.Th>{t('ports.container')}</Table.Th>
          <Table.Th>{t('ports.connections')}</Table.Th>
          <Table.Th>{t('ports.newPerSecond')}</Table.Th>
          <Table.Th title={t('ports.bytesNote')}>{t('ports.bytes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sample.ports.length === 0 && <EmptyRow columns={5}>{t('ports.empty')}</EmptyRow>}
        {sample.ports.map((p) => (
          <Table.Tr key={portLabel(p)} data-testid={`traffic-port-${p.hostPort}-${p.protocol}`}>
            <Table.Td ff="monospace" translate="no">
              {portLabel(p)}
            </Table.Td>
            <Table.Td translate="no">{p.container.name}</Table.Td>
            <Table.Td>{count(p.connections)}</Table.Td>
            <Table.Td>{formatPerSecond(p.connectionRate)}</Table.Td>
            <Table.Td data-testid={`traffic-port-bytes-${p.hostPort}-${p.protocol}`}>
              {p.bytesToPort === null || p.bytesFromPort === null
                ? t('ports.notCounted')
                : `${formatBytes(p.bytesToPort)} · ${formatBytes(p.bytesFromPort)} (${rxTx(p.bytesToPortRate ?? 0, p.bytesFromPortRate ?? 0)})`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function RulesTable({ sample }: { sample: TrafficSample }) {
  const { t } = useTranslation('traffic');
  return (
    <Table striped verticalSpacing={2} data-testid="traffic-rules">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rules.chain')}</Table.Th>
          <Table.Th>{t('rules.rule')}</Table.Th>
          <Table.Th>{t('rules.packetRate')}</Table.Th>
          <Table.Th>{t('rules.byteRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sample.rules.length === 0 && <EmptyRow columns={4}>{t('rules.empty')}</EmptyRow>}
        {sample.rules.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }} translate="no">
              {r.table}/{r.chain}
            </Table.Td>
            <Table.Td ff="monospace" fz="xs" translate="no">
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
