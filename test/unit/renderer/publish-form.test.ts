import { describe, expect, it } from 'vitest';
import { sayEnglish } from './publish-say';
import { publishRequestSchema, type MappingStatus } from '../../../src/shared/publish-model';
import { publishedSentence } from '../../../src/renderer/src/views/publish/describe-mapping';
import { engineMessage } from '../../../src/renderer/src/views/publish/engine-message';
import { checkPublishForm, emptyForm, parsePortRange, type PublishFormValues } from '../../../src/renderer/src/views/publish/publish-form';

const form = (patch: Partial<PublishFormValues>): PublishFormValues => ({ ...emptyForm('w1'), hostPorts: '9393', containerPorts: '80', ...patch });

describe('reading a port or a range', () => {
  it('takes one port, or a range with or without spaces', () => {
    expect(parsePortRange('8080', sayEnglish)).toEqual({ start: 8080, end: 8080 });
    expect(parsePortRange(' 8000-8010 ', sayEnglish)).toEqual({ start: 8000, end: 8010 });
    expect(parsePortRange('8000 - 8002', sayEnglish)).toEqual({ start: 8000, end: 8002 });
    expect(parsePortRange('1', sayEnglish)).toEqual({ start: 1, end: 1 });
    expect(parsePortRange('65535', sayEnglish)).toEqual({ start: 65535, end: 65535 });
  });

  it('says what is wrong: empty, not a number, out of 1–65535, backwards, too long', () => {
    expect(parsePortRange('  ', sayEnglish)).toBe('Enter a port, or a range like 8000-8010');
    expect(parsePortRange('http', sayEnglish)).toBe('“http” is not a port: write 8080, or a range like 8000-8010');
    expect(parsePortRange('80.5', sayEnglish)).toMatch(/is not a port/);
    expect(parsePortRange('-80', sayEnglish)).toMatch(/is not a port/);
    expect(parsePortRange('80-90-100', sayEnglish)).toMatch(/is not a port/);
    expect(parsePortRange('0', sayEnglish)).toBe('Ports go from 1 to 65535');
    expect(parsePortRange('65536', sayEnglish)).toBe('Ports go from 1 to 65535');
    expect(parsePortRange('8000-70000', sayEnglish)).toBe('Ports go from 1 to 65535');
    expect(parsePortRange('8010-8000', sayEnglish)).toBe('The range ends before it starts');
    expect(parsePortRange('1000-3000', sayEnglish)).toBe('A range is at most 1024 ports');
  });
});

describe('the publish form', () => {
  it('makes the request the contract accepts: all addresses is "", single ports have no end', () => {
    const check = checkPublishForm(form({}), ['bridge'], sayEnglish);
    expect(check.errors).toBeUndefined();
    expect(check.request).toEqual({ container: 'w1', hostIp: '', hostPort: 9393, containerPort: 80, protocol: 'tcp' });
    expect(publishRequestSchema.safeParse(check.request).success).toBe(true);
  });

  it('sends ranges, the host IP and the protocol', () => {
    const check = checkPublishForm(form({ hostIp: '198.51.100.1', hostPorts: '8000-8002', containerPorts: '80-82', protocol: 'udp' }), ['bridge'], sayEnglish);
    expect(check.request).toEqual({
      container: 'w1',
      hostIp: '198.51.100.1',
      hostPort: 8000,
      hostPortEnd: 8002,
      containerPort: 80,
      containerPortEnd: 82,
      protocol: 'udp',
    });
    expect(publishRequestSchema.safeParse(check.request).success).toBe(true);
  });

  it('sends the network only when the container is on several', () => {
    expect(checkPublishForm(form({ network: 'bridge' }), ['bridge'], sayEnglish).request).not.toHaveProperty('network');
    expect(checkPublishForm(form({ network: 'intranet' }), ['bridge', 'intranet'], sayEnglish).request).toMatchObject({ network: 'intranet' });
    expect(checkPublishForm(form({ network: null }), ['bridge', 'intranet'], sayEnglish).errors).toEqual({ network: 'Pick one of its networks' });
  });

  it('names each wrong field and makes no request', () => {
    const check = checkPublishForm({ ...emptyForm(), hostPorts: 'abc', containerPorts: '' }, [], sayEnglish);
    expect(check.request).toBeUndefined();
    expect(check.errors).toEqual({
      container: 'Pick a container',
      hostPorts: '“abc” is not a port: write 8080, or a range like 8000-8010',
      containerPorts: 'Enter a port, or a range like 8000-8010',
    });
  });

  it('wants ranges of the same length on both sides', () => {
    expect(checkPublishForm(form({ hostPorts: '8000-8010', containerPorts: '80' }), ['bridge'], sayEnglish).errors).toEqual({
      containerPorts: 'Ports map one to one: the host side has 11 ports, this side 1 port',
    });
    expect(checkPublishForm(form({ hostPorts: '8000', containerPorts: '80-81' }), ['bridge'], sayEnglish).errors?.containerPorts).toMatch(/1 port, this side 2 ports/);
  });
});

describe("the engine's words", () => {
  it('come out of the WebSocket and the Electron IPC wrappers, as a sentence', () => {
    expect(engineMessage(new Error('host port 8080/tcp is already published by Docker for container w1'))).toBe(
      'Host port 8080/tcp is already published by Docker for container w1',
    );
    expect(engineMessage(new Error("Error invoking remote method 'bridgeport:invoke': PublishRefused: container x is exited: only a running container can have a port published"))).toBe(
      'Container x is exited: only a running container can have a port published',
    );
    expect(engineMessage(new Error("Error invoking remote method 'bridgeport:invoke': Error: 198.51.100.9 is not an address of this host (it has 127.0.0.1)"))).toBe(
      '198.51.100.9 is not an address of this host (it has 127.0.0.1)',
    );
    expect(engineMessage(new Error('ContractError: invalid input for ports.publish: hostPort: ports start at 1'))).toBe('Invalid input for ports.publish: hostPort: ports start at 1');
    expect(engineMessage('cannot reach the Bridgeport server')).toBe('Cannot reach the Bridgeport server');
    expect(engineMessage(new Error(''))).toBe('The engine gave no reason');
  });
});

describe('the confirmation', () => {
  const status: MappingStatus = {
    id: 'abcdef012345',
    container: { id: 'c1', name: 'w1' },
    network: 'bridge',
    hostIp: '',
    hostPort: 9393,
    hostPortEnd: 9393,
    containerPort: 80,
    containerPortEnd: 80,
    protocol: 'tcp',
    createdAt: '2025-01-01T00:00:00.000Z',
    state: 'active',
    containerIp: '172.17.0.2',
    bridge: 'docker0',
    detail: null,
  };

  it('says where the port listens and where it leads', () => {
    expect(publishedSentence(status, sayEnglish)).toBe('Host port 9393/tcp on all addresses now leads to w1 port 80 (172.17.0.2, network bridge).');
    expect(publishedSentence({ ...status, hostIp: '127.0.0.1', hostPortEnd: 9395, containerPortEnd: 82, protocol: 'udp' }, sayEnglish)).toBe(
      'Host port 9393-9395/udp on 127.0.0.1 now leads to w1 port 80-82 (172.17.0.2, network bridge).',
    );
  });

  it('says when it waits for the container', () => {
    expect(publishedSentence({ ...status, state: 'waiting', containerIp: null, detail: 'container w1 is exited; the port comes back when it runs' }, sayEnglish)).toBe(
      'Host port 9393/tcp on all addresses now leads to w1 port 80, once it can: container w1 is exited; the port comes back when it runs.',
    );
  });
});
