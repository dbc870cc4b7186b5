// Details of what was clicked: a link, a container, a network, a namespace or a veth cable.
import { Code, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, Link, Namespace, Network, Snapshot } from '../../../../shared/model';
import type { GraphEdge } from '../../../../shared/topology/graph';
import { EngineText } from '../../i18n/EngineText';
import { canPublishOn } from '../publish/publish-options';
import { PublishPortButton } from '../publish/PublishPortButton';
import { useContainerState } from '../topology/ContainerState';
import { foldedCables } from '../topology/folded-cables';
import type { Selection } from '../topology/selection';

/** A row: its label, its value, and whether the value is data (names, numbers, addresses) or said in words. */
type Row = { label: ReactNode; value: ReactNode; words?: boolean };

/** A field name that is the same in every language (MAC, MTU, IP). */
const term = (name: string) => <span translate="no">{name}</span>;

function Rows({ rows }: { rows: Row[] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm">
      <Table.Tbody>
        {rows.map(({ label, value, words }, i) => (
          <Table.Tr key={i}>
            <Table.Td c="dimmed" w={110} style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Td>
            <Table.Td translate={words ? undefined : 'no'}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function peerText(link: Link, t: TFunction<'details'>): ReactNode {
  const peer = link.peer;
  if (!peer) return '—';
  const parts = [
    t('peer.ifindex', { ifindex: peer.ifindex }),
    peer.netnsId === null ? t('peer.sameNamespace') : t('peer.nsid', { nsid: peer.netnsId }),
    ...(peer.containerId ? [t('peer.container', { id: peer.containerId.slice(0, 12) })] : []),
    ...(peer.namespace ? [t('peer.netns', { name: peer.namespace })] : []),
  ];
  return (
    <>
      <span translate="no">{peer.interface ?? '?'}</span> ({parts.join(', ')})
    </>
  );
}

function linkRows(link: Link, t: TFunction<'details'>): Row[] {
  return [
    { label: t('row.kind'), value: link.kind + (link.driver && link.driver !== link.kind ? ` (${link.driver})` : '') },
    {
      label: t('row.state'),
      value: (
        <>
          {link.up ? t('up') : t('down')} (<span translate="no">{link.operState}</span>)
        </>
      ),
      words: true,
    },
    { label: t('row.ifindex'), value: link.ifindex },
    { label: term('MAC'), value: link.mac ?? '—' },
    { label: term('MTU'), value: link.mtu },
    { label: t('row.addresses'), value: link.addresses.join(', ') || '—' },
    { label: t('row.master'), value: link.master ?? '—' },
    { label: t('row.peer'), value: peerText(link, t), words: true },
  ];
}

/** Publishing needs the container as it is now (the selection keeps it as it was when clicked). */
function PublishFromDetails({ c, snapshot }: { c: Container; snapshot: Snapshot | null }) {
  const current = snapshot?.containers.find((x) => x.id === c.id);
  if (!snapshot || !current || !canPublishOn(current, snapshot.networks)) return null;
  return (
    <div>
      <PublishPortButton snapshot={snapshot} container={current.name} size="xs" variant="light" data-testid="details-publish-port" />
    </div>
  );
}

function ContainerDetails({ c, snapshot }: { c: Container; snapshot: Snapshot | null }) {
  const { t } = useTranslation('details');
  const stateWord = useContainerState()(c.state);
  return (
    <Stack gap="xs">
      <PublishFromDetails c={c} snapshot={snapshot} />
      <Rows
        rows={[
          { label: t('row.id'), value: <Code>{c.id.slice(0, 12)}</Code> },
          { label: t('row.image'), value: c.image },
          { label: t('row.state'), value: stateWord ?? <span translate="no">{c.state}</span>, words: true },
          { label: t('row.networkMode'), value: c.networkMode },
          { label: t('row.pid'), value: c.pid ?? '—' },
        ]}
      />
      {c.endpoints.map((e) => (
        <Stack key={e.networkId} gap={0}>
          <Text fw={600} size="sm" translate="no">
            {e.network}
          </Text>
          <Rows
            rows={[
              { label: term('IP'), value: e.ip ?? '—' },
              { label: term('MAC'), value: e.mac ?? '—' },
              { label: t('row.gateway'), value: e.gateway ?? '—' },
              { label: t('row.interface'), value: e.interface ?? '—' },
              e.hostVeth ? { label: t('row.hostVeth'), value: e.hostVeth } : { label: t('row.hostVeth'), value: t('notMatched'), words: true },
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}

function NetworkDetails({ n }: { n: Network }) {
  const { t } = useTranslation('details');
  const subnets = n.subnets.map((s) => (
    <div key={s.subnet}>
      <span translate="no">{s.subnet}</span>
      {s.gateway && (
        <>
          {' '}
          {t('gatewayShort', { gateway: s.gateway })}
        </>
      )}
    </div>
  ));
  return (
    <Rows
      rows={[
        { label: t('row.id'), value: <Code>{n.id.slice(0, 12)}</Code> },
        { label: t('row.driver'), value: n.driver },
        { label: t('row.scope'), value: n.scope },
        { label: t('row.bridge'), value: n.bridge ?? '—' },
        { label: t('row.subnets'), value: subnets.length ? subnets : '—', words: true },
        { label: t('row.internal'), value: n.internal ? t('yes') : t('no'), words: true },
        { label: t('row.options'), value: Object.entries(n.options).map(([k, v]) => `${k}=${v}`).join('\n') || '—' },
        { label: t('row.containers'), value: n.containers.length },
      ]}
    />
  );
}

function NamespaceDetails({ ns }: { ns: Namespace }) {
  const { t } = useTranslation('details');
  return (
    <Stack gap="xs">
      <Rows
        rows={[
          { label: t('row.nsid'), value: ns.id ?? '—' },
          { label: t('row.error'), value: ns.error ? <EngineText text={ns.error} message={ns.errorMessage} /> : '—', words: true },
        ]}
      />
      {ns.links.map((l) => (
        <Stack key={l.ifindex} gap={0}>
          <Text fw={600} size="sm" translate="no">
            {l.name}
          </Text>
          <Rows rows={linkRows(l, t)} />
        </Stack>
      ))}
    </Stack>
  );
}

/** A folded network: who is inside, with their address on it. */
function GroupDetails({ members, network }: { members: Container[]; network: Network }) {
  const { t } = useTranslation('details');
  const stateWord = useContainerState();
  return (
    <Stack gap={2} data-testid="group-details">
      <Text size="sm" c="dimmed">
        {t('groupFolded', { count: members.length, network: network.name })}
      </Text>
      {[...members]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((c) => (
          <Text key={c.id} size="xs">
            <span translate="no">{c.name}</span> · {stateWord(c.state) ?? <span translate="no">{c.state}</span>} ·{' '}
            <span translate="no">{c.endpoints.find((e) => e.networkId === network.id)?.ip ?? '—'}</span>
          </Text>
        ))}
    </Stack>
  );
}

function EdgeTitle({ edge }: { edge: GraphEdge }) {
  const { t } = useTranslation('details');
  const folded = foldedCables(edge);
  return <Title order={4}>{folded ? t('topology:cable.folded', { count: folded.count }) : <span translate="no">{edge.label || edge.id}</span>}</Title>;
}

export function DetailsPanel({ selection, snapshot }: { selection: Selection; snapshot: Snapshot | null }) {
  const { t } = useTranslation('details');
  if (!selection) return <Text c="dimmed">{t('empty')}</Text>;
  if (selection.kind === 'edge') {
    const link = selection.edge.hostLink;
    return (
      <Stack gap="xs" data-testid="details">
        <EdgeTitle edge={selection.edge} />
        {link ? <Rows rows={linkRows(link, t)} /> : <Text size="sm">{t(`connection.${selection.edge.kind}`)}</Text>}
      </Stack>
    );
  }
  const node = selection.node;
  return (
    <Stack gap="xs" data-testid="details">
      <Title order={4}>
        {node.type === 'group' ? (
          <>
            <span translate="no">{node.network.name}</span>: {t('topology:node.groupTitle', { count: node.members.length })}
          </>
        ) : (
          <span translate="no">{node.label}</span>
        )}
      </Title>
      {node.type === 'container' && <ContainerDetails c={node.container} snapshot={snapshot} />}
      {node.type === 'network' && <NetworkDetails n={node.network} />}
      {node.type === 'namespace' && <NamespaceDetails ns={node.namespace} />}
      {node.type === 'group' && <GroupDetails members={node.members} network={node.network} />}
      {(node.type === 'nic' || node.type === 'veth') && <Rows rows={linkRows(node.link, t)} />}
      {node.type === 'bridge' && (
        <>
          <Rows rows={linkRows(node.link, t)} />
          {node.networks.map((n) => (
            <Stack key={n.id} gap={0}>
              <Text fw={600} size="sm">
                {t('dockerNetwork', { name: n.name })}
              </Text>
              <NetworkDetails n={n} />
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
