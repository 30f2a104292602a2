/**
 * The desktop window's security, in one place: no navigation, no new windows, no webviews, no
 * permissions, no network. http(s) links the user clicked open in the system browser.
 * docs/security.md maps each rule to Electron's security checklist and to its test.
 *
 * The decisions are pure functions (`isAppUrl`, `isAllowedRequest`); `hardenSession` and
 * `hardenContents` take the session and the web contents as parameters, so tests hand them fakes.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAppOriginUrl } from './app-files';
import { createExternalLinks } from './external-links';

/**
 * Where the app's own page may come from besides app://marginalia/: the dev server, in
 * development only (`ELECTRON_RENDERER_URL`, set by electron-vite's dev command).
 */
export interface AppOrigin {
  readonly devServerUrl: string | undefined;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the dev server's own origin (same scheme, host and port; parsed, not prefixed). */
function isDevServerUrl(url: string, devServerUrl: string | undefined, schemes: string[]): boolean {
  if (devServerUrl === undefined) return false;
  const dev = parseUrl(devServerUrl);
  const candidate = parseUrl(url);
  if (!dev || !candidate || candidate.username !== '' || candidate.password !== '') return false;
  return schemes.includes(candidate.protocol) && candidate.host === dev.host;
}

/**
 * The app's own page: app://marginalia/… or, in development, the dev server. The test for IPC
 * senders and for what the page may load.
 */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  if (isAppOriginUrl(url)) return true;
  const dev = origin.devServerUrl ? parseUrl(origin.devServerUrl) : null;
  return dev !== null && isDevServerUrl(url, origin.devServerUrl, [dev.protocol]);
}

/**
 * What the page may load: its own files, `data:` images, its own `blob:` URLs, the developer
 * tools, and (in development) the dev server and its hot-reload socket. Nothing from the network.
 */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  if (isAppUrl(url, origin)) return true;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'data:':
    case 'devtools:':
      return true;
    case 'blob:':
      return isAppUrl(parsed.pathname, origin); // blob:<origin>/<uuid>
    case 'ws:':
    case 'wss:':
      return isDevServerUrl(url, origin.devServerUrl, ['ws:', 'wss:']);
    default:
      return false;
  }
}

/** The parts of a session this module sets; Electron's `Session` has them all. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & {
  readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

/** Denies every permission (camera, notifications, …) and cancels every request but the app's. */
export function hardenSession(
  origin: AppOrigin,
  target: HardenableSession = session.defaultSession,
): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  // The page makes no network request, ever (pages the user adds are fetched by the main
  // process with Node's fetch, which this filter does not see).
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, origin) });
  });
}

/** The parts of a web contents this module listens to; Electron's `WebContents` has them all. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface ContentsPolicy {
  /** Opens a URL in the system browser. */
  readonly openExternal: (url: string) => void;
  /** Milliseconds; tells how long ago the user last clicked or typed. */
  readonly now: () => number;
}

/**
 * The page never navigates away, never attaches a webview and never opens a window. A link the
 * user clicked (which the reader opens with `window.open`) goes to the system browser when it is
 * http(s); see external-links.ts.
 */
export function hardenContents(contents: HardenableContents, policy: ContentsPolicy): void {
  const links = createExternalLinks(policy);
  contents.on('input-event', (_event, input) => links.noteInput(input.type));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    links.requestOpen(url);
    return { action: 'deny' };
  });
}

const systemPolicy: ContentsPolicy = {
  openExternal: (url) => {
    shell.openExternal(url).catch((error: unknown) => {
      console.error(`Could not open ${url} in the browser:`, error);
    });
  },
  now: () => performance.now(),
};

/** Hardens every web contents the app creates, from the first. Call before `app` is ready. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, systemPolicy));
}
