// systemd-resolved's stub: the host's servers are in its upstream list, as Docker takes them.
import { describe, expect, it } from 'vitest';
import { hostFileInForce } from '../../../src/main/engine/dns/host-resolv';

const paths = { path: '/etc/resolv.conf', stubTarget: '/run/systemd/resolve/resolv.conf' };
const upstream = 'nameserver 192.168.1.1\nsearch home.lan\n';

describe('hostFileInForce', () => {
  it('follows the stub to resolved’s upstream list', () => {
    const stub = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch home.lan\n';
    expect(hostFileInForce({ ...paths, text: stub, stubTargetText: upstream })).toEqual({ inForce: '/run/systemd/resolve/resolv.conf', followedStub: true, text: upstream });
  });

  it('keeps the file when the upstream list cannot be read', () => {
    const stub = 'nameserver 127.0.0.53\n';
    expect(hostFileInForce({ ...paths, text: stub, stubTargetText: null })).toEqual({ inForce: '/etc/resolv.conf', followedStub: false, text: stub });
  });

  it('keeps a file that names other servers, even alongside the stub', () => {
    const mixed = 'nameserver 127.0.0.53\nnameserver 10.0.0.1\n';
    expect(hostFileInForce({ ...paths, text: mixed, stubTargetText: upstream })).toEqual({ inForce: '/etc/resolv.conf', followedStub: false, text: mixed });
    expect(hostFileInForce({ ...paths, text: 'nameserver 127.0.0.1\n', stubTargetText: upstream }).followedStub).toBe(false);
  });
});
