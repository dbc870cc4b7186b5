// net.ipv4.ip_forward: without it the kernel forwards nothing between a bridge and the outside.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import type { DoctorContext } from '../doctor-context';
import { check, daemonSetting, say } from './check-base';

const ID = 'ip-forward';

export function ipForwardCheck(ctx: DoctorContext): DoctorCheck {
  const value = ctx.facts.sysctls.ipForward;
  const setting = ctx.daemon.ipForward;
  const lookedAt: Message[] = [value === null ? say('ipForward.lookedAt.unreadable') : say('ipForward.lookedAt.value', { value })];
  if (setting) lookedAt.push(daemonSetting('ip-forward', setting.sourceMessage));
  if (value === null) return check(ID, { status: 'warn', detail: say('ipForward.unreadable'), lookedAt });
  if (value.trim() === '1') return check(ID, { status: 'ok', detail: say('ipForward.on'), lookedAt });
  const toldOff = setting?.value === false ? setting : null;
  return check(ID, {
    status: 'fail',
    detail: toldOff ? say('ipForward.offTold', { value: value.trim(), source: toldOff.sourceMessage }) : say('ipForward.offOther', { value: value.trim() }),
    lookedAt,
    fix: { id: 'ip-forward', label: say('ipForward.fix') },
  });
}
