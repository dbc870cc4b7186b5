// A UDP "connection" to a host port seen before the DNAT existed stays tracked as going to the host
// and would bypass the new rule until it times out: delete those entries. I/O.
import { CommandError, runCommand } from '../../system/run-command';

export async function flushUdpConntrack(ports: readonly number[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const port of ports) {
    try {
      await runCommand(['conntrack', '-D', '-p', 'udp', '--orig-port-dst', String(port)]);
    } catch (error) {
      // conntrack exits 1 when nothing matched: that is the normal case.
      if (error instanceof CommandError && error.exitCode === 1) continue;
      warnings.push(`could not clear UDP conntrack entries for port ${port} (is the conntrack tool installed?): ${(error as Error).message}`);
      break;
    }
  }
  return warnings;
}
