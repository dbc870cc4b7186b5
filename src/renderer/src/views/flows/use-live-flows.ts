// The flows there are (`flows.get`, fetched when the view opens and again after a reconnect), kept
// live by the `flowEvents` topic: events that arrive before the report are held and applied on top
// of it, so none is lost between the two. Ended flows fade and go after ENDED_VISIBLE_MS.
import { useEffect, useState } from 'react';
import { saidOf } from '../../../../shared/errors';
import type { FlowEvent, FlowsReport } from '../../../../shared/flow-model';
import type { Message } from '../../../../shared/message';
import { api } from '../../api/api';
import { applyFlowEvents, dropEnded, hasEnded, listOfFlows, type FlowList } from './flow-rows';

export interface LiveFlows {
  list: FlowList;
  /** The report's facts besides its flows (accounting, dropped, limitations); null until it came. */
  report: Omit<FlowsReport, 'flows'> | null;
  error: string | null;
  /** The error as a message, when the engine said it as one (`error` is its English). */
  errorMessage: Message | null;
}

const SWEEP_MS = 500;

export function useLiveFlows(): LiveFlows {
  const [state, setState] = useState<LiveFlows>({ list: new Map(), report: null, error: null, errorMessage: null });

  useEffect(() => {
    let alive = true;
    // Events since the last fetch was asked for: applied on top of its answer.
    let pending: FlowEvent[] = [];
    let loaded = false;
    const load = () => {
      loaded = false;
      pending = [];
      api.invoke('flows.get', {}).then(
        ({ flows, ...report }) => {
          if (!alive) return;
          const list = applyFlowEvents(listOfFlows(flows, Date.now()), pending, Date.now());
          loaded = true;
          pending = [];
          setState({ list, report, error: null, errorMessage: null });
        },
        (error: Error) => alive && setState((s) => ({ ...s, error: error.message, errorMessage: saidOf(error) ?? null })),
      );
    };
    const unsubscribe = api.subscribe('flowEvents', (events) => {
      if (!loaded) pending.push(...events);
      else setState((s) => ({ ...s, list: applyFlowEvents(s.list, events, Date.now()) }));
    });
    const unwatch = api.onConnectionChange?.((connected) => connected && load());
    load();
    const sweep = setInterval(() => {
      setState((s) => (hasEnded(s.list) ? { ...s, list: dropEnded(s.list, Date.now()) } : s));
    }, SWEEP_MS);
    return () => {
      alive = false;
      clearInterval(sweep);
      unsubscribe();
      unwatch?.();
    };
  }, []);

  return state;
}
