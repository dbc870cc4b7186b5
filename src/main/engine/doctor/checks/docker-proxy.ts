// Proxy settings of dockerd (systemd drop-ins, daemon.json "proxies"): they apply to the daemon's
// pulls and pushes, never to containers' own traffic — a common confusion when containers cannot
// get out through a proxy-only network.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';
import { check, list, say, sentences, text } from './check-base';

const ID = 'docker-proxy';
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
    dropIns.files.length > 0
      ? say('dockerProxy.lookedAt.dropIns', { files: list(dropIns.files.map((f) => text(f.path))) })
      : say(dropIns.error ? 'dockerProxy.lookedAt.dropInsUnreadable' : 'dockerProxy.lookedAt.noDropIns', { dir: dropIns.dir }),
    say(daemonJson.error ? 'dockerProxy.lookedAt.daemonJsonUnreadable' : daemonJson.text === null ? 'dockerProxy.lookedAt.noDaemonJson' : 'dockerProxy.lookedAt.daemonJson', { path: daemonJson.path }),
  ];
  const settings = [
    ...ctx.dropIns.environment.filter((e) => PROXY_NAME.test(e.name)).map((e) => ({ name: e.name, value: e.value, sourceMessage: text(e.path) })),
    ...ctx.daemon.proxies,
  ];
  const problems: Message[] = [];
  if (dropIns.error) problems.push(say('fileUnreadable', { path: dropIns.dir, error: dropIns.error }));
  if (daemonJson.error) problems.push(say('fileUnreadable', { path: daemonJson.path, error: daemonJson.error }));
  if (ctx.daemon.daemonJsonError) problems.push(say('dockerProxy.invalidJson', { path: daemonJson.path, error: ctx.daemon.daemonJsonError }));
  const files = ctx.dropIns.environmentFiles.map((f) => say('dockerProxy.environmentFile', { file: f.value, source: f.path }));
  const filesNote = files.length > 0 ? [say('dockerProxy.environmentFiles', { files: list(files) })] : [];
  if (settings.length === 0) {
    return check(ID, { status: problems.length > 0 ? 'warn' : 'ok', detail: sentences([...problems, say('dockerProxy.none'), ...filesNote]), lookedAt });
  }
  const shown = settings.map((s) => say('dockerProxy.setting', { name: s.name, value: redactProxy(s.value), source: s.sourceMessage }));
  const loopback = settings.filter((s) => !/^no[_-]proxy$/i.test(s.name) && loopbackProxy(s.value));
  const loopbackNote = loopback.length > 0 ? [say('dockerProxy.loopback', { names: list(loopback.map((s) => text(s.name))), count: loopback.length })] : [];
  return check(ID, { status: 'warn', detail: sentences([...problems, say('dockerProxy.uses', { settings: list(shown) }), ...loopbackNote, ...filesNote]), lookedAt });
}
