// Docker up with bridge networks, but none of its rules in the firewall: dockerd runs with
// --iptables=false (or its rules were flushed), so nothing forwards or masquerades for containers.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';
import { dockerUnreachable, firewallUnreadable, list, plural, rulesRead } from './check-base';

const ID = 'docker-iptables';
const TITLE = 'Docker manages the firewall (--iptables)';

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
  const lookedAt = ['Docker networks (Docker API)', `${ctx.facts.dropIns.dir}/*.conf (ExecStart=)`, ctx.facts.daemonJson.path];
  const unreachable = dockerUnreachable(ID, TITLE, ctx, lookedAt);
  if (unreachable) return unreachable;
  if (!fw.readable) return firewallUnreadable(ID, TITLE, fw.reason, lookedAt);
  lookedAt.push(`${rulesRead(ctx)}: chains named DOCKER…`);
  const setting = ctx.daemon.iptables;
  if (setting) lookedAt.push(`dockerd's iptables setting: ${setting.source}`);
  if (ctx.bridges.length === 0) return { id: ID, title: TITLE, status: 'ok', detail: 'Docker has no bridge networks, so it needs no rules.', detailMessage: message('engine-doctor:dockerIptables.noBridges'), lookedAt };
  const chains = dockerChains(ctx);
  if (chains.length > 0) {
    const pending = setting?.value === false ? ` (${setting.source} says otherwise: it takes effect when Docker restarts)` : '';
    return { id: ID, title: TITLE, status: 'ok', detail: `Docker's rules are in place: ${list(chains.slice(0, 6))}${chains.length > 6 ? ' …' : ''}${pending}.`, lookedAt };
  }
  const cause =
    setting?.value === false
      ? `dockerd runs with iptables off (${setting.source}). Remove that and restart Docker (\`systemctl daemon-reload && systemctl restart docker\`), or write the forwarding and MASQUERADE rules yourself.`
      : `No setting in the drop-ins or daemon.json turns it off, so its rules were probably flushed (a firewall reload or \`iptables -F\`), or dockerd was started with --iptables=false by hand. \`systemctl restart docker\` writes them again.`;
  return {
    id: ID,
    title: TITLE,
    status: 'fail',
    detail: `Docker runs with ${plural(ctx.bridges.length, 'bridge network')} but the firewall holds none of its chains: nothing accepts or masquerades its containers' traffic. ${cause}`,
    lookedAt,
  };
}
