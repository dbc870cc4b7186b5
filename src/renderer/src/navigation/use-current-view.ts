// Which view the window shows, kept in the URL hash (#networks, #ports, #doctor …) so a reload stays on it.
import { useCallback, useEffect, useState } from 'react';

export const viewNames = ['topology', 'networks', 'namespaces', 'ports', 'nat', 'traffic', 'flows', 'path', 'dns', 'doctor'] as const;
export type ViewName = (typeof viewNames)[number];

function viewOfHash(): ViewName {
  const name = window.location.hash.slice(1);
  return (viewNames as readonly string[]).includes(name) ? (name as ViewName) : 'topology';
}

export function useCurrentView(): [ViewName, (view: ViewName) => void] {
  const [view, setView] = useState<ViewName>(viewOfHash);
  useEffect(() => {
    const follow = () => setView(viewOfHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const show = useCallback((next: ViewName) => {
    // replaceState: switching tabs should not fill the history the way page navigation does.
    window.history.replaceState(null, '', next === 'topology' ? window.location.pathname + window.location.search : `#${next}`);
    setView(next);
  }, []);
  return [view, show];
}
