// Every privileged operation bound to its runner: an operation added to the contract without a
// runner here does not compile.
import type { OperationHandlers, OperationName } from './contract/operations';
import { saveIpv4 } from './firewall/apply-and-verify';
import { applyPorts } from './ops/apply-ports';
import { dnsHandlers } from './ops/dns/run-dns-operation';
import { doctorHandlers } from './ops/doctor/run-doctor-operation';
import { linkHandlers } from './ops/links/run-link-operation';
import { readHandlers } from './ops/reads/read-handlers';
import { flowHandlers } from './ops/flows/flow-handlers';
import { traceHandlers } from './ops/trace/trace-handlers';

/** helper.status is the executor's own answer (it counts what ran); everything else runs a command. */
export type CommandOperation = Exclude<OperationName, 'helper.status'>;

export const commandHandlers: OperationHandlers<CommandOperation> = {
  'firewall.save': async () => ({ text: await saveIpv4() }),
  'ports.apply': applyPorts,
  ...linkHandlers,
  ...doctorHandlers,
  ...dnsHandlers,
  ...readHandlers,
  ...flowHandlers,
  ...traceHandlers,
};
