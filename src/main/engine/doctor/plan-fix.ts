// Which privileged operations a fix takes, from the facts it was offered on. Pure. The firewall
// fixes declare the doctor chain's whole content: what it held for bridges and subnets that still
// exist, plus what this fix adds.
import type { DoctorContext } from './doctor-context';
import { currentRuleSet, normalizeRuleSet, type DoctorRuleSet } from '../../netcore/rulesets/doctor-rules';
import { forwardFindings, masqueradeFindings } from './findings';

export type FixOperation =
  | { op: 'sysctl.set'; args: { key: 'net.ipv4.ip_forward' | 'net.bridge.bridge-nf-call-iptables'; value: 0 | 1 } }
  | { op: 'kernel.loadModule'; args: { module: 'br_netfilter' } }
  | { op: 'firewall.applyDoctorRules'; args: DoctorRuleSet };

/** The doctor's rules now, without those for bridges or subnets Docker no longer has. */
export function keptRuleSet(ctx: DoctorContext): DoctorRuleSet {
  const fw = ctx.facts.firewall;
  const current = fw.readable ? currentRuleSet(fw.ruleset) : { forward: [], masquerade: [] };
  if (!ctx.facts.docker.available) return current;
  const bridges = new Set(ctx.bridges.map((b) => b.bridge));
  const subnets = new Set(ctx.bridges.map((b) => `${b.subnet} ${b.bridge}`));
  return {
    forward: current.forward.filter((b) => bridges.has(b)),
    masquerade: current.masquerade.filter((m) => subnets.has(`${m.subnet} ${m.bridge}`)),
  };
}

export function planFix(fixId: string, ctx: DoctorContext): FixOperation[] {
  switch (fixId) {
    case 'ip-forward':
      return [{ op: 'sysctl.set', args: { key: 'net.ipv4.ip_forward', value: 1 } }];
    case 'br-netfilter':
      return [
        ...(ctx.facts.sysctls.bridgeNfCallIptables === null ? [{ op: 'kernel.loadModule' as const, args: { module: 'br_netfilter' as const } }] : []),
        { op: 'sysctl.set', args: { key: 'net.bridge.bridge-nf-call-iptables', value: 1 } },
      ];
    case 'forward-accept': {
      const kept = keptRuleSet(ctx);
      const add = forwardFindings(ctx).filter((f) => f.state === 'policy-drop').map((f) => f.net.bridge);
      return [{ op: 'firewall.applyDoctorRules', args: normalizeRuleSet({ ...kept, forward: [...kept.forward, ...add] }) }];
    }
    case 'masquerade': {
      const kept = keptRuleSet(ctx);
      const add = masqueradeFindings(ctx).filter((f) => f.by === null).map((f) => ({ subnet: f.net.subnet, bridge: f.net.bridge }));
      return [{ op: 'firewall.applyDoctorRules', args: normalizeRuleSet({ ...kept, masquerade: [...kept.masquerade, ...add] }) }];
    }
    default:
      throw new Error(`no fix ${fixId}`);
  }
}
