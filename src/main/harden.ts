// Navigation and new windows are denied for every web contents the app creates.
import type { App, WebContents } from 'electron';
import { isRendererUrl } from './transport/renderer-url';

export function denyNavigation(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenApp(app: Pick<App, 'on'>, rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => denyNavigation(contents, rendererUrl));
}
