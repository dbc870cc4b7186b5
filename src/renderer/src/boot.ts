// The window's entry: starts the layout worker first, so ELK (1.6 MB) is fetched and compiled in its
// own thread while this thread parses the window's bundle; then loads the window.
import { warmUpLayout } from './views/topology/layout-engine';

warmUpLayout();
void import('./main');
