// filter FORWARD: does a new connection from each bridge network get out, and its replies back in?
// Walked rule by rule through FORWARD and every chain it jumps to, down to the policy.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import { DOCTOR_CHAIN } from '../../../netcore/rulesets/doctor-rules';
import type { DoctorContext } from '../doctor-context';
import { forwardFindings, type ForwardFinding } from '../findings';
import { check, firewallUnreadable, list, rulesRead, say, sentences, text } from './check-base';

const ID = 'forward-policy';

// The walks' own sentences (the deciding rule, caveats) are the packet path's messages.
function lineOf(f: ForwardFinding, policy: string): Message {
  const where = { network: f.net.network.name, bridge: f.net.bridge };
  switch (f.state) {
    case 'ok': {
      const accepted = (decidedBy: Message | null) => decidedBy ?? say('forwardPolicy.accepted');
      return say('forwardPolicy.out', { ...where, out: accepted(f.out.decidedByMessage), replies: accepted(f.reply.decidedByMessage) });
    }
    case 'policy-drop': {
      const outDropped = f.out.verdict.kind !== 'accept';
      const replyDropped = f.reply.verdict.kind !== 'accept';
      const rules = list([
        ...(outDropped ? [text(`"-i ${f.net.bridge} ! -o ${f.net.bridge} -j ACCEPT"`)] : []),
        ...(replyDropped ? [text(`"-o ${f.net.bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"`)] : []),
      ]);
      const key = outDropped && replyDropped ? 'forwardPolicy.policyDropsBoth' : outDropped ? 'forwardPolicy.policyDropsOut' : 'forwardPolicy.policyDropsReplies';
      return say(key, { ...where, policy, rules });
    }
    case 'rule-drop': {
      const verdict = f.out.verdict.kind === 'drop' || f.out.verdict.kind === 'reject' ? f.out.verdict : f.reply.verdict;
      const by = 'descriptionMessage' in verdict ? verdict.descriptionMessage : say('forwardPolicy.dropped');
      return say(verdict === f.out.verdict ? 'forwardPolicy.ruleDropsOut' : 'forwardPolicy.ruleDropsReplies', { ...where, by });
    }
    default: {
      const caveats = [...f.out.caveatMessages, ...f.reply.caveatMessages];
      const why = [...f.out.caveats, ...f.reply.caveats].join(' ') ? sentences(caveats) : 'descriptionMessage' in f.out.verdict ? f.out.verdict.descriptionMessage : text('');
      return say('forwardPolicy.undecided', { ...where, why });
    }
  }
}

/** Native nftables base chains also see every packet: a drop policy there is beyond these walks. */
function nativeDropChains(ctx: DoctorContext): string[] {
  const fw = ctx.facts.firewall;
  if (!fw.readable) return [];
  return fw.ruleset.chains
    .filter((c) => c.family === 'ipv4' && c.table.includes(' ') && !c.table.endsWith('docker-bridges') && c.policy === 'DROP' && /forward/i.test(c.name))
    .map((c) => `${c.table} ${c.name}`);
}

export function forwardPolicyCheck(ctx: DoctorContext): DoctorCheck {
  const fw = ctx.facts.firewall;
  if (!fw.readable || !ctx.traffic) return firewallUnreadable(ID, fw);
  const policy = ctx.traffic.policyOf('filter', 'FORWARD') ?? 'ACCEPT';
  const lookedAt = [say('forwardPolicy.lookedAt.policy', { policy }), say('forwardPolicy.lookedAt.chains', { rules: rulesRead(fw) })];
  if (!ctx.traffic.hasChain('filter', 'FORWARD')) {
    const detail = say(fw.backend === 'nftables' ? 'forwardPolicy.noChainNative' : 'forwardPolicy.noChain');
    return check(ID, { status: 'ok', detail, lookedAt: [say('forwardPolicy.lookedAt.noChain', { rules: rulesRead(fw) })] });
  }
  const findings = forwardFindings(ctx);
  if (findings.length === 0) {
    const available = ctx.facts.docker.available;
    return check(ID, { status: available ? 'ok' : 'warn', detail: say(available ? 'forwardPolicy.noNetworks' : 'forwardPolicy.dockerUnreachable'), lookedAt });
  }
  lookedAt.push(
    ...findings.map((f) => say('forwardPolicy.lookedAt.connection', { address: f.net.containerAddress, network: f.net.network.name, outside: ctx.outside.descriptionMessage })),
  );
  const native = nativeDropChains(ctx);
  if (native.length > 0) lookedAt.push(say('forwardPolicy.lookedAt.nativeDrop', { chains: native.map(text) }));
  const lines = findings.map((f) => lineOf(f, policy));
  const policyDropped = findings.filter((f) => f.state === 'policy-drop');
  const status = findings.some((f) => f.state === 'policy-drop' || f.state === 'rule-drop') ? 'fail' : findings.some((f) => f.state === 'unknown') || native.length > 0 ? 'warn' : 'ok';
  const nativeNote = native.length > 0 ? [say('forwardPolicy.nativeDrop', { chains: list(native.map(text)) })] : [];
  const detail = sentences([...lines, ...nativeNote]);
  if (policyDropped.length === 0) return check(ID, { status, detail, lookedAt });
  const label = say('forwardPolicy.fix', { bridges: list(policyDropped.map((f) => text(f.net.bridge))), chain: DOCTOR_CHAIN, policy });
  return check(ID, { status, detail, lookedAt, fix: { id: 'forward-accept', label } });
}
