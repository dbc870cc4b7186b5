// Small shared pieces of the checks. Pure.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { DoctorContext } from '../doctor-context';
import { variantName } from '../doctor-context';

export type CheckFunction = (ctx: DoctorContext) => DoctorCheck;

export const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the firewall checks say when the rules could not be read: a warning, never a guess. */
export function firewallUnreadable(id: string, title: string, reason: string, lookedAt: string[] = []): DoctorCheck {
  return {
    id,
    title,
    status: 'warn',
    detail: `${reason} Run \`sudo bridgeport doctor\` to check this.`,
    lookedAt: [...lookedAt, 'the firewall (iptables-save): not readable'],
  };
}

/** "the rules of iptables-nft" or of the variant in use. */
export function rulesRead(ctx: DoctorContext): string {
  const fw = ctx.facts.firewall;
  return fw.readable ? `the IPv4 rules of ${variantName(fw.variant)} (iptables-save)${fw.backend === 'nftables' ? ' and native nftables tables' : ''}` : 'the firewall';
}

export function dockerUnreachable(id: string, title: string, ctx: DoctorContext, lookedAt: string[]): DoctorCheck | null {
  const docker = ctx.facts.docker;
  if (docker.available) return null;
  return { id, title, status: 'warn', detail: `Docker could not be asked for its networks: ${docker.reason}`, lookedAt: [...lookedAt, 'the Docker API: not reachable'] };
}
