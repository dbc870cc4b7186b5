// Runs privileged operations in this process (the engine runs as root: CLI under sudo, tests,
// the helper itself). Arguments are checked again here: this is the last door before a command.
import { type OperationArgs, type OperationName, type OperationResults, type PrivilegedExecutor, parseOperation } from './contract/operations';
import { applyPorts, saveIpv4 } from './ops/apply-ports';
import { runLinkOperation } from './ops/links/run-link-operation';
import { runDoctorOperation } from './ops/doctor/run-doctor-operation';
import { runDnsOperation } from './ops/dns/run-dns-operation';

export class LocalExecutor implements PrivilegedExecutor {
  /** Operations that passed validation and ran (whatever their outcome). */
  executed = 0;
  // One at a time: two batches planned against the same reading would undo each other.
  private queue: Promise<unknown> = Promise.resolve();

  run<O extends OperationName>(op: O, args: OperationArgs<O>): Promise<OperationResults[O]> {
    const call = parseOperation(op, args);
    const next = this.queue.then(() => this.dispatch(call.op, call.args) as Promise<OperationResults[O]>);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async dispatch(op: OperationName, args: unknown): Promise<unknown> {
    if (op === 'helper.status') return { executed: this.executed, pid: process.pid };
    this.executed++;
    switch (op) {
      case 'firewall.save':
        return { text: await saveIpv4() };
      case 'ports.apply':
        return applyPorts(args as OperationArgs<'ports.apply'>);
      case 'netns.add':
      case 'netns.delete':
      case 'link.addBridge':
      case 'link.addVeth':
      case 'link.move':
      case 'link.setUp':
      case 'link.delete':
        return runLinkOperation(op, args);
      case 'sysctl.set':
      case 'kernel.loadModule':
      case 'firewall.applyDoctorRules':
        return runDoctorOperation(op, args);
      case 'dns.readFiles':
      case 'dns.writeResolvConf':
      case 'dns.setRedirects':
      case 'dns.readRedirects':
        return runDnsOperation(op, args);
    }
  }

  close(): void {}
}
