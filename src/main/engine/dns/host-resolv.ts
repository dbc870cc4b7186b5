// Which file holds the host's DNS servers: Docker skips systemd-resolved's stub (127.0.0.53, which
// means nothing inside a container) for the upstream list resolved keeps next to it. Pure.
import { parseResolvConf } from '../../netcore/resolv-conf/resolv-conf';

export const RESOLVED_STUB = '127.0.0.53';

export interface HostFileChoice {
  path: string;
  text: string;
  /** resolved's upstream list, e.g. /run/systemd/resolve/resolv.conf */
  stubTarget: string;
  /** null when it could not be read */
  stubTargetText: string | null;
}

export function hostFileInForce(choice: HostFileChoice): { inForce: string; followedStub: boolean; text: string | null } {
  const servers = parseResolvConf(choice.text).nameservers;
  // Docker's rule (resolvconf.Path): only a file naming the stub and nothing else is followed.
  if (servers.length === 1 && servers[0] === RESOLVED_STUB && choice.stubTargetText !== null) {
    return { inForce: choice.stubTarget, followedStub: true, text: choice.stubTargetText };
  }
  return { inForce: choice.path, followedStub: false, text: choice.text };
}
