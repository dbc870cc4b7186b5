// enable_icc=false is enforced by a FORWARD rule that only sees traffic inside a bridge when
// br_netfilter hands bridged packets to iptables (net.bridge.bridge-nf-call-iptables=1).
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import { OPTION } from '../bridge-traffic';
import type { DoctorContext } from '../doctor-context';
import { dockerUnreachable, list } from './check-base';

const ID = 'br-netfilter';
const TITLE = 'Bridge netfilter where icc=false';
const SYSCTL = 'net.bridge.bridge-nf-call-iptables (/proc/sys/net/bridge/bridge-nf-call-iptables)';

export function brNetfilterCheck(ctx: DoctorContext): DoctorCheck {
  const value = ctx.facts.sysctls.bridgeNfCallIptables;
  const lookedAt = [`${SYSCTL} = ${value === null ? 'absent (br_netfilter is not loaded)' : value.trim()}`, "each bridge network's enable_icc (Docker API)"];
  const unreachable = dockerUnreachable(ID, TITLE, ctx, lookedAt);
  if (unreachable) return unreachable;
  const iccOff = ctx.bridges.filter((n) => n.network.options[OPTION.icc] === 'false');
  if (iccOff.length === 0) return { id: ID, title: TITLE, status: 'ok', detail: 'No bridge network turns inter-container communication off (enable_icc=false), so none relies on bridge netfilter.', detailMessage: message('engine-doctor:brNetfilter.noIccOff'), lookedAt };
  const names = list(iccOff.map((n) => `${n.network.name} (${n.bridge})`));
  if (value?.trim() === '1') return { id: ID, title: TITLE, status: 'ok', detail: `Bridged traffic passes iptables, so Docker's icc=false rule for ${names} applies.`, lookedAt };
  const state = value === null ? 'br_netfilter is not loaded' : 'net.bridge.bridge-nf-call-iptables is 0';
  return {
    id: ID,
    title: TITLE,
    status: 'fail',
    detail: `${names} ${iccOff.length === 1 ? 'has' : 'have'} enable_icc=false, which Docker enforces with a FORWARD rule; but ${state}, so traffic between containers on the same bridge never reaches iptables and they can still talk to each other. Setting it here lasts until reboot.`,
    lookedAt,
    fix: {
      id: 'br-netfilter',
      label: `${value === null ? 'Load br_netfilter and set' : 'Set'} net.bridge.bridge-nf-call-iptables=1 (until reboot; traffic inside every bridge then passes iptables FORWARD)`,
    },
  };
}
