// nat POSTROUTING: is the traffic of every bridge network that wants masquerading rewritten to the
// host's address on its way out? Without it replies from outside never find their way back.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import { OPTION, reachesOutside, wantsMasquerade } from '../bridge-traffic';
import type { DoctorContext } from '../doctor-context';
import { DOCTOR_CHAIN } from '../../../netcore/rulesets/doctor-rules';
import { masqueradeFindings } from '../findings';
import { check, daemonSetting, dockerUnreachable, firewallUnreadable, list, rulesRead, say, sentences, text } from './check-base';

const ID = 'masquerade';

export function masqueradeCheck(ctx: DoctorContext): DoctorCheck {
  const fw = ctx.facts.firewall;
  const lookedAt: Message[] = [say('masquerade.lookedAt.options')];
  const unreachable = dockerUnreachable(ID, ctx, lookedAt);
  if (unreachable) return unreachable;
  if (!fw.readable) return firewallUnreadable(ID, fw, lookedAt);
  lookedAt.push(say('masquerade.lookedAt.chains', { rules: rulesRead(fw) }));
  if (ctx.daemon.ipMasq) lookedAt.push(daemonSetting('ip-masq', ctx.daemon.ipMasq.sourceMessage));
  const optedOut = ctx.bridges.filter((n) => reachesOutside(n) && !wantsMasquerade(n));
  const outNote = optedOut.length > 0
    ? [
        say('masquerade.optedOut', {
          networks: list(
            optedOut.map((n) =>
              n.network.options[OPTION.masquerade] === 'false'
                ? say('masquerade.masqueradeOff', { network: n.network.name })
                : say('masquerade.gatewayMode', { network: n.network.name, mode: String(n.network.options[OPTION.gatewayMode]) }),
            ),
          ),
        }),
      ]
    : [];
  const findings = masqueradeFindings(ctx);
  if (findings.length === 0) return check(ID, { status: 'ok', detail: sentences([say('masquerade.noneWants'), ...outNote]), lookedAt });
  lookedAt.push(...findings.map((f) => say('masquerade.lookedAt.connection', { address: f.net.containerAddress, network: f.net.network.name, outside: ctx.outside.descriptionMessage })));
  const missing = findings.filter((f) => f.by === null);
  const lines = findings.map((f) =>
    f.byMessage === null
      ? say('masquerade.missing', { network: f.net.network.name, subnet: f.net.subnet })
      : say('masquerade.by', { network: f.net.network.name, subnet: f.net.subnet, by: f.byMessage }),
  );
  const daemonNote = missing.length > 0 && ctx.daemon.ipMasq?.value === false ? [say('masquerade.daemonOff', { source: ctx.daemon.ipMasq.sourceMessage })] : [];
  const detail = sentences([...lines, ...daemonNote, ...outNote]);
  if (missing.length === 0) return check(ID, { status: 'ok', detail, lookedAt });
  const label = say('masquerade.fix', { subnets: list(missing.map((f) => text(f.net.subnet))), chain: DOCTOR_CHAIN });
  return check(ID, { status: 'fail', detail, lookedAt, fix: { id: 'masquerade', label } });
}
