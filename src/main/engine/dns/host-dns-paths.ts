// Which files hold the host's DNS: /etc/resolv.conf (or --resolv-conf PATH, or
// $BRIDGEPORT_RESOLV_CONF as the doctor reads it) and systemd-resolved's upstream list.
export interface HostDnsPaths {
  path: string;
  /** Where systemd-resolved lists its upstream servers; Docker uses it when `path` names only the stub. */
  stubTarget: string;
}

export function hostDnsPaths(explicit?: string, env: NodeJS.ProcessEnv = process.env): HostDnsPaths {
  return {
    path: explicit || env.BRIDGEPORT_RESOLV_CONF || '/etc/resolv.conf',
    stubTarget: env.BRIDGEPORT_RESOLVED_UPSTREAM || '/run/systemd/resolve/resolv.conf',
  };
}
