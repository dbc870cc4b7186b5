import { describe, expect, it } from 'vitest';
import { sayEnglish } from '../renderer/publish-say';
import { checkPortRange, parsePublishSpec, parseUnpublishSpec, PortSpecError, readPortRange } from '../../../src/shared/atoms/port-spec';
import { MAX_RANGE } from '../../../src/shared/atoms/ports';
import { parsePortRange } from '../../../src/renderer/src/views/publish/publish-form';

describe('one port range grammar', () => {
  it('reads a port, or two joined by a dash; the end only when written', () => {
    expect(readPortRange('8080')).toEqual({ start: 8080 });
    expect(readPortRange('8000-8010')).toEqual({ start: 8000, end: 8010 });
    expect(readPortRange('8000-8000')).toEqual({ start: 8000, end: 8000 });
    expect(readPortRange('0080')).toEqual({ start: 80 });
  });

  it('allows no spaces, as Docker reads -p (callers trim the whole spec or field)', () => {
    expect(readPortRange('8000 - 8010')).toBeNull();
    expect(readPortRange('8000 -8010')).toBeNull();
    expect(readPortRange(' 8000')).toBeNull();
    expect(readPortRange('80 80')).toBeNull();
  });

  it('takes 1 to 5 digits: a longer number is not a port', () => {
    expect(readPortRange('99999')).toEqual({ start: 99999 });
    expect(readPortRange('100000')).toBeNull();
    expect(readPortRange('8000-100000')).toBeNull();
  });

  it.each(['', 'http', '80.5', '-80', '80-', '80-90-100', '+80', '0x50', '1e3', '80;reboot', '８０'])('refuses %j', (text) => {
    expect(readPortRange(text)).toBeNull();
  });

  it('checks a typed range as the contract will: trimmed, 1–65535, in order, at most MAX_RANGE ports', () => {
    expect(checkPortRange(' 8000 - 8002 ')).toEqual({ start: 8000, end: 8002 });
    expect(checkPortRange('80')).toEqual({ start: 80, end: 80 });
    expect(checkPortRange('   ')).toBe('empty');
    expect(checkPortRange('http')).toBe('not-a-port');
    expect(checkPortRange('0')).toBe('out-of-range');
    expect(checkPortRange('65536')).toBe('out-of-range');
    expect(checkPortRange('8010-8000')).toBe('backwards');
    expect(checkPortRange(`1-${MAX_RANGE}`)).toEqual({ start: 1, end: MAX_RANGE });
    expect(checkPortRange(`1-${MAX_RANGE + 1}`)).toBe('too-long');
  });
});

describe('the CLI and the publish form read ranges alike (they used to disagree)', () => {
  it('spaces around the dash: a typed field forgives them, a -p spec (one shell word, as Docker reads it) does not', () => {
    expect(parsePortRange('8000 - 8002', sayEnglish)).toEqual({ start: 8000, end: 8002 });
    expect(() => parsePublishSpec('8000 - 8002:80 - 82')).toThrow('host port "8000 - 8002" is not a port or a range like 8000-8010');
  });

  it('six digits: the form read them as a number out of range, the CLI as not a port; now both say not a port', () => {
    expect(parsePortRange('100000', sayEnglish)).toBe('“100000” is not a port: write 8080, or a range like 8000-8010');
    expect(() => parsePublishSpec('100000:80')).toThrow('host port "100000" is not a port or a range like 8000-8010');
  });

  it('the CLI leaves value checks to the contract (its messages), the form says them per field', () => {
    expect(parsePublishSpec('0:80')).toEqual({ hostIp: '', hostPort: 0, containerPort: 80 });
    expect(parsePublishSpec('9502-9500:80-78')).toMatchObject({ hostPort: 9502, hostPortEnd: 9500 });
    expect(parsePortRange('0', sayEnglish)).toBe('Ports go from 1 to 65535');
    expect(parsePortRange('9502-9500', sayEnglish)).toBe('The range ends before it starts');
  });
});

describe('publish and unpublish specs', () => {
  it('name the part that is wrong', () => {
    expect(() => parsePublishSpec('8080')).toThrow(new PortSpecError('"8080" is not [hostIp:]hostPort:containerPort[/tcp|udp]'));
    expect(() => parsePublishSpec('9500:80;reboot')).toThrow('container port "80;reboot" is not a port or a range like 8000-8010');
    expect(() => parsePublishSpec(':80')).toThrow('host port "" is not a port or a range like 8000-8010');
    expect(() => parseUnpublishSpec('9090-9091')).toThrow('host port "9090-9091" is not a port number');
    expect(() => parseUnpublishSpec('1:2:3')).toThrow('"1:2:3" is not [hostIp:]hostPort[/tcp|udp]');
  });

  it('trim the whole spec and keep the protocol as written (the contract checks it)', () => {
    expect(parsePublishSpec(' 127.0.0.1:8080:80/udp\n')).toEqual({ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' });
    expect(parseUnpublishSpec('9090/sctp')).toEqual({ hostIp: '', hostPort: 9090, protocol: 'sctp' });
  });
});
