// The split-store trap: rules in both iptables-nft and iptables-legacy. The kernel runs both, so a
// packet must pass each, but `iptables` shows only one of them.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { parseIptablesSave } from '../../../netcore/iptables/parse-iptables-save';
import { holdsRules } from '../../firewall/read-firewall';
import { otherVariantName, variantName, type DoctorContext } from '../doctor-context';
import { forwardFindingsOf } from '../findings';
import { check, firewallUnreadable, list, say, sentences, text } from './check-base';

const ID = 'iptables-split';

export function iptablesSplitCheck(ctx: DoctorContext): DoctorCheck {
  const fw = ctx.facts.firewall;
  if (!fw.readable) return firewallUnreadable(ID, fw);
  const mine = variantName(fw.variant);
  const theirs = otherVariantName(fw.variant);
  const lookedAt = [say('iptablesSplit.lookedAt.variant', { mine }), say('iptablesSplit.lookedAt.otherSave', { theirs })];
  if (fw.otherSave === null) return check(ID, { status: 'ok', detail: say('iptablesSplit.onlyOne', { mine, theirs }), lookedAt });
  if (!holdsRules(fw.otherSave) || !ctx.otherTraffic) return check(ID, { status: 'ok', detail: say('iptablesSplit.otherEmpty', { mine, theirs }), lookedAt });
  const count = parseIptablesSave(fw.otherSave, 'ipv4').rules.length;
  const blocked = forwardFindingsOf(ctx.otherTraffic, ctx.bridges).filter((f) => f.state === 'rule-drop' || f.state === 'policy-drop');
  lookedAt.push(say('iptablesSplit.lookedAt.otherForward', { theirs }));
  const both = say('iptablesSplit.both', { mine, theirs, count });
  const advice = say('iptablesSplit.advice', { mine, theirs });
  if (blocked.length > 0) {
    // The deciding rule in the packet path's words (a drop always has one: the rule or the policy).
    const how = blocked.map((f) =>
      f.out.verdict.kind === 'accept'
        ? say('iptablesSplit.repliesBlocked', { network: f.net.network.name, bridge: f.net.bridge, by: f.reply.decidedByMessage ?? text(String(f.reply.decidedBy)) })
        : say('iptablesSplit.blocked', { network: f.net.network.name, bridge: f.net.bridge, by: f.out.decidedByMessage ?? text(String(f.out.decidedBy)) }),
    );
    return check(ID, { status: 'fail', detail: sentences([both, say('iptablesSplit.there', { how: list(how) }), advice]), lookedAt });
  }
  return check(ID, { status: 'warn', detail: sentences([both, say('iptablesSplit.noBlock'), advice]), lookedAt });
}
