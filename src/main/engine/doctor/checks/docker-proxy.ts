// Proxy settings of dockerd (systemd drop-ins, daemon.json "proxies"): they apply to the daemon's
// pulls and pushes, never to containers' own traffic — a common confusion when containers cannot
// get out through a proxy-only network.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';
import { list } from './check-base';

const ID = 'docker-proxy';
const TITLE = 'Proxy settings of the Docker daemon';
const PROXY_NAME = /^(https?|no|all|ftp)[_-]proxy$/i;

/** Hides credentials: http://user:secret@proxy:3128 → http://***@proxy:3128. */
export function redactProxy(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

function loopbackProxy(value: string): boolean {
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?\[?([^\]/:]+)/i.exec(value)?.[1]?.toLowerCase() ?? '';
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

export function dockerProxyCheck(ctx: DoctorContext): DoctorCheck {
  const { dropIns, daemonJson } = ctx.facts;
  const lookedAt = [
    dropIns.files.length > 0 ? `${list(dropIns.files.map((f) => f.path))} (Environment=)` : `${dropIns.dir}/*.conf: ${dropIns.error ? 'not readable' : 'none'}`,
    `${daemonJson.path}: ${daemonJson.error ? 'not readable' : daemonJson.text === null ? 'absent' : '"proxies"'}`,
  ];
  const settings = [
    ...ctx.dropIns.environment.filter((e) => PROXY_NAME.test(e.name)).map((e) => ({ name: e.name, value: e.value, source: e.path })),
    ...ctx.daemon.proxies,
  ];
  const problems: string[] = [];
  if (dropIns.error) problems.push(`${dropIns.dir} could not be read (${dropIns.error}).`);
  if (daemonJson.error) problems.push(`${daemonJson.path} could not be read (${daemonJson.error}).`);
  if (ctx.daemon.daemonJsonError) problems.push(`${daemonJson.path} is not valid JSON (${ctx.daemon.daemonJsonError}): dockerd refuses to start with it.`);
  const files = ctx.dropIns.environmentFiles.map((f) => `${f.value} (from ${f.path})`);
  const filesNote = files.length > 0 ? ` EnvironmentFile= ${list(files)} may set more; Bridgeport does not read it.` : '';
  if (settings.length === 0) {
    return {
      id: ID,
      title: TITLE,
      status: problems.length > 0 ? 'warn' : 'ok',
      detail: `${problems.join(' ')}${problems.length > 0 ? ' ' : ''}dockerd has no proxy settings, so it pulls images directly.${filesNote}`,
      // A message only for the plain sentence; problems and EnvironmentFile= notes stay in English.
      ...(problems.length === 0 && !filesNote ? { detailMessage: message('engine-doctor:dockerProxy.none') } : {}),
      lookedAt,
    };
  }
  const shown = settings.map((s) => `${s.name}=${redactProxy(s.value)} (${s.source})`);
  const loopback = settings.filter((s) => !/^no[_-]proxy$/i.test(s.name) && loopbackProxy(s.value));
  const loopbackNote = loopback.length > 0 ? ` ${list(loopback.map((s) => s.name))} point${loopback.length === 1 ? 's' : ''} at this host's loopback: handed to a container as is, that address is the container itself, not the proxy.` : '';
  return {
    id: ID,
    title: TITLE,
    status: 'warn',
    detail: `${problems.join(' ')}${problems.length > 0 ? ' ' : ''}dockerd uses a proxy: ${list(shown)}. It applies to the daemon only (pulls, pushes, logins), not to containers: a container that must go through the proxy needs HTTP_PROXY/HTTPS_PROXY itself (\`docker run -e …\`, or "proxies" in ~/.docker/config.json). If pulls fail, check the proxy is reachable and NO_PROXY lists your registries; after editing a drop-in, run \`systemctl daemon-reload && systemctl restart docker\`.${loopbackNote}${filesNote}`,
    lookedAt,
  };
}
