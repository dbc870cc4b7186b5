// The firewall as the kernel holds it (nat, filter, raw …), chain by chain, each rule explained and
// attributed. Counters follow the 'nat' topic, sampled once per second only while this view is open.
import { Alert, Badge, Button, CloseButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FirewallRule } from '../../../../shared/firewall-model';
import { useTopic } from '../../api/use-topic';
import { EngineText } from '../../i18n/EngineText';
import { ChainSection } from './ChainSection';
import { ChangesSinceLastLook } from './ChangesSinceLastLook';
import { chainsOpenByDefault } from './fold-chains';
import { groupRules, type TableGroup } from './group-rules';
import { NatFilters, noFields, type FilterFields } from './NatFilters';
import './nat-rules.css';
import { containersInRules, isFiltering, ruleMatcher } from './rule-filter';
import { RuleColumnsHeader } from './RuleColumns';
import type { RuleFocus } from './rule-focus';
import { useSeenRules } from './use-seen-rules';

interface Props {
  focus: RuleFocus | null;
  onClearFocus: () => void;
}

/** The rule ids the view is narrowed to: a port's rules, the new ones, both, or null for no narrowing. */
function onlyIds(focus: RuleFocus | null, onlyNew: boolean, added: ReadonlySet<string>): ReadonlySet<string> | null {
  const focused = focus ? new Set(focus.ruleIds) : null;
  if (!onlyNew) return focused;
  return new Set([...added].filter((id) => !focused || focused.has(id)));
}

function tableSummary(table: TableGroup, t: TFunction<'nat'>): ReactNode {
  const rules = table.chains.reduce((n, c) => n + c.rules.length, 0);
  return (
    <>
      <span translate="no">{table.family === 'ipv4' ? 'IPv4' : 'IPv6'}</span> · {t('chains', { count: table.chains.length })} · {t('rules', { count: rules })}
    </>
  );
}

export function NatView({ focus, onClearFocus }: Props) {
  const { t } = useTranslation('nat');
  const { data: report, previous, error } = useTopic('nat');
  const [fields, setFields] = useState<FilterFields>(noFields);
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const rules = report?.rules ?? null;
  const changes = useSeenRules(rules);

  const filter = useMemo(() => ({ ...fields, only: onlyIds(focus, fields.onlyNew, changes.added) }), [fields, focus, changes.added]);
  // Typing in the filter stays responsive while thousands of rows are re-filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => (rules ?? []).filter(ruleMatcher(deferredFilter)), [rules, deferredFilter]);
  const tables = useMemo(() => (report ? groupRules(report, shown, !isFiltering(deferredFilter)) : []), [report, shown, deferredFilter]);
  const containers = useMemo(() => containersInRules(rules ?? []), [rules]);
  const before = useMemo(() => new Map((previous?.rules ?? []).map((r) => [r.id, r])), [previous]);
  const isNew = useCallback((rule: FirewallRule) => changes.added.has(rule.id), [changes.added]);
  const markSeen = () => {
    changes.markSeen();
    setFields((f) => ({ ...f, onlyNew: false }));
  };

  const openByDefault = useMemo(() => chainsOpenByDefault(tables), [tables]);
  const isOpen = (key: string) => toggled.get(key) ?? openByDefault.has(key);
  const toggle = useCallback(
    (key: string) => setToggled((t) => new Map(t).set(key, !(t.get(key) ?? openByDefault.has(key)))),
    [openByDefault],
  );
  const setAll = (open: boolean) => setToggled(new Map(tables.flatMap((t) => t.chains.map((c) => [c.key, open] as const))));

  if (error && !report) {
    return (
      <Alert m="md" color="red" title={t('readFailed')}>
        {error}
      </Alert>
    );
  }
  if (!report) return <Loader m="xl" />;
  return (
    <Stack gap="sm" px="md" pt={4} pb="md" h="100%" data-testid="nat-view">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={4}>{t('title')}</Title>
            <Badge variant="outline" tt="none" data-testid="nat-backend" translate="no">
              {report.backend}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('showing', { shown: shown.length, count: report.rules.length })}
          </Text>
        </div>
        <Group gap={6}>
          <Button size="compact-sm" variant="default" onClick={() => setAll(true)}>
            {t('expandAll')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setAll(false)}>
            {t('collapseAll')}
          </Button>
        </Group>
      </Group>
      {report.warnings.map((w, i) => (
        <Alert key={w} color="yellow" variant="light" data-testid="nat-warning">
          <EngineText text={w} message={report.warningMessages?.[i]} />
        </Alert>
      ))}
      <ChangesSinceLastLook
        added={changes.added}
        removed={changes.removed}
        onlyNew={fields.onlyNew}
        onOnlyNew={(onlyNew) => setFields((f) => ({ ...f, onlyNew }))}
        onMarkSeen={markSeen}
      />
      <NatFilters filter={fields} containers={containers} onChange={setFields} />
      {focus && (
        <Group gap={4}>
          <Badge
            size="lg"
            variant="light"
            tt="none"
            data-testid="nat-focus"
            rightSection={<CloseButton size="xs" onClick={onClearFocus} aria-label={t('showAll')} />}
          >
            {t('focus', { label: focus.label })}
          </Badge>
        </Group>
      )}
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <RuleColumnsHeader />
        {tables.length === 0 && (
          <Text c="dimmed" mt="sm">
            {t('noMatch')}
          </Text>
        )}
        {tables.map((table) => (
          <section key={table.key} data-testid={`nat-table-${table.table}`}>
            <Group gap="xs" mt="sm" mb={6} align="baseline">
              <Title order={5} ff="monospace" translate="no">
                {table.table}
              </Title>
              <Text size="xs" c="dimmed">
                {tableSummary(table, t)}
              </Text>
            </Group>
            {table.chains.map((c) => (
              <ChainSection key={c.key} group={c} open={isOpen(c.key)} onToggle={toggle} isNew={isNew} before={before} />
            ))}
          </section>
        ))}
      </div>
    </Stack>
  );
}
