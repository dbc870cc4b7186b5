// Move an interface into a named namespace or a running container (pipework-style): the name it
// gets inside, its address, a default route through a gateway, its MTU.
import { Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { checkMoveForm, emptyMoveForm, type MoveFormValues, type MoveTargetKind } from './link-forms';
import { sayWith } from '../../i18n/say';
import type { MoveTargets } from './link-places';

interface Props {
  link: string | null;
  /** Interfaces that can be moved (made here, in the host now). */
  links: string[];
  targets: MoveTargets;
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onMoved: (result: { link: string; place: string }) => void;
}

export function MoveLinkForm({ link, links, targets, onBusyChange, onCancel, onMoved }: Props) {
  const { t } = useTranslation('namespaces');
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields<MoveFormValues>(() => emptyMoveForm(link), action.clearError);
  const busy = action.busy;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkMoveForm(values, sayWith(t));
    if (check.errors) return setErrors(check.errors);
    const moved = await action.run(() => api.invoke('links.move', check.input));
    if (moved) onMoved(moved);
  };
  const choices = values.targetKind === 'namespace' ? targets.namespaces : targets.containers;
  const linkChoices = values.link && !links.includes(values.link) ? [values.link, ...links] : links;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="move-form">
      <Stack gap="sm">
        <Select
          label={t('move.interface')}
          description={t('move.interfaceHelp')}
          data={linkChoices}
          value={values.link}
          onChange={(l) => change({ link: l })}
          allowDeselect={false}
          error={errors.link}
          disabled={busy}
          data-testid="move-link"
        />
        <SegmentedControl
          value={values.targetKind}
          onChange={(kind) => change({ targetKind: kind as MoveTargetKind, target: null })}
          data={[
            { value: 'container', label: t('move.intoContainer') },
            { value: 'namespace', label: t('move.intoNamespace') },
          ]}
          disabled={busy}
          aria-label={t('move.whereTo')}
          data-testid="move-target-kind"
        />
        <Select
          label={values.targetKind === 'namespace' ? t('move.namespace') : t('move.container')}
          placeholder={choices.length ? t('move.pickOne') : values.targetKind === 'namespace' ? t('move.noNamespace') : t('move.noContainer')}
          data={choices}
          value={values.target}
          onChange={(target) => change({ target })}
          searchable
          allowDeselect={false}
          error={errors.target}
          disabled={busy}
          data-testid="move-target"
        />
        <Group grow align="flex-start" gap="sm">
          <TextInput
            label={t('move.nameInside')}
            description={t('move.nameInsideHelp')}
            placeholder={values.link ?? 'eth1'}
            value={values.rename}
            onChange={(e) => change({ rename: e.currentTarget.value })}
            error={errors.rename}
            disabled={busy}
            data-testid="move-rename"
          />
          <TextInput
            label={t('form.mtu')}
            description={t('form.mtuHelp')}
            placeholder="1500"
            inputMode="numeric"
            value={values.mtu}
            onChange={(e) => change({ mtu: e.currentTarget.value })}
            error={errors.mtu}
            disabled={busy}
            data-testid="move-mtu"
          />
        </Group>
        <Group grow align="flex-start" gap="sm">
          <TextInput
            label={t('form.address')}
            description={t('form.addressHelp')}
            placeholder="10.88.0.2/24"
            value={values.address}
            onChange={(e) => change({ address: e.currentTarget.value })}
            error={errors.address}
            disabled={busy}
            data-testid="move-address"
          />
          <TextInput
            label={t('move.gateway')}
            description={t('move.gatewayHelp')}
            placeholder="10.88.0.1"
            value={values.gateway}
            onChange={(e) => change({ gateway: e.currentTarget.value })}
            error={errors.gateway}
            disabled={busy}
            data-testid="move-gateway"
          />
        </Group>
        <FormFooter id="move" failure={action.failure} errorTitle={t('move.failed')} submitLabel={t('move.submit')} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
