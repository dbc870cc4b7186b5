import { describe, expect, it } from 'vitest';
import { parsePublishSpec, parseUnpublishSpec } from '../../../src/shared/atoms/port-spec';

describe("Docker's -p syntax", () => {
  it.each([
    ['8080:80', { hostIp: '', hostPort: 8080, containerPort: 80 }],
    ['127.0.0.1:8080:80/udp', { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' }],
    ['8000-8002:80-82/tcp', { hostIp: '', hostPort: 8000, hostPortEnd: 8002, containerPort: 80, containerPortEnd: 82, protocol: 'tcp' }],
    ['::1:80', null],
    ['80', null],
    ['a:80', null],
    ['8080:80-', null],
    ['1-2-3:80', null],
    ['8080:80/', { hostIp: '', hostPort: 8080, containerPort: 80, protocol: '' }],
  ])('%s', (spec, expected) => {
    if (expected === null) expect(() => parsePublishSpec(spec)).toThrow();
    else expect(parsePublishSpec(spec)).toEqual(expected);
  });

  it('reads unpublish specs', () => {
    expect(parseUnpublishSpec('9090')).toEqual({ hostIp: '', hostPort: 9090 });
    expect(parseUnpublishSpec('127.0.0.1:9090/udp')).toEqual({ hostIp: '127.0.0.1', hostPort: 9090, protocol: 'udp' });
    expect(() => parseUnpublishSpec('1:2:3')).toThrow();
    expect(() => parseUnpublishSpec('x')).toThrow('host port "x" is not a port number');
  });
});
