// The Flows view's logic on flows as the engine attributes them: the six entries of
// test/fixtures/conntrack/list-extended-id.acct1.txt through attributeFlow (docker28 seed lab, w1
// 172.17.0.2, w2 172.17.0.3, uplink 198.51.100.1, LAN client 198.51.100.2).
import { describe, expect, it } from 'vitest';
import { englishT } from './i18n/english';
import type { Flow, FlowEvent } from '../../../src/shared/flow-model';
import {
  ENDED_VISIBLE_MS,
  applyFlowEvents,
  dropEnded,
  endpoint,
  filterChoices,
  flowDirection,
  flowKey,
  flowRow,
  flowTable,
  hasEnded,
  hiddenLine,
  listOfFlows,
  noFilter,
  type FlowList,
} from '../../../src/renderer/src/views/flows/flow-rows';

const w1 = { kind: 'container', container: { id: 'a2fe8a371287d51b60589bc7ec79f5787dfa40ef8d1b64bc273695b6d1d9b596', name: 'w1' } } as const;
const w2 = { kind: 'container', container: { id: '7663b932a7a4558b33c4501e1fce9507acc07f4ba574e7754a7ef8272b52b8da', name: 'w2' } } as const;

const lanToW1: Flow = {
  protocol: 'tcp', state: 'TIME_WAIT',
  original: { src: '198.51.100.2', sport: 35538, dst: '198.51.100.1', dport: 8080 },
  reply: { src: '172.17.0.2', sport: 80, dst: '198.51.100.2', dport: 35538 },
  from: { kind: 'lan' }, to: w1, nat: 'dnat', id: 2693997894, hostPort: 8080, packets: 13, bytes: 1049,
};
const w2ToW1: Flow = {
  protocol: 'tcp', state: 'TIME_WAIT',
  original: { src: '172.17.0.3', sport: 59832, dst: '172.17.0.2', dport: 80 },
  reply: { src: '172.17.0.2', sport: 80, dst: '172.17.0.3', dport: 59832 },
  from: w2, to: w1, nat: null, id: 2989599004, packets: 12, bytes: 990,
};
const w2ToLan: Flow = {
  protocol: 'tcp', state: 'TIME_WAIT',
  original: { src: '172.17.0.3', sport: 40214, dst: '198.51.100.2', dport: 8099 },
  reply: { src: '198.51.100.2', sport: 8099, dst: '198.51.100.1', dport: 40214 },
  from: w2, to: { kind: 'lan' }, nat: 'snat', id: 2387204243, packets: 12, bytes: 943,
};
const w2Dns: Flow = {
  protocol: 'udp', state: 'UNREPLIED',
  original: { src: '172.17.0.3', sport: 58338, dst: '198.51.100.2', dport: 53 },
  reply: { src: '198.51.100.2', sport: 53, dst: '198.51.100.1', dport: 58338 },
  from: w2, to: { kind: 'lan' }, nat: 'snat', id: 999024886, packets: 1, bytes: 61,
};
const lanPingsHost: Flow = {
  protocol: 'icmp', state: 'REPLIED',
  original: { src: '198.51.100.2', sport: null, dst: '198.51.100.1', dport: null },
  reply: { src: '198.51.100.1', sport: null, dst: '198.51.100.2', dport: null },
  from: { kind: 'lan' }, to: { kind: 'host' }, nat: null, id: 865501630, packets: 2, bytes: 168,
};
const w2PingsW1: Flow = {
  protocol: 'icmp', state: 'REPLIED',
  original: { src: '172.17.0.3', sport: null, dst: '172.17.0.2', dport: null },
  reply: { src: '172.17.0.2', sport: null, dst: '172.17.0.3', dport: null },
  from: w2, to: w1, nat: null, id: 2882218331, packets: 2, bytes: 168,
};
const all = [w2Dns, w2ToW1, lanPingsHost, lanToW1, w2ToLan, w2PingsW1];

/** The same LAN → w1 connection from `conntrack -E` without ids (accounting off): by its original tuple. */
const lanToW1Event = (state: string): Flow => ({
  protocol: 'tcp', state,
  original: { src: '198.51.100.2', sport: 35548, dst: '198.51.100.1', dport: 8080 },
  reply: { src: '172.17.0.2', sport: 80, dst: '198.51.100.2', dport: 35548 },
  from: { kind: 'lan' }, to: w1, nat: 'dnat', hostPort: 8080,
});

const keysOf = (list: FlowList) => [...list.keys()];

describe('flowRow', () => {
  it('shows LAN → w1 by who answers, through host port 8080, as DNAT, with its counters', () => {
    expect(flowRow(flowKey(lanToW1), { flow: lanToW1, endedAt: null })).toMatchObject({
      key: 'id:2693997894',
      protocol: 'tcp',
      state: 'TIME_WAIT',
      direction: 'in',
      fromName: 'LAN',
      fromAddress: '198.51.100.2:35538',
      toName: 'w1',
      toAddress: '172.17.0.2:80',
      hostPort: '8080',
      sentTo: '198.51.100.1:8080',
      nat: 'DNAT',
      packets: '13',
      bytes: '1.0 KiB',
      ended: false,
    });
  });

  it('shows a masqueraded fetch as SNAT, to the LAN, without a host port', () => {
    expect(flowRow('k', { flow: w2ToLan, endedAt: 5 })).toMatchObject({
      direction: 'out', fromName: 'w2', toName: 'LAN', toAddress: '198.51.100.2:8099', hostPort: '', sentTo: '', nat: 'SNAT', ended: true,
    });
  });

  it('leaves packets and bytes empty without accounting, and ports off for ICMP', () => {
    const row = flowRow('k', { flow: lanToW1Event('ESTABLISHED'), endedAt: null });
    expect([row.packets, row.bytes]).toEqual(['', '']);
    expect(flowRow('k', { flow: w2PingsW1, endedAt: null })).toMatchObject({ fromAddress: '172.17.0.3', toAddress: '172.17.0.2' });
  });

  it('names namespaces and both NATs, and brackets IPv6', () => {
    const both: Flow = { ...lanToW1, from: { kind: 'namespace', namespace: 'bpps86d-lan' }, nat: 'both' };
    expect(flowRow('k', { flow: both, endedAt: null })).toMatchObject({ fromName: 'namespace bpps86d-lan', nat: 'DNAT + SNAT', direction: 'between' });
    expect(endpoint('fd00::2', 443)).toBe('[fd00::2]:443');
  });
});

describe('flowDirection', () => {
  it('classifies in, between, out and host', () => {
    expect(all.map(flowDirection)).toEqual(['out', 'between', 'host', 'in', 'out', 'between']);
    expect(flowDirection({ ...w2ToLan, to: { kind: 'outside' } })).toBe('out');
    expect(flowDirection({ ...w2ToW1, to: { kind: 'host' } })).toBe('host');
  });
});

describe('filters', () => {
  const list = listOfFlows(all);
  const names = (filter: Partial<typeof noFilter>) => flowTable(list, { ...noFilter, ...filter }).rows.map((r) => `${r.fromName}>${r.toName}:${r.protocol}`);

  it('shows everything newest first without a filter', () => {
    expect(names({})).toEqual(['w2>w1:icmp', 'w2>LAN:tcp', 'LAN>w1:tcp', 'LAN>host:icmp', 'w2>w1:tcp', 'w2>LAN:udp']);
  });

  it('matches a container by name at either end, in part', () => {
    expect(names({ text: 'W1' })).toEqual(['w2>w1:icmp', 'LAN>w1:tcp', 'w2>w1:tcp']);
  });

  it('matches a port exactly, as sent or as answered: 80 is not 8080', () => {
    expect(names({ text: '8080' })).toEqual(['LAN>w1:tcp']);
    expect(names({ text: '80' })).toEqual(['LAN>w1:tcp', 'w2>w1:tcp']);
    expect(names({ text: 'w2 53' })).toEqual(['w2>LAN:udp']);
  });

  it('filters by protocol, state and direction together', () => {
    expect(names({ protocol: 'icmp' })).toEqual(['w2>w1:icmp', 'LAN>host:icmp']);
    expect(names({ state: 'UNREPLIED' })).toEqual(['w2>LAN:udp']);
    expect(names({ direction: 'out', protocol: 'tcp' })).toEqual(['w2>LAN:tcp']);
    expect(names({ direction: 'host' })).toEqual(['LAN>host:icmp']);
    expect(names({ direction: 'in', text: 'w2' })).toEqual([]);
  });

  it('offers the protocols and states present, keeping a chosen one that went', () => {
    expect(filterChoices(list, noFilter)).toEqual({ protocols: ['icmp', 'tcp', 'udp'], states: ['REPLIED', 'TIME_WAIT', 'UNREPLIED'] });
    expect(filterChoices(list, { ...noFilter, state: 'ESTABLISHED' }).states).toContain('ESTABLISHED');
  });
});

describe('applying events', () => {
  it('adds a started flow and updates it by id', () => {
    const started = applyFlowEvents(listOfFlows([w2ToW1]), [{ kind: 'start', flow: { ...lanToW1, state: 'ESTABLISHED' } }], 1000);
    expect(keysOf(started)).toEqual(['id:2989599004', 'id:2693997894']);
    const updated = applyFlowEvents(started, [{ kind: 'update', flow: { ...lanToW1, state: 'FIN_WAIT' } }], 1100);
    expect(updated.size).toBe(2);
    expect(updated.get('id:2693997894')).toEqual({ flow: { ...lanToW1, state: 'FIN_WAIT' }, endedAt: null });
  });

  it('shows a connection that was already closed when listed as ending (it fades and goes)', () => {
    const list = listOfFlows([{ ...lanToW1, state: 'TIME_WAIT' }, { ...w2ToW1, state: 'ESTABLISHED' }], 5000);
    expect(list.get('id:2693997894')?.endedAt).toBe(5000);
    expect(list.get(flowKey(w2ToW1))?.endedAt).toBeNull();
  });

  it('shows a state change of an ended flow without reviving it', () => {
    const ended = applyFlowEvents(listOfFlows([lanToW1]), [{ kind: 'end', flow: lanToW1 }], 1000);
    const late = applyFlowEvents(ended, [{ kind: 'update', flow: { ...lanToW1, state: 'CLOSE' } }], 1200);
    expect(late.get('id:2693997894')).toEqual({ flow: { ...lanToW1, state: 'CLOSE' }, endedAt: 1000 });
  });

  it('marks an ended flow, keeps it faded for a while, then removes it', () => {
    const ended = applyFlowEvents(listOfFlows([lanToW1, w2ToW1]), [{ kind: 'end', flow: lanToW1 }], 1000);
    expect(ended.get('id:2693997894')?.endedAt).toBe(1000);
    expect(hasEnded(ended)).toBe(true);
    expect(flowTable(ended, noFilter).rows.find((r) => r.key === 'id:2693997894')?.ended).toBe(true);
    // A second end (the DESTROY after TIME_WAIT) does not restart the fade.
    const again = applyFlowEvents(ended, [{ kind: 'end', flow: lanToW1 }], 2500);
    expect(again.get('id:2693997894')?.endedAt).toBe(1000);
    expect(dropEnded(again, 1000 + ENDED_VISIBLE_MS - 1)).toBe(again);
    const after = dropEnded(again, 1000 + ENDED_VISIBLE_MS);
    expect(keysOf(after)).toEqual(['id:2989599004']);
    expect(hasEnded(after)).toBe(false);
  });

  it('revives a flow that starts again while fading', () => {
    const ended = applyFlowEvents(listOfFlows([lanToW1]), [{ kind: 'end', flow: lanToW1 }], 1000);
    const back = applyFlowEvents(ended, [{ kind: 'start', flow: lanToW1 }], 1500);
    expect(back.get('id:2693997894')?.endedAt).toBeNull();
  });

  it('follows flows without an id by their original tuple, in event order', () => {
    const events: FlowEvent[] = ['SYN_SENT', 'ESTABLISHED'].map((state) => ({ kind: 'start', flow: lanToW1Event(state) }));
    const list = applyFlowEvents(new Map(), [...events, { kind: 'end', flow: lanToW1Event('TIME_WAIT') }], 7);
    expect(keysOf(list)).toEqual(['tcp 198.51.100.2 35548 198.51.100.1 8080']);
    expect(list.get('tcp 198.51.100.2 35548 198.51.100.1 8080')).toMatchObject({ flow: { state: 'TIME_WAIT' }, endedAt: 7 });
  });

  it('ignores the end of a flow it never showed, and returns the same list for no events', () => {
    const list = listOfFlows([w2ToW1]);
    expect(keysOf(applyFlowEvents(list, [{ kind: 'end', flow: lanToW1 }], 1))).toEqual(['id:2989599004']);
    expect(applyFlowEvents(list, [], 1)).toBe(list);
  });
});

describe('the row limit', () => {
  const many = listOfFlows(Array.from({ length: 2500 }, (_, i) => ({ ...w2ToW1, id: i, original: { ...w2ToW1.original, sport: 30000 + i } })));

  it('draws the newest 2,000 and says how many more matched', () => {
    const table = flowTable(many, noFilter);
    expect(table).toMatchObject({ matched: 2500, hidden: 500 });
    expect(table.rows).toHaveLength(2000);
    expect(table.rows[0]?.key).toBe('id:2499');
    expect(hiddenLine(table, englishT)).toBe('Showing the newest 2,000 of 2,500 flows; narrow them with the filters to see the others.');
  });

  it('says nothing when everything is drawn', () => {
    const table = flowTable(many, { ...noFilter, text: '30007' });
    expect(table).toMatchObject({ matched: 1, hidden: 0 });
    expect(hiddenLine(table, englishT)).toBeNull();
  });
});
