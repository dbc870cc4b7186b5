// nat POSTROUTING: is the traffic of every bridge network that wants masquerading rewritten to the
// host's address on its way out? Without it replies from outside never find their way back.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import { OPTION, reachesOutside, wantsMasquerade } from '../bridge-traffic';
import type { DoctorContext } from '../doctor-context';
import { DOCTOR_CHAIN } from '../../../netcore/rulesets/doctor-rules';
import { masqueradeFindings } from '../findings';
import { dockerUnreachable, firewallUnreadable, list, rulesRead } from './check-base';

const ID = 'masquerade';
const TITLE = 'Masquerading for bridge networks that want it';

export function masqueradeCheck(ctx: DoctorContext): DoctorCheck {
  const fw = ctx.facts.firewall;
  const lookedAt = ["each bridge network's enable_ip_masquerade, internal and gateway mode (Docker API)"];
  const unreachable = dockerUnreachable(ID, TITLE, ctx, lookedAt);
  if (unreachable) return unreachable;
  if (!fw.readable) return firewallUnreadable(ID, TITLE, fw.reason, lookedAt);
  lookedAt.push(`${rulesRead(ctx)}: nat POSTROUTING and every chain it jumps to`);
  if (ctx.daemon.ipMasq) lookedAt.push(`dockerd's ip-masq setting: ${ctx.daemon.ipMasq.source}`);
  const optedOut = ctx.bridges.filter((n) => reachesOutside(n) && !wantsMasquerade(n));
  const outNote =
    optedOut.length > 0
      ? ` Not masqueraded by choice: ${list(optedOut.map((n) => `${n.network.name} (${n.network.options[OPTION.masquerade] === 'false' ? 'enable_ip_masquerade=false' : `gateway mode ${n.network.options[OPTION.gatewayMode]}`})`))} — their containers reach outside only if the network beyond routes their subnets back to this host.`
      : '';
  const findings = masqueradeFindings(ctx);
  if (findings.length === 0) return { id: ID, title: TITLE, status: 'ok', detail: `No bridge network wants masquerading.${outNote}`, ...(outNote ? {} : { detailMessage: message('engine-doctor:masquerade.noneWants') }), lookedAt };
  lookedAt.push(...findings.map((f) => `a new connection from ${f.net.containerAddress} (network ${f.net.network.name}) to ${ctx.outside.description}`));
  const missing = findings.filter((f) => f.by === null);
  const lines = findings.map((f) =>
    f.by === null
      ? `${f.net.network.name} (${f.net.subnet}): nothing masquerades it, so its packets leave with the container's private source address and replies cannot come back.`
      : `${f.net.network.name} (${f.net.subnet}): ${f.by}`,
  );
  const daemonNote = missing.length > 0 && ctx.daemon.ipMasq?.value === false ? ` dockerd is told not to masquerade (${ctx.daemon.ipMasq.source}).` : '';
  const check: DoctorCheck = { id: ID, title: TITLE, status: missing.length > 0 ? 'fail' : 'ok', detail: `${lines.join(' ')}${daemonNote}${outNote}`, lookedAt };
  if (missing.length > 0) {
    check.fix = {
      id: 'masquerade',
      label: `Masquerade ${list(missing.map((f) => f.net.subnet))} on the way out (own chain ${DOCTOR_CHAIN} at the end of nat POSTROUTING)`,
    };
  }
  return check;
}
