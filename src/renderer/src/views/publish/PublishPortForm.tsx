// The publish form: container, network (when it has several), host IP, ports and protocol. Checks
// only what is obviously wrong; anything else is the engine's refusal, shown here in its words.
import { Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { Snapshot } from '../../../../shared/model';
import type { MappingStatus, PublishProtocol } from '../../../../shared/publish-model';
import { api } from '../../api/api';
import { engineFailure, type EngineFailure } from '../../api/engine-failure';
import { EngineErrorAlert } from '../../components/EngineError';
import { checkPublishForm, emptyForm, type PublishFormErrors, type PublishFormValues } from './publish-form';
import { hostIpOptions, offeredContainers } from './publish-options';

export type PublishSource = Pick<Snapshot, 'containers' | 'networks' | 'links'>;

interface Props {
  snapshot: PublishSource;
  /** Preselected (from the details panel). */
  container?: string | null;
  busy: boolean;
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onPublished: (status: MappingStatus) => void;
}

/** Where the chosen container sits, under its field: "bridge 172.17.0.2". */
function whereIs(snapshot: PublishSource, name: string | null): string | undefined {
  const container = snapshot.containers.find((c) => c.name === name);
  if (!container) return undefined;
  return container.endpoints.map((e) => `${e.network} ${e.ip?.replace(/\/\d+$/, '') ?? ''}`.trim()).join(', ') || undefined;
}

export function PublishPortForm({ snapshot, container = null, busy, onBusyChange, onCancel, onPublished }: Props) {
  const offered = useMemo(() => offeredContainers(snapshot), [snapshot]);
  const hostIps = useMemo(() => hostIpOptions(snapshot.links), [snapshot.links]);
  const [values, setValues] = useState<PublishFormValues>(() => emptyForm(container, offered.find((c) => c.name === container)?.networks[0] ?? null));
  const [errors, setErrors] = useState<PublishFormErrors>({});
  const [refusal, setRefusal] = useState<EngineFailure | null>(null);
  const networks = offered.find((c) => c.name === values.container)?.networks ?? [];
  // A preselected container that stopped meanwhile stays shown: the engine says why it cannot be used.
  const containerNames = offered.map((c) => c.name);
  if (values.container && !containerNames.includes(values.container)) containerNames.push(values.container);

  const change = (patch: Partial<PublishFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof PublishFormErrors];
      return next;
    });
    setRefusal(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const check = checkPublishForm(values, networks);
    if (check.errors) return setErrors(check.errors);
    setErrors({});
    setRefusal(null);
    onBusyChange(true);
    try {
      const status = await api.invoke('ports.publish', check.request);
      onBusyChange(false);
      onPublished(status);
    } catch (error) {
      onBusyChange(false);
      setRefusal(engineFailure(error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="publish-form">
      <Stack gap="sm">
        <Select
          label="Container"
          description={whereIs(snapshot, values.container) ?? 'Running containers on a bridge network'}
          placeholder={offered.length ? 'Pick a container' : 'No running container on a bridge network'}
          data={containerNames}
          value={values.container}
          onChange={(name) => change({ container: name, network: offered.find((c) => c.name === name)?.networks[0] ?? null })}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No such running container on a bridge network"
          error={errors.container}
          disabled={busy}
          data-autofocus={container ? undefined : true}
          data-testid="publish-container"
        />
        {networks.length > 1 && (
          <Select
            label="Network"
            description="The container is on several bridge networks: the port leads to its address on this one"
            data={networks}
            value={values.network}
            onChange={(network) => change({ network })}
            allowDeselect={false}
            error={errors.network}
            disabled={busy}
            data-testid="publish-network"
          />
        )}
        <Select
          label="Host IP"
          description="Where the host listens: every address, this host only, or one address"
          data={hostIps}
          value={values.hostIp}
          onChange={(hostIp) => hostIp && change({ hostIp })}
          allowDeselect={false}
          disabled={busy}
          data-testid="publish-host-ip"
        />
        <Group grow align="flex-start">
          <TextInput
            label="Host port"
            placeholder="8080 or 8000-8010"
            value={values.hostPorts}
            onChange={(e) => change({ hostPorts: e.currentTarget.value })}
            error={errors.hostPorts}
            disabled={busy}
            data-autofocus={container ? true : undefined}
            data-testid="publish-host-port"
          />
          <TextInput
            label="Container port"
            placeholder="80 or 80-90"
            value={values.containerPorts}
            onChange={(e) => change({ containerPorts: e.currentTarget.value })}
            error={errors.containerPorts}
            disabled={busy}
            data-testid="publish-container-port"
          />
        </Group>
        <SegmentedControl
          value={values.protocol}
          onChange={(protocol) => change({ protocol: protocol as PublishProtocol })}
          data={[
            { value: 'tcp', label: 'TCP' },
            { value: 'udp', label: 'UDP' },
          ]}
          disabled={busy}
          aria-label="Protocol"
          data-testid="publish-protocol"
        />
        <EngineErrorAlert failure={refusal} what="Not published" testId="publish-error" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy} data-testid="publish-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={busy} data-testid="publish-submit">
            Publish
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
