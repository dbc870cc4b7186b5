// Where the doctor reads Docker's configuration and the resolver's, overridable by the environment
// so tests (and unusual hosts) never depend on /etc. Pure.

export interface DoctorPaths {
  /** Docker's systemd drop-in directory. */
  dropInDir: string;
  daemonJson: string;
  resolvConf: string;
  /** systemd-resolved's upstream list. */
  resolvedUpstream: string;
}

export function doctorPaths(env: NodeJS.ProcessEnv = process.env): DoctorPaths {
  return {
    dropInDir: env.BRIDGEPORT_DOCKER_DROPIN_DIR || '/etc/systemd/system/docker.service.d',
    daemonJson: env.BRIDGEPORT_DOCKER_DAEMON_JSON || '/etc/docker/daemon.json',
    resolvConf: env.BRIDGEPORT_RESOLV_CONF || '/etc/resolv.conf',
    resolvedUpstream: env.BRIDGEPORT_RESOLVED_UPSTREAM || '/run/systemd/resolve/resolv.conf',
  };
}
