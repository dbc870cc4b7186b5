import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FirewallReader } from '../../../src/main/engine/firewall/read-firewall';
import type { PrivilegedExecutor } from '../../../src/main/privileged/contract/operations';

const fixture = (path: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');

/** An executor that lists the chains of `inet netavark` and serves `native` for it. */
function netavarkHost(native: () => string): PrivilegedExecutor & { tablesAsked: unknown[] } {
  const tablesAsked: unknown[] = [];
  const chains = JSON.stringify({ nftables: [{ chain: { family: 'ip', table: 'nat', name: 'DOCKER' } }, { chain: { family: 'inet', table: 'netavark', name: 'INPUT' } }] });
  return {
    tablesAsked,
    run: ((op: string, args: { tables?: unknown }) => {
      if (op === 'firewall.listTables') return Promise.resolve({ text: chains });
      if (op === 'firewall.read') {
        tablesAsked.push(args.tables);
        return Promise.resolve({ v4: '', v6: '', other: null, native: [native()] });
      }
      return Promise.reject(new Error(`${op} not served`));
    }) as PrivilegedExecutor['run'],
    close: () => undefined,
  };
}

describe('FirewallReader on a Podman host (native table inet netavark)', () => {
  it('reads the native tables a chain listing names, skipping the iptables-nft ones', async () => {
    const host = netavarkHost(() => fixture('podman5/nft-ruleset.json'));
    const read = await new FirewallReader(() => Promise.resolve(host)).read();
    expect(host.tablesAsked).toEqual([[{ family: 'inet', name: 'netavark' }]]);
    expect(read.readable).toBe(true);
    expect(read.ruleset.rules.filter((r) => r.target === 'DNAT').map((r) => r.toDestination)).toEqual(['10.88.0.2:80', '10.89.0.2:80', '10.89.0.2:53']);
  });

  it('reuses the last parse while nft prints the same text, and parses again when it changes', async () => {
    let text = fixture('podman5/nft-ruleset.json');
    const reader = new FirewallReader(() => Promise.resolve(netavarkHost(() => text)));
    const first = await reader.read();
    const second = await reader.read();
    expect(second.ruleset.rules[0]).toBe(first.ruleset.rules[0]);
    text = text.replaceAll('9090', '9099');
    const third = await reader.read();
    expect(third.ruleset.rules[0]).not.toBe(first.ruleset.rules[0]);
    expect(third.ruleset.rules.some((r) => r.match.dport === '9099')).toBe(true);
  });
});
