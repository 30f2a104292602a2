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

export function hardenSession(devServerUrl: string | undefined): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The app makes no network request, ever: only its own files (and the dev server) load.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      /^(file|devtools|data|blob):/.test(details.url) ||
      (devServerUrl !== undefined && details.url.startsWith(devServerUrl));
    callback({ cancel: !allowed });
  });
}

export function hardenContents(contents: WebContents): void {
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
