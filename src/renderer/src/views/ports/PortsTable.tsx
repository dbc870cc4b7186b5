// One row per published port: where it listens, where it leads, its live counters and hints.
import { Anchor, Badge, Table, Text, Tooltip } from '@mantine/core';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { MappingStatus } from '../../../../shared/publish-model';
import { LiveCounter } from '../../components/LiveCounter';
import { ownerColors } from '../../components/owner-colors';
import { formatBytes, formatPackets } from '../../format/counters';
import { plural } from '../../format/plural';
import { containerAddress, hostAddress, portKey } from './port-identity';
import { mappingOfRow } from './unpublish';
import { UnpublishButton } from './UnpublishButton';

interface Props {
  ports: PublishedPort[];
  /** The same ports one update ago, to light up the counters that moved. */
  previous: Map<string, PublishedPort>;
  onShowRules: (port: PublishedPort) => void;
  /** Bridgeport's mappings, to say what unpublishing a row removes. */
  mappings: MappingStatus[];
}

/** Why an engine's port cannot be unpublished here. */
const engineFixed = (source: 'docker' | 'podman') => {
  const engine = source === 'podman' ? 'Podman' : 'Docker';
  return `${engine} published this port when it created the container, and ${engine} cannot remove it from a running one: recreate the container without this -p.`;
};

const mono = { fontFamily: 'var(--mantine-font-family-monospace)' };

export function PortsTable({ ports, previous, onShowRules, mappings }: Props) {
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="ports-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Host</Table.Th>
          <Table.Th>Container</Table.Th>
          <Table.Th>Container address</Table.Th>
          <Table.Th>Network</Table.Th>
          <Table.Th>Source</Table.Th>
          <Table.Th ta="right">Packets</Table.Th>
          <Table.Th ta="right">Bytes</Table.Th>
          <Table.Th>Notes</Table.Th>
          <Table.Th>Rules</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ports.map((p) => {
          const id = `${p.hostPort}-${p.protocol}`;
          const before = previous.get(portKey(p));
          return (
            <Table.Tr key={portKey(p)} data-testid={`port-row-${id}`}>
              <Table.Td style={mono}>{hostAddress(p)}</Table.Td>
              <Table.Td fw={600}>{p.container.name}</Table.Td>
              <Table.Td style={mono}>{containerAddress(p)}</Table.Td>
              <Table.Td>{p.network ?? '—'}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={ownerColors[p.source]}>
                  {p.source}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={mono} data-testid={`port-packets-${id}`} data-value={p.packets}>
                <LiveCounter value={p.packets} previous={before?.packets} format={formatPackets} />
              </Table.Td>
              <Table.Td ta="right" style={mono}>
                <LiveCounter value={p.bytes} previous={before?.bytes} format={formatBytes} />
              </Table.Td>
              <Table.Td data-testid={`port-hints-${id}`}>
                {p.hints.map((hint) => (
                  <Text key={hint} size="xs" c="orange">
                    ⚠ {hint}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Anchor component="button" size="xs" onClick={() => onShowRules(p)}>
                  {plural(p.ruleIds.length, 'rule')} →
                </Anchor>
              </Table.Td>
              <Table.Td>
                {p.source === 'bridgeport' ? (
                  <UnpublishButton port={p} mapping={mappingOfRow(p, mappings)} id={id} />
                ) : (
                  <Tooltip label={engineFixed(p.source)} multiline w={300} withArrow>
                    <Text size="xs" c="dimmed" style={{ cursor: 'help' }} data-testid={`port-fixed-${id}`}>
                      —
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
