// filter FORWARD: does a new connection from each bridge network get out, and its replies back in?
// Walked rule by rule through FORWARD and every chain it jumps to, down to the policy.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { DOCTOR_CHAIN } from '../../../netcore/rulesets/doctor-rules';
import type { DoctorContext } from '../doctor-context';
import { forwardFindings, type ForwardFinding } from '../findings';
import { firewallUnreadable, list, rulesRead } from './check-base';

const ID = 'forward-policy';
const TITLE = 'FORWARD chain lets containers out';

const netName = (f: ForwardFinding) => `${f.net.network.name} (${f.net.bridge})`;

function lineOf(f: ForwardFinding, policy: string): string {
  const name = netName(f);
  switch (f.state) {
    case 'ok':
      return `${name}: out — ${f.out.decidedBy ?? 'accepted'} Replies — ${f.reply.decidedBy ?? 'accepted'}`;
    case 'policy-drop': {
      const outDropped = f.out.verdict.kind !== 'accept';
      const replyDropped = f.reply.verdict.kind !== 'accept';
      const what = outDropped && replyDropped ? 'a new connection from it and the replies to it fall' : outDropped ? 'a new connection from it falls' : 'the replies to its connections fall';
      const missing = [
        ...(outDropped ? [`"-i ${f.net.bridge} ! -o ${f.net.bridge} -j ACCEPT"`] : []),
        ...(replyDropped ? [`"-o ${f.net.bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"`] : []),
      ];
      return `${name}: ${what} through to the FORWARD policy ${policy} and ${outDropped && !replyDropped ? 'is' : 'are'} dropped. Docker normally adds ${missing.join(' and ')} (or its own chains to the same effect); no such rule is there (deleted by hand, or by a firewall reload?).`;
    }
    case 'rule-drop': {
      const verdict = f.out.verdict.kind === 'drop' || f.out.verdict.kind === 'reject' ? f.out.verdict : f.reply.verdict;
      const what = verdict === f.out.verdict ? 'a new connection from it' : 'its replies';
      return `${name}: ${what}: ${'description' in verdict ? verdict.description : 'dropped'} That rule is someone's decision, so Bridgeport offers no fix: remove or narrow it if it should not apply to containers.`;
    }
    default:
      return `${name}: could not be decided — ${[...f.out.caveats, ...f.reply.caveats].join(' ') || ('description' in f.out.verdict ? f.out.verdict.description : '')}`;
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
  if (!fw.readable || !ctx.traffic) return firewallUnreadable(ID, TITLE, fw.readable ? '' : fw.reason);
  const policy = ctx.traffic.policyOf('filter', 'FORWARD') ?? 'ACCEPT';
  const lookedAt = [`filter FORWARD policy: ${policy}`, `${rulesRead(ctx)}: FORWARD and every chain it jumps to`];
  if (!ctx.traffic.hasChain('filter', 'FORWARD')) {
    const native = fw.backend === 'nftables' ? " Docker's own nftables table (ip docker-bridges) forwards by verdict maps, which Bridgeport does not walk rule by rule." : '';
    return { id: ID, title: TITLE, status: 'ok', detail: `iptables has no filter FORWARD chain, so nothing there stops containers' traffic.${native}`, lookedAt: [`${rulesRead(ctx)}: no filter FORWARD chain`] };
  }
  const findings = forwardFindings(ctx);
  if (findings.length === 0) {
    const none = ctx.facts.docker.available ? 'No Docker bridge network is meant to reach outside (none, or all internal).' : 'Docker could not be asked for its networks, so there is no bridge to walk a packet from.';
    return { id: ID, title: TITLE, status: ctx.facts.docker.available ? 'ok' : 'warn', detail: none, lookedAt };
  }
  lookedAt.push(...findings.map((f) => `a new TCP connection from ${f.net.containerAddress} (network ${f.net.network.name}) to ${ctx.outside.description}, and its replies`));
  const native = nativeDropChains(ctx);
  if (native.length > 0) lookedAt.push(`native nftables chains with policy drop: ${native.join(', ')} (not walked)`);
  const lines = findings.map((f) => lineOf(f, policy));
  const policyDropped = findings.filter((f) => f.state === 'policy-drop');
  const status = findings.some((f) => f.state === 'policy-drop' || f.state === 'rule-drop') ? 'fail' : findings.some((f) => f.state === 'unknown') || native.length > 0 ? 'warn' : 'ok';
  const nativeNote = native.length > 0 ? ` Native nftables chains ${list(native)} have policy drop and see these packets too; Bridgeport does not walk them: make sure they accept Docker's bridges.` : '';
  const check: DoctorCheck = { id: ID, title: TITLE, status, detail: `${lines.join(' ')}${nativeNote}`, lookedAt };
  if (policyDropped.length > 0) {
    const bridges = policyDropped.map((f) => f.net.bridge);
    check.fix = {
      id: 'forward-accept',
      label: `Accept traffic out of ${list(bridges)} and its replies (own chain ${DOCTOR_CHAIN} at the end of FORWARD; the ${policy} policy stays)`,
    };
  }
  return check;
}
