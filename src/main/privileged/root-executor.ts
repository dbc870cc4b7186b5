// The executor when nobody elevated anything: in-process if this process is root, else a clear
// refusal (the desktop app passes its helper launcher instead).
import { LocalExecutor } from './local-executor';
import { OperationError, type PrivilegedExecutor } from './contract/operations';

let shared: LocalExecutor | null = null;

export function rootExecutor(): Promise<PrivilegedExecutor> {
  if (process.getuid?.() !== 0) {
    return Promise.reject(new OperationError('changing firewall rules needs root: run this command with sudo (the desktop app asks for your password once instead)', 'needs-privilege'));
  }
  shared ??= new LocalExecutor();
  return Promise.resolve(shared);
}
