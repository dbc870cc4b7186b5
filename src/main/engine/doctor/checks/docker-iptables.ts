// Docker up with bridge networks, but none of its rules in the firewall: dockerd runs with
// --iptables=false (or its rules were flushed), so nothing forwards or masquerades for containers.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';
import { check, daemonSetting, dockerUnreachable, firewallUnreadable, list, rulesRead, say, text } from './check-base';

const ID = 'docker-iptables';

function dockerChains(ctx: DoctorContext): string[] {
  const fw = ctx.facts.firewall;
  if (!fw.readable) return [];
  const names = fw.ruleset.chains
    .filter((c) => c.family === 'ipv4' && (((c.table === 'filter' || c.table === 'nat') && c.name.startsWith('DOCKER')) || c.table.endsWith(' docker-bridges')))
    .map((c) => (c.table.includes(' ') ? `${c.table} ${c.name}` : c.name));
  return [...new Set(names)];
}

export function dockerIptablesCheck(ctx: DoctorContext): DoctorCheck {
  const fw = ctx.facts.firewall;
  const lookedAt: Message[] = [say('lookedAt.dockerNetworks'), say('dockerIptables.lookedAt.dropIns', { dir: ctx.facts.dropIns.dir }), text(ctx.facts.daemonJson.path)];
  const unreachable = dockerUnreachable(ID, ctx, lookedAt);
  if (unreachable) return unreachable;
  if (!fw.readable) return firewallUnreadable(ID, fw, lookedAt);
  lookedAt.push(say('dockerIptables.lookedAt.chains', { rules: rulesRead(fw) }));
  const setting = ctx.daemon.iptables;
  if (setting) lookedAt.push(daemonSetting('iptables', setting.sourceMessage));
  if (ctx.bridges.length === 0) return check(ID, { status: 'ok', detail: say('dockerIptables.noBridges'), lookedAt });
  const chains = dockerChains(ctx);
  if (chains.length > 0) {
    const shown = list(chains.slice(0, 6).map(text));
    const params = { chains: chains.length > 6 ? say('dockerIptables.moreChains', { chains: shown }) : shown };
    const detail = setting?.value === false ? say('dockerIptables.inPlacePending', { ...params, source: setting.sourceMessage }) : say('dockerIptables.inPlace', params);
    return check(ID, { status: 'ok', detail, lookedAt });
  }
  const cause = setting?.value === false ? say('dockerIptables.turnedOff', { source: setting.sourceMessage }) : say('dockerIptables.flushed');
  return check(ID, { status: 'fail', detail: say('dockerIptables.noChains', { count: ctx.bridges.length, cause }), lookedAt });
}
