// The publish form: container, network (when it has several), host IP, ports and protocol. Checks
// only what is obviously wrong; anything else is the engine's refusal, shown here in its words.
import { Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../shared/model';
import type { MappingStatus, PublishProtocol } from '../../../../shared/publish-model';
import { api } from '../../api/api';
import { engineFailure, type EngineFailure } from '../../api/engine-failure';
import { EngineErrorAlert } from '../../components/EngineError';
import { checkPublishForm, emptyForm, type PublishFormErrors, type PublishFormValues } from './publish-form';
import { useSay } from '../../i18n/say';
import { ALL_ADDRESSES, hostIpOptions, offeredContainers } from './publish-options';

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
  const { t } = useTranslation('publish');
  const say = useSay('publish');
  const offered = useMemo(() => offeredContainers(snapshot), [snapshot]);
  // The two first options are words; the others are the host's addresses with their link's name.
  const hostIps = useMemo(
    () =>
      hostIpOptions(snapshot.links).map((o) =>
        o.value === ALL_ADDRESSES ? { ...o, label: t('hostIp.all') } : o.value === '127.0.0.1' ? { ...o, label: t('hostIp.local', { ip: o.value }) } : o,
      ),
    [snapshot.links, t],
  );
  const [values, setValues] = useState<PublishFormValues>(() => emptyForm(container, offered.find((c) => c.name === container)?.networks[0] ?? null));
  const [errors, setErrors] = useState<PublishFormErrors>({});
  const [refusal, setRefusal] = useState<EngineFailure | null>(null);
  const where = whereIs(snapshot, values.container);
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
    const check = checkPublishForm(values, networks, say);
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
          label={t('container.label')}
          description={where ? <span translate="no">{where}</span> : t('container.description')}
          placeholder={offered.length ? t('container.pick') : t('container.none')}
          data={containerNames}
          value={values.container}
          onChange={(name) => change({ container: name, network: offered.find((c) => c.name === name)?.networks[0] ?? null })}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('container.nothingFound')}
          error={errors.container}
          disabled={busy}
          data-autofocus={container ? undefined : true}
          data-testid="publish-container"
        />
        {networks.length > 1 && (
          <Select
            label={t('network.label')}
            description={t('network.description')}
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
          label={t('hostIp.label')}
          description={t('hostIp.description')}
          data={hostIps}
          value={values.hostIp}
          onChange={(hostIp) => hostIp && change({ hostIp })}
          allowDeselect={false}
          disabled={busy}
          data-testid="publish-host-ip"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('hostPort')}
            placeholder={t('hostPortExample')}
            value={values.hostPorts}
            onChange={(e) => change({ hostPorts: e.currentTarget.value })}
            error={errors.hostPorts}
            disabled={busy}
            data-autofocus={container ? true : undefined}
            data-testid="publish-host-port"
          />
          <TextInput
            label={t('containerPort')}
            placeholder={t('containerPortExample')}
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
          aria-label={t('protocol')}
          data-testid="publish-protocol"
        />
        <EngineErrorAlert failure={refusal} what={t('notPublished')} testId="publish-error" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy} data-testid="publish-cancel">
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={busy} data-testid="publish-submit">
            {t('submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
