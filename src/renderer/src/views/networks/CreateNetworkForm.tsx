// The create-network form: name and driver, addressing, internal/attachable, the driver's own
// options and any further -o lines. Checks only what is obviously wrong; anything else is the
// engine's refusal (overlap, gateway outside the subnet, Swarm for overlay …), shown in its words.
import { Anchor, Checkbox, Collapse, Group, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Link } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { FormFooter } from '../../components/FormFooter';
import { useFormFields } from '../../components/use-form-fields';
import { BridgeOptionFields } from './BridgeOptionFields';
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
  const [advanced, setAdvanced] = useState(false);
  const action = useEngineAction(onBusyChange);
  const { values, errors, setErrors, change } = useFormFields(emptyNetworkForm, action.clearError);
  const busy = action.busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkNetworkForm(values);
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
            label="Name"
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
              Driver
            </Text>
            <SegmentedControl
              value={values.driver}
              onChange={(driver) => change({ driver: driver as NetworkDriver, mode: '' })}
              data={drivers}
              disabled={busy}
              aria-label="Driver"
              data-testid="network-driver"
            />
          </Stack>
        </Group>
        {values.driver === 'overlay' && (
          <Text size="sm" c="dimmed" data-testid="network-overlay-note">
            Overlay networks span several Docker hosts and need Swarm mode: without it Docker cannot create one, and Bridgeport says so.
          </Text>
        )}
        <NetworkAddressingFields {...fields} />
        <Group gap="xl">
          <Checkbox
            label="Internal (no way out of the network)"
            checked={values.internal}
            onChange={(e) => change({ internal: e.currentTarget.checked })}
            disabled={busy}
            data-testid="network-internal"
          />
          <Checkbox
            label="Attachable"
            description="Standalone containers may join (overlay)"
            checked={values.attachable}
            onChange={(e) => change({ attachable: e.currentTarget.checked })}
            disabled={busy}
            data-testid="network-attachable"
          />
        </Group>
        {values.driver === 'bridge' && <BridgeOptionFields {...fields} />}
        {(values.driver === 'macvlan' || values.driver === 'ipvlan') && <VlanFields {...fields} links={links} />}
        <Anchor component="button" type="button" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setAdvanced((a) => !a)} data-testid="network-advanced">
          {advanced ? '▾' : '▸'} Advanced: more driver options (-o key=value)
        </Anchor>
        <Collapse expanded={advanced}>
          <Textarea
            description="One key=value per line, as after docker network create -o"
            placeholder="com.docker.network.bridge.inhibit_ipv4=true"
            autosize
            minRows={2}
            value={values.extraOptions}
            onChange={(e) => change({ extraOptions: e.currentTarget.value })}
            error={errors.extraOptions}
            disabled={busy}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="network-extra-options"
          />
        </Collapse>
        <FormFooter id="network" failure={action.failure} errorTitle="Not created" submitLabel="Create network" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
