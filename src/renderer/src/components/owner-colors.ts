// One color per owner of a rule or port, the same in every view.
import type { RuleOwner } from '../../../shared/firewall-model';

export const ownerColors: Record<RuleOwner, string> = { docker: 'blue', podman: 'violet', firewalld: 'orange', bridgeport: 'grape', other: 'gray' };
