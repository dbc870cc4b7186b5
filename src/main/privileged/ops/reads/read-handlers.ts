// The privileged reads bound to their runners.
import type { OperationHandlers } from '../../contract/operations';
import type { ReadOperationResults } from '../../contract/read-operations';
import { listNftTables, readFirewall } from './read-firewall';
import { namespaceReport } from './namespace-report';
import { readListeners } from './read-listeners';

export const readHandlers = {
  'firewall.read': readFirewall,
  'firewall.listTables': listNftTables,
  'netns.report': namespaceReport,
  'host.listeners': readListeners,
} satisfies OperationHandlers<keyof ReadOperationResults>;
