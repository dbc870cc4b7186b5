// The live-flow reads bound to their runners.
import type { OperationHandlers } from '../../contract/operations';
import type { FlowOperationResults } from '../../contract/flow-operations';
import { readFlowEvents } from './conntrack-events';
import { listFlows } from './list-flows';

export const flowHandlers = {
  'flows.list': listFlows,
  'flows.events': readFlowEvents,
} satisfies OperationHandlers<keyof FlowOperationResults>;
