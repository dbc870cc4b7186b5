// Details of what was clicked: a link, a container, a network, a namespace or a veth cable.
import { Code, Stack, Table, Text, Title } from '@mantine/core';
import type { Container, Link, Namespace, Network, Snapshot } from '../../../../shared/model';
import { canPublishOn } from '../publish/publish-options';
import { PublishPortButton } from '../publish/PublishPortButton';
import type { Selection } from '../topology/selection';

type Row = [string, React.ReactNode];

function Rows({ rows }: { rows: Row[] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td c="dimmed" w={110} style={{ verticalAlign: 'top' }}>
              {k}
            </Table.Td>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function linkRows(link: Link): Row[] {
  return [
    ['kind', link.kind + (link.driver && link.driver !== link.kind ? ` (${link.driver})` : '')],
    ['state', `${link.up ? 'up' : 'down'} (${link.operState})`],
    ['ifindex', link.ifindex],
    ['MAC', link.mac ?? '—'],
    ['MTU', link.mtu],
    ['addresses', link.addresses.join(', ') || '—'],
    ['master', link.master ?? '—'],
    [
      'peer',
      link.peer
        ? `${link.peer.interface ?? '?'} (ifindex ${link.peer.ifindex}${link.peer.netnsId === null ? ', same namespace' : `, nsid ${link.peer.netnsId}`}${link.peer.containerId ? `, container ${link.peer.containerId.slice(0, 12)}` : ''}${link.peer.namespace ? `, netns ${link.peer.namespace}` : ''})`
        : '—',
    ],
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
  return (
    <Stack gap="xs">
      <PublishFromDetails c={c} snapshot={snapshot} />
      <Rows
        rows={[
          ['id', <Code key="id">{c.id.slice(0, 12)}</Code>],
          ['image', c.image],
          ['state', c.state],
          ['network mode', c.networkMode],
          ['pid', c.pid ?? '—'],
        ]}
      />
      {c.endpoints.map((e) => (
        <Stack key={e.networkId} gap={0}>
          <Text fw={600} size="sm">
            {e.network}
          </Text>
          <Rows
            rows={[
              ['IP', e.ip ?? '—'],
              ['MAC', e.mac ?? '—'],
              ['gateway', e.gateway ?? '—'],
              ['interface', e.interface ?? '—'],
              ['host veth', e.hostVeth ?? 'not matched'],
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}

function NetworkDetails({ n }: { n: Network }) {
  return (
    <Rows
      rows={[
        ['id', <Code key="id">{n.id.slice(0, 12)}</Code>],
        ['driver', n.driver],
        ['scope', n.scope],
        ['bridge', n.bridge ?? '—'],
        ['subnets', n.subnets.map((s) => `${s.subnet}${s.gateway ? ` gw ${s.gateway}` : ''}`).join(', ') || '—'],
        ['internal', n.internal ? 'yes' : 'no'],
        ['options', Object.entries(n.options).map(([k, v]) => `${k}=${v}`).join('\n') || '—'],
        ['containers', n.containers.length],
      ]}
    />
  );
}

function NamespaceDetails({ ns }: { ns: Namespace }) {
  return (
    <Stack gap="xs">
      <Rows rows={[['nsid', ns.id ?? '—'], ['error', ns.error ?? '—']]} />
      {ns.links.map((l) => (
        <Stack key={l.ifindex} gap={0}>
          <Text fw={600} size="sm">
            {l.name}
          </Text>
          <Rows rows={linkRows(l)} />
        </Stack>
      ))}
    </Stack>
  );
}

/** A folded network: who is inside, with their address on it. */
function GroupDetails({ members, network }: { members: Container[]; network: Network }) {
  return (
    <Stack gap={2} data-testid="group-details">
      <Text size="sm" c="dimmed">
        {members.length} containers folded on {network.name}; “Show” on the node draws them.
      </Text>
      {[...members]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((c) => (
          <Text key={c.id} size="xs">
            {c.name} · {c.state} · {c.endpoints.find((e) => e.networkId === network.id)?.ip ?? '—'}
          </Text>
        ))}
    </Stack>
  );
}

export function DetailsPanel({ selection, snapshot }: { selection: Selection; snapshot: Snapshot | null }) {
  if (!selection) return <Text c="dimmed">Click a node or a cable to see its details.</Text>;
  if (selection.kind === 'edge') {
    const link = selection.edge.hostLink;
    return (
      <Stack gap="xs" data-testid="details">
        <Title order={4}>{selection.edge.label || selection.edge.id}</Title>
        {link ? <Rows rows={linkRows(link)} /> : <Text size="sm">{selection.edge.kind} connection</Text>}
      </Stack>
    );
  }
  const node = selection.node;
  return (
    <Stack gap="xs" data-testid="details">
      <Title order={4}>{node.label}</Title>
      {node.type === 'container' && <ContainerDetails c={node.container} snapshot={snapshot} />}
      {node.type === 'network' && <NetworkDetails n={node.network} />}
      {node.type === 'namespace' && <NamespaceDetails ns={node.namespace} />}
      {node.type === 'group' && <GroupDetails members={node.members} network={node.network} />}
      {(node.type === 'nic' || node.type === 'veth') && <Rows rows={linkRows(node.link)} />}
      {node.type === 'bridge' && (
        <>
          <Rows rows={linkRows(node.link)} />
          {node.networks.map((n) => (
            <Stack key={n.id} gap={0}>
              <Text fw={600} size="sm">
                Docker network {n.name}
              </Text>
              <NetworkDetails n={n} />
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
