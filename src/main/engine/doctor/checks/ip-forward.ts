// net.ipv4.ip_forward: without it the kernel forwards nothing between a bridge and the outside.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';

const ID = 'ip-forward';
const TITLE = 'IPv4 forwarding (net.ipv4.ip_forward)';

export function ipForwardCheck(ctx: DoctorContext): DoctorCheck {
  const value = ctx.facts.sysctls.ipForward;
  const setting = ctx.daemon.ipForward;
  const lookedAt = [`net.ipv4.ip_forward (/proc/sys/net/ipv4/ip_forward) = ${value ?? 'unreadable'}`];
  if (setting) lookedAt.push(`dockerd's ip-forward setting: ${setting.source}`);
  if (value === null) return { id: ID, title: TITLE, status: 'warn', detail: '/proc/sys/net/ipv4/ip_forward could not be read.', detailMessage: message('engine-doctor:ipForward.unreadable'), lookedAt };
  if (value.trim() === '1') {
    return {
      id: ID,
      title: TITLE,
      status: 'ok',
      detail: 'IPv4 forwarding is on: the kernel routes packets between Docker\'s bridges and the host\'s other interfaces.',
      detailMessage: message('engine-doctor:ipForward.on'),
      lookedAt,
    };
  }
  const toldOff = setting?.value === false ? setting : null;
  const why = toldOff
    ? `dockerd is told not to turn it on (${toldOff.source}).`
    : 'Docker turns it on when it starts, so something turned it off since (a sysctl file applied by `sysctl --system`, a network manager, a firewall script).';
  return {
    id: ID,
    title: TITLE,
    status: 'fail',
    detail: `IPv4 forwarding is off (net.ipv4.ip_forward = ${value.trim()}): the kernel drops every packet from a container to anything beyond this host. ${why} Setting it here lasts until reboot; to keep it, add "net.ipv4.ip_forward = 1" to a file in /etc/sysctl.d/.`,
    detailMessage: toldOff ? message('engine-doctor:ipForward.offTold', { value: value.trim(), source: toldOff.source }) : message('engine-doctor:ipForward.offOther', { value: value.trim() }),
    lookedAt,
    fix: { id: 'ip-forward', label: 'Set net.ipv4.ip_forward=1 now (until reboot)', labelMessage: message('engine-doctor:ipForward.fix') },
  };
}
