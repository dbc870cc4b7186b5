// What Bridgeport made: namespaces, bridges and veth pairs, each with where its interfaces are now.
// Only these can be deleted here.
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/i18n';
import { DeleteMadeButton } from './DeleteMadeButton';
import { LinkLine } from './LinkLine';
import type { MadeRow, MoveTargets } from './link-places';

interface Props {
  rows: MadeRow[];
  movable: string[];
  targets: MoveTargets;
  onChanged: () => void;
}

const kindColor = { netns: 'orange', bridge: 'blue', veth: 'grape' } as const;

export function MadeTable({ rows, movable, targets, onChanged }: Props) {
  const { t } = useTranslation('namespaces');
  const when = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="made-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.kind')}</Table.Th>
          <Table.Th>{t('table.name')}</Table.Th>
          <Table.Th>{t('table.now')}</Table.Th>
          <Table.Th>{t('table.made')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.thing.kind}:${row.thing.name}`} data-testid={`made-row-${row.thing.name}`} data-kind={row.thing.kind}>
            <Table.Td>
              <Badge size="sm" variant="light" color={kindColor[row.thing.kind]}>
                {t(`kind.${row.thing.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td fw={600} translate="no">{row.thing.peer ? `${row.thing.name} ↔ ${row.thing.peer}` : row.thing.name}</Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {row.thing.kind === 'netns' && (
                  <Text size="xs" c={row.namespaceLinks === null ? 'orange' : 'dimmed'}>
                    {row.namespaceLinks === null ? t('gone') : t('links', { count: row.namespaceLinks })}
                  </Text>
                )}
                {row.ends.map((end) => (
                  <LinkLine
                    key={`${end.place.kind}:${end.name}`}
                    link={end.link}
                    place={end.place}
                    showPlace
                    changeable
                    move={end.place.kind === 'host' && movable.includes(end.name) ? { links: movable, targets } : undefined}
                    onChanged={onChanged}
                    id={end.name}
                  />
                ))}
                {row.thing.kind !== 'netns' && row.missing.length > 0 && (
                  <Text size="xs" c="orange">
                    {t('notFound', { names: row.missing.join(', ') })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed" translate="no">
                {when.format(new Date(row.thing.createdAt))}
              </Text>
            </Table.Td>
            <Table.Td>
              <DeleteMadeButton row={row} onDeleted={onChanged} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
