// Every Docker network, one row each.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Container } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { NetworkRow } from './NetworkRow';

interface Props {
  networks: NetworkDetail[];
  containers: readonly Container[];
  onChanged: () => void;
}

export function NetworksTable({ networks, containers, onChanged }: Props) {
  const { t } = useTranslation('networks');
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="networks-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.name')}</Table.Th>
          <Table.Th>{t('table.driver')}</Table.Th>
          <Table.Th>{t('table.scope')}</Table.Th>
          <Table.Th>{t('table.addressing')}</Table.Th>
          <Table.Th>{t('table.hostSide')}</Table.Th>
          <Table.Th>{t('table.options')}</Table.Th>
          <Table.Th>{t('table.containers')}</Table.Th>
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
