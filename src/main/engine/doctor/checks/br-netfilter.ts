// enable_icc=false is enforced by a FORWARD rule that only sees traffic inside a bridge when
// br_netfilter hands bridged packets to iptables (net.bridge.bridge-nf-call-iptables=1).
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { OPTION } from '../bridge-traffic';
import type { DoctorContext } from '../doctor-context';
import { check, dockerUnreachable, list, say, text } from './check-base';

const ID = 'br-netfilter';

export function brNetfilterCheck(ctx: DoctorContext): DoctorCheck {
  const value = ctx.facts.sysctls.bridgeNfCallIptables;
  const lookedAt = [value === null ? say('brNetfilter.lookedAt.absent') : say('brNetfilter.lookedAt.value', { value: value.trim() }), say('brNetfilter.lookedAt.icc')];
  const unreachable = dockerUnreachable(ID, ctx, lookedAt);
  if (unreachable) return unreachable;
  const iccOff = ctx.bridges.filter((n) => n.network.options[OPTION.icc] === 'false');
  if (iccOff.length === 0) return check(ID, { status: 'ok', detail: say('brNetfilter.noIccOff'), lookedAt });
  const networks = list(iccOff.map((n) => text(`${n.network.name} (${n.bridge})`)));
  if (value?.trim() === '1') return check(ID, { status: 'ok', detail: say('brNetfilter.applies', { networks }), lookedAt });
  return check(ID, {
    status: 'fail',
    detail: say(value === null ? 'brNetfilter.notLoaded' : 'brNetfilter.off', { networks, count: iccOff.length }),
    lookedAt,
    fix: { id: 'br-netfilter', label: say(value === null ? 'brNetfilter.fixLoad' : 'brNetfilter.fix') },
  });
}
