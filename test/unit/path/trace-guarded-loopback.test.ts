// Docker 28's raw-table guard closes the hole of moby#41872: the same packet that reaches the
// container on 20.10 is dropped before NAT.
import { describe, expect, it } from 'vitest';
import { dockerRulesText, HOST_IP, idOf, lan, rulesetOf, trace } from './path-host';

const guard = '[1:60] -A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8443 -j DROP';
const guarded = `${dockerRulesText}\n*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${guard}\nCOMMIT\n`;

describe('a loopback binding with and without the raw-table guard', () => {
  it('without it (Docker 20.10) a LAN packet for 127.0.0.1 reaches the container, with the caveat', () => {
    const result = trace(lan, '127.0.0.1', 8443);
    expect(result.outcome.kind).toBe('container');
    expect(result.caveats.join(' ')).toMatch(/41872/);
  });

  it('with it (Docker 28) the raw table drops it first, and that rule is named', () => {
    const result = trace(lan, '127.0.0.1', 8443, { rules: guarded });
    expect(result.outcome.kind).toBe('dropped');
    const deciding = result.steps.at(-1)!;
    expect(deciding).toMatchObject({ stage: 'raw PREROUTING', verdict: 'drop' });
    expect(deciding.ruleId).toBe(idOf(rulesetOf(guarded), 'raw', guard.replace(/^\[\d+:\d+\]\s*/, '')));
  });

  it('the guard does not touch the port from the host itself or the LAN address', () => {
    expect(trace(lan, HOST_IP, 8443, { rules: guarded }).outcome.kind).toBe('no-listener');
  });
});
