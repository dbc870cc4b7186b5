// Every Docker network, one row each.
import { Table } from '@mantine/core';
import type { Container } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { NetworkRow } from './NetworkRow';

interface Props {
  networks: NetworkDetail[];
  containers: readonly Container[];
  onChanged: () => void;
}

export function NetworksTable({ networks, containers, onChanged }: Props) {
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="networks-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Driver</Table.Th>
          <Table.Th>Scope</Table.Th>
          <Table.Th>Subnet · gateway · IP range</Table.Th>
          <Table.Th>On the host</Table.Th>
          <Table.Th>Options</Table.Th>
          <Table.Th>Containers</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {networks.map((n) => (
          <NetworkRow key={n.id} network={n} containers={containers} onChanged={onChanged} />
        ))}
      </Table.Tbody>
    </Table>
  );
}
