/**
 * The desktop window's security, in one place: no navigation, no new windows, no webviews, no
 * permissions, no network. http(s) links the user clicked open in the system browser.
 */
import { app, shell, session, type WebContents } from 'electron';

function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The addresses the app's own page loads from: the built renderer's folder (as a file: URL
 * prefix) or, in development, the dev server. Everything else is refused.
 */
export interface AppOrigin {
  readonly rendererUrl: string;
  readonly devServerUrl: string | undefined;
}

export function isAppUrl(url: string, origin: AppOrigin): boolean {
  return (
    url.startsWith(origin.rendererUrl) ||
    (origin.devServerUrl !== undefined && url.startsWith(origin.devServerUrl))
  );
}

export function hardenSession(origin: AppOrigin): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The app makes no network request, ever: only its own files (and the dev server) load.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(devtools|data|blob):/.test(details.url) || isAppUrl(details.url, origin);
    callback({ cancel: !allowed });
  });
}

export function hardenContents(contents: WebContents): void {
  // The page never navigates away; links the user clicks come through window.open (below).
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
