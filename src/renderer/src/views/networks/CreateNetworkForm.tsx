// The create-network form: name and driver, addressing, internal/attachable, the driver's own
// options and any further -o lines. Checks only what is obviously wrong; anything else is the
// engine's refusal (overlap, gateway outside the subnet, Swarm for overlay …), shown in its words.
import { Anchor, Checkbox, Collapse, Group, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Link } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { BridgeOptionFields } from './BridgeOptionFields';
import { sayWith } from '../../i18n/say';
import { checkNetworkForm, emptyNetworkForm, type NetworkDriver } from './network-form';
import { NetworkAddressingFields } from './NetworkAddressingFields';
import { VlanFields } from './VlanFields';

interface Props {
  links: readonly Link[];
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onCreated: (network: NetworkDetail) => void;
}

const drivers: NetworkDriver[] = ['bridge', 'macvlan', 'ipvlan', 'overlay'];

export function CreateNetworkForm({ links, onBusyChange, onCancel, onCreated }: Props) {
  const { t } = useTranslation('networks');
  const [advanced, setAdvanced] = useState(false);
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields(emptyNetworkForm, action.clearError);
  const busy = action.busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkNetworkForm(values, sayWith(t));
    if (check.errors) {
      if (check.errors.extraOptions) setAdvanced(true);
      return setErrors(check.errors);
    }
    setErrors({});
    const created = await action.run(() => api.invoke('networks.create', check.input));
    if (created) onCreated(created);
  };

  const fields = { values, errors, change, disabled: busy };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="network-form">
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" grow>
          <TextInput
            label={t('create.name')}
            placeholder="mynet"
            value={values.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            error={errors.name}
            disabled={busy}
            data-autofocus
            data-testid="network-name"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('create.driver')}
            </Text>
            <SegmentedControl
              value={values.driver}
              onChange={(driver) => change({ driver: driver as NetworkDriver, mode: '' })}
              data={drivers.map((d) => ({ value: d, label: <span translate="no">{d}</span> }))}
              disabled={busy}
              aria-label={t('create.driver')}
              data-testid="network-driver"
            />
          </Stack>
        </Group>
        {values.driver === 'overlay' && (
          <Text size="sm" c="dimmed" data-testid="network-overlay-note">
            {t('create.overlayNote')}
          </Text>
        )}
        <NetworkAddressingFields {...fields} />
        <Group gap="xl">
          <Checkbox
            label={t('create.internal')}
            checked={values.internal}
            onChange={(e) => change({ internal: e.currentTarget.checked })}
            disabled={busy}
            data-testid="network-internal"
          />
          <Checkbox
            label={t('create.attachable')}
            description={t('create.attachableHelp')}
            checked={values.attachable}
            onChange={(e) => change({ attachable: e.currentTarget.checked })}
            disabled={busy}
            data-testid="network-attachable"
          />
        </Group>
        {values.driver === 'bridge' && <BridgeOptionFields {...fields} />}
        {(values.driver === 'macvlan' || values.driver === 'ipvlan') && <VlanFields {...fields} links={links} />}
        <Anchor component="button" type="button" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setAdvanced((a) => !a)} data-testid="network-advanced">
          {advanced ? '▾' : '▸'} {t('create.advanced')}
        </Anchor>
        <Collapse expanded={advanced}>
          <Textarea
            description={t('create.extraHelp')}
            placeholder="com.docker.network.bridge.inhibit_ipv4=true"
            autosize
            minRows={2}
            value={values.extraOptions}
            onChange={(e) => change({ extraOptions: e.currentTarget.value })}
            error={errors.extraOptions}
            disabled={busy}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            translate="no"
            data-testid="network-extra-options"
          />
        </Collapse>
        <FormFooter id="network" failure={action.failure} errorTitle={t('create.failed')} submitLabel={t('create.submit')} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
