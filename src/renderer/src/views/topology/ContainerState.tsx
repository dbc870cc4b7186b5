// A container's state as the engine names it ("running", "exited" …), in the window's language;
// a state this window has no word for is shown as the engine wrote it (data).
import { useTranslation } from 'react-i18next';

const KNOWN = new Set(['created', 'configured', 'initialized', 'running', 'paused', 'restarting', 'removing', 'stopping', 'stopped', 'exited', 'dead', 'unknown']);

export function useContainerState(): (state: string) => string | null {
  const { t } = useTranslation('topology');
  return (state) => (KNOWN.has(state) ? t(`state.${state}`) : null);
}

export function ContainerState({ state }: { state: string }) {
  const word = useContainerState()(state);
  return word === null ? <span translate="no">{state}</span> : <>{word}</>;
}
