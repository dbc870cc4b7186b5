// The split-store trap: rules in both iptables-nft and iptables-legacy. The kernel runs both, so a
// packet must pass each, but `iptables` shows only one of them.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import { parseIptablesSave } from '../../../netcore/iptables/parse-iptables-save';
import { holdsRules } from '../../firewall/read-firewall';
import { otherVariantName, variantName, type DoctorContext } from '../doctor-context';
import { forwardFindingsOf } from '../findings';
import { firewallUnreadable, list, plural } from './check-base';

const ID = 'iptables-split';
const TITLE = 'One iptables, not a legacy/nft split';

export function iptablesSplitCheck(ctx: DoctorContext): DoctorCheck {
  const fw = ctx.facts.firewall;
  if (!fw.readable) return firewallUnreadable(ID, TITLE, fw.reason);
  const mine = variantName(fw.variant);
  const theirs = otherVariantName(fw.variant);
  const lookedAt = [`iptables -V: ${mine}`, `${theirs}-save`];
  if (fw.otherSave === null) return { id: ID, title: TITLE, status: 'ok', detail: `Only ${mine} is in use: ${theirs}-save is not installed or could not list anything.`, detailMessage: message('engine-doctor:iptablesSplit.onlyOne', { mine, theirs }), lookedAt };
  if (!holdsRules(fw.otherSave) || !ctx.otherTraffic) return { id: ID, title: TITLE, status: 'ok', detail: `${theirs} holds no rules; every rule is in ${mine}, which Docker and \`iptables\` use.`, detailMessage: message('engine-doctor:iptablesSplit.otherEmpty', { mine, theirs }), lookedAt };
  const count = parseIptablesSave(fw.otherSave, 'ipv4').rules.length;
  const blocked = forwardFindingsOf(ctx.otherTraffic, ctx.bridges).filter((f) => f.state === 'rule-drop' || f.state === 'policy-drop');
  lookedAt.push(`${theirs}'s FORWARD chain, walked for each bridge network`);
  const base = `Both ${mine} (which \`iptables\` and Docker use) and ${theirs} (${plural(count, 'rule')}) hold rules. The kernel runs both: a packet must pass each, but \`iptables -L\` shows only ${mine}'s; see the others with \`${theirs}-save\`.`;
  const advice = ` Move the rules you need into ${mine} and delete them from ${theirs} (Bridgeport does not delete rules it did not make).`;
  if (blocked.length > 0) {
    const how = blocked.map((f) => `${f.net.network.name} (${f.net.bridge}): ${f.out.verdict.kind === 'accept' ? `replies — ${f.reply.decidedBy}` : f.out.decidedBy}`);
    return { id: ID, title: TITLE, status: 'fail', detail: `${base} There, ${list(how)}${advice}`, lookedAt };
  }
  return { id: ID, title: TITLE, status: 'warn', detail: `${base} They do not stop containers' traffic out today, but the two sets can contradict each other.${advice}`, lookedAt };
}
