// The window's entry: starts the layout worker first, so ELK (1.6 MB) is fetched and compiled in its
// own thread while this thread parses the window's bundle; then loads the window (again if a
// network change aborted its fetch, see retry-import.ts).
import { retryImport } from './navigation/retry-import';
import { warmUpLayout } from './views/topology/layout-engine';

warmUpLayout();
retryImport(() => import('./main')).catch((error: unknown) => {
  // The catalogues come with that bundle: the only words the window has are these two.
  const root = document.getElementById('root');
  const korean = navigator.language.startsWith('ko');
  if (root) {
    root.textContent = korean
      ? `Bridgeport 창을 불러오지 못했습니다 (${String(error)}). 페이지를 다시 불러오거나 Bridgeport를 다시 시작하세요.`
      : `Bridgeport could not load its window (${String(error)}). Reload the page or restart Bridgeport.`;
  }
  throw error;
});
