// What the publisher says about its mappings (the Ports view's event log, a waiting mapping's
// detail, why rules were rewritten) as messages of catalogue engine-ports; data (ports, names,
// addresses, a tool's error text) goes in as parameters. Pure.
import { saidOf } from '../../../shared/errors';
import { message, type Message, type MessageParam } from '../../../shared/message';
import type { Mapping, PublishRequest } from '../../../shared/publish-model';

type PortRange = Pick<Mapping, 'hostIp' | 'hostPort' | 'hostPortEnd' | 'containerPort' | 'containerPortEnd' | 'protocol'>;

/** A mapping's ports as data: `[hostIp:]8080-8081→80-81/tcp`. */
export const portText = (m: PortRange): string => {
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);
  return `${m.hostIp ? `${m.hostIp}:` : ''}${range(m.hostPort, m.hostPortEnd)}→${range(m.containerPort, m.containerPortEnd)}/${m.protocol}`;
};

export const portsMessage = (key: string, params: Record<string, MessageParam> = {}): Message => message(`engine-ports:${key}`, params);

/** An error as a phrase: its own message when it carries one, else its text as it is. */
export const errorPhrase = (error: unknown): Message =>
  saidOf(error) ?? message('engine-common:text', { text: error instanceof Error ? error.message : String(error) });

export const detail = {
  dockerUnreachable: () => portsMessage('detail.dockerUnreachable'),
  removed: (container: string) => portsMessage('detail.removed', { container }),
  notRunning: (container: string, state: string) => portsMessage('detail.notRunning', { container, state }),
  notConnected: (container: string, network: string) => portsMessage('detail.notConnected', { container, network }),
  notBridge: (network: string) => portsMessage('detail.notBridge', { network }),
};

/** The event log's sentences. */
export const event = {
  published: (m: Mapping) => portsMessage('event.published', { port: portText(m), container: m.container.name }),
  unpublished: (m: Mapping) => portsMessage('event.unpublished', { port: portText(m), container: m.container.name }),
  failed: (m: Mapping, error: unknown) => portsMessage('event.failed', { port: portText(m), container: m.container.name, error: errorPhrase(error) }),
  refused: (r: Pick<PublishRequest, 'container' | 'hostPort' | 'protocol'>, error: unknown) =>
    portsMessage('event.refused', { container: r.container, port: r.hostPort, protocol: r.protocol, error: errorPhrase(error) }),
  removed: (m: Mapping) => portsMessage('event.removed', { container: m.container.name, port: portText(m) }),
  restored: (count: number, why: Message) => portsMessage('event.restored', { count, reason: why }),
};

export const reason = {
  reconcile: () => portsMessage('reason.reconcile'),
  changed: () => portsMessage('reason.changed'),
  otherProcess: () => portsMessage('reason.otherProcess'),
  rulesChanged: () => portsMessage('reason.rulesChanged'),
  tableRemoved: (table: string) => portsMessage('reason.tableRemoved', { table }),
};
