// What firewall.applyDoctorRules may mean: forwarding and masquerading only for container engines'
// (or Bridgeport's) bridges, each masqueraded subnet that bridge's own network. I/O (reads); the
// rules are in netcore/meaning.
import { ownNetworkProblem } from '../../netcore/meaning/port-request';
import { OperationError, type OperationArgs } from '../contract/operations';
import { requireOwnedBridge } from './bridges';
import { readBridgeOwnership } from './host-facts';

export async function checkDoctorRules(args: OperationArgs<'firewall.applyDoctorRules'>): Promise<void> {
  if (args.forward.length === 0 && args.masquerade.length === 0) return;
  const facts = await readBridgeOwnership();
  for (const bridge of args.forward) requireOwnedBridge(bridge, facts);
  for (const m of args.masquerade) {
    const problem = ownNetworkProblem(m.subnet, requireOwnedBridge(m.bridge, facts));
    if (problem !== null) throw new OperationError(problem, 'refused');
  }
}
