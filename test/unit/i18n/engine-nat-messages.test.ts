// NAT rule explanations as messages (issue 18): the English the engine prints is the English
// catalogue's, and every explanation of the captured rule sets is said in Korean with no key missing
// and no English phrase left (rule text, addresses and chain names stay as they are).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import type { DockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { sayIn } from './engine-say';

const facts: DockerFacts = {
  containerByIp: new Map([['172.17.0.2', { id: 'c1', name: 'w1' }]]),
  bridges: new Set(['docker0']),
  subnets: new Set(['172.17.0.0/16']),
  containerByPublishedPort: new Map(),
};

const fixture = (path: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');
const firewallFolder = resolve(import.meta.dirname, '../../fixtures/firewall');
const saves = [
  ...readdirSync(firewallFolder).filter((f) => f.includes('iptables-save')).map((f) => `firewall/${f}`),
  'docker28/iptables-save.txt',
  'netavark-iptables/iptables-save.txt',
  'podman5/iptables-save.txt',
  'publish/docker20-published.txt',
].map((path) => parseIptablesSave(fixture(path)));
const natives = ['podman5/nft-ruleset.json', 'firewalld/nft-ruleset.json', 'firewall/docker29-nftables.json'].map((path) => parseNftJson(fixture(path)));

describe('NAT explanations in both languages', () => {
  const rules = [...saves, ...natives].flatMap((ruleset) => attributeRules(ruleset, facts));

  it('come from captured rule sets', () => {
    expect(rules.length).toBeGreaterThan(50);
  });

  it('say in English, through the catalogue, exactly the sentence the engine prints', () => {
    for (const r of rules) expect(sayIn('en', r.explainMessage!)).toBe(r.explain);
  });

  it('say every explanation in Korean, with no English word of the engine left', () => {
    for (const r of rules) {
      const korean = sayIn('ko', r.explainMessage!);
      // What may stay Latin: the rule's own text (addresses, interfaces, chains, targets, comments).
      const leftover = korean
        .replace(/\(“[^”]*”\)/g, '')
        .replace(/그리고 .*$/g, '')
        .split(/[\s,()→:;]+/)
        .filter((w) => /^[a-z]{3,}$/.test(w) && !r.spec.includes(w));
      expect(leftover, `${r.spec} → ${korean}`).toEqual([]);
    }
  });

  it('a DNAT rule to a container, in Korean', () => {
    const [dnat] = attributeRules(parseIptablesSave('*nat\n:DOCKER - [0:0]\n-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\nCOMMIT\n'), facts);
    expect(sayIn('ko', dnat!.explainMessage!)).toBe('TCP, 포트 8080, docker0(으)로 들어오지 않음 → w1 172.17.0.2:80');
  });
});
