// What changed since the user's last look at the NAT view. The baseline is read once when the view
// opens; the rules on screen are saved as the new baseline when the view closes (tab switch,
// window closed) or when the user marks them seen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FirewallRule } from '../../../../shared/firewall-model';
import { diffSeen, loadSeen, saveSeen, seenOf, type SeenDiff, type SeenRules } from './seen-rules';

const nothingChanged: SeenDiff = { added: new Set(), removed: [] };

export function useSeenRules(rules: readonly FirewallRule[] | null): SeenDiff & { markSeen: () => void } {
  const [baseline, setBaseline] = useState<SeenRules | null>(() => loadSeen(window.localStorage));
  // First ever look: nothing is new yet, but rules that come and go while watching still show.
  if (baseline === null && rules) setBaseline(seenOf(rules));

  const latest = useRef(rules);
  useEffect(() => {
    latest.current = rules;
  }, [rules]);
  useEffect(() => {
    const save = () => latest.current && saveSeen(window.localStorage, seenOf(latest.current));
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, []);

  const diff = useMemo(() => (baseline && rules ? diffSeen(baseline, rules) : nothingChanged), [baseline, rules]);
  const markSeen = useCallback(() => {
    if (!latest.current) return;
    const seen = seenOf(latest.current);
    saveSeen(window.localStorage, seen);
    setBaseline(seen);
  }, []);
  return { ...diff, markSeen };
}
