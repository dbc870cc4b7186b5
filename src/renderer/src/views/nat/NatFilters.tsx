// The NAT view's filter bar: container, port, owner and "hide zero-counter rules".
import { Chip, Group, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleOwner } from '../../../../shared/firewall-model';
import { noFilter, type RuleFilter } from './rule-filter';

/** What the filter bar sets; `only` comes from elsewhere (a port's rules, "show only new"). */
export type FilterFields = Omit<RuleFilter, 'only'> & { onlyNew: boolean };

export const noFields: FilterFields = { ...noFilter, onlyNew: false };

interface Props {
  filter: FilterFields;
  containers: string[];
  onChange: (filter: FilterFields) => void;
}

const owners: RuleOwner[] = ['docker', 'podman', 'firewalld', 'bridgeport', 'other'];

export function NatFilters({ filter, containers, onChange }: Props) {
  const { t } = useTranslation('nat');
  return (
    <Group gap="md" align="center" wrap="wrap">
      <Select
        placeholder={t('filters.anyContainer')}
        data={containers}
        value={filter.container}
        onChange={(container) => onChange({ ...filter, container })}
        clearable
        searchable
        size="xs"
        w={180}
        aria-label={t('filters.container')}
        clearButtonProps={{ 'aria-label': t('filters.anyContainer'), 'aria-hidden': false }}
        data-testid="nat-filter-container"
      />
      <TextInput
        placeholder={t('filters.portPlaceholder')}
        value={filter.port}
        onChange={(e) => onChange({ ...filter, port: e.currentTarget.value })}
        size="xs"
        w={220}
        aria-label={t('filters.port')}
        data-testid="nat-filter-port"
      />
      <Chip.Group multiple value={filter.owners} onChange={(value) => onChange({ ...filter, owners: value as RuleOwner[] })}>
        <Group gap={6}>
          {owners.map((owner) => (
            <Chip key={owner} value={owner} size="xs" data-testid={`nat-filter-owner-${owner}`}>
              {owner === 'other' ? t('owner.other') : <span translate="no">{owner}</span>}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Switch
        label={t('filters.hideZero')}
        checked={filter.hideZero}
        onChange={(e) => onChange({ ...filter, hideZero: e.currentTarget.checked })}
        size="sm"
        data-testid="nat-hide-zero"
      />
    </Group>
  );
}
