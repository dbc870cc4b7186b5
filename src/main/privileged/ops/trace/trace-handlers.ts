// The kernel trace bound to its runners.
import type { OperationHandlers } from '../../contract/operations';
import type { TraceOperationResults } from '../../contract/trace-operations';
import { runTrace } from './run-trace';
import { clearStaleTraceTables } from './trace-tables';

export const traceHandlers = {
  'trace.run': runTrace,
  'trace.clearStale': async () => ({ removed: await clearStaleTraceTables() }),
} satisfies OperationHandlers<keyof TraceOperationResults>;
