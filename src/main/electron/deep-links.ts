/**
 * `marginalia://` links from the OS. The app registers itself as the scheme's handler; links
 * arrive by `open-url` (macOS, possibly before the window exists), in the first instance's argv
 * (Windows, Linux) or in a second instance's argv (passed on by the single-instance lock). Each is
 * queued until the window's page has loaded, then sent as `{ type: 'open-link', url }`, and the
 * window comes to the front. The renderer parses the link; here it is only picked out and bounded.
 */
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { DESKTOP_CHANNELS, type AppCommand } from '../../shared/contract/desktop';
import { DEEP_LINK_PROTOCOL, deepLinksIn, devProtocolClient } from './deep-link-args';

/** Links kept while no page can take them; beyond this the oldest are dropped. */
const MAX_PENDING = 32;

export interface DeepLinks {
  /** Sends queued and future links to this window once its page has loaded. */
  attach(window: BrowserWindow): void;
  /** Queues the links among a second instance's arguments. */
  fromArgv(argv: readonly string[]): void;
}

export interface DeepLinkOptions {
  /**
   * Called when a link arrives after startup and no window is attached (macOS keeps running
   * with its window closed): shows a window, which the caller then attaches.
   */
  readonly openWindow: () => void;
}

/** Makes the app the OS's handler of `marginalia://` (in development, the Electron binary + app). */
function registerProtocolClient(): void {
  if (!process.defaultApp) {
    app.setAsDefaultProtocolClient(DEEP_LINK_PROTOCOL);
    return;
  }
  const client = devProtocolClient(process.execPath, process.argv, (p) => path.resolve(p));
  if (client) app.setAsDefaultProtocolClient(DEEP_LINK_PROTOCOL, client.path, client.args);
}

export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/**
 * Registers the scheme and starts listening. Call before `app` is ready (macOS sends the link
 * that launched the app as `open-url` early), after the single-instance lock is held.
 */
export function installDeepLinks(options: DeepLinkOptions): DeepLinks {
  const pending: string[] = [];
  let target: { readonly window: BrowserWindow; loaded: boolean } | null = null;

  function flush(): void {
    if (!target || !target.loaded || pending.length === 0) return;
    const { window } = target;
    if (window.isDestroyed() || window.webContents.isDestroyed()) return;
    for (const url of pending.splice(0)) {
      const command: AppCommand = { type: 'open-link', url };
      window.webContents.send(DESKTOP_CHANNELS.command, command);
    }
    bringToFront(window);
  }

  function enqueue(urls: readonly string[]): void {
    if (urls.length === 0) return;
    pending.push(...urls);
    pending.splice(0, Math.max(0, pending.length - MAX_PENDING));
    if (target) flush();
    else if (app.isReady()) options.openWindow();
  }

  registerProtocolClient();
  app.on('open-url', (event, url) => {
    event.preventDefault();
    enqueue(deepLinksIn([url]));
  });
  enqueue(deepLinksIn(process.argv));

  return {
    attach(window) {
      const attached = { window, loaded: false };
      target = attached;
      const contents = window.webContents;
      // A new document (a reload, in development) has no listener yet: hold links until it has
      // loaded. (Only navigations that happened: refused ones never get this far.)
      contents.on('did-navigate', () => {
        attached.loaded = false;
      });
      contents.on('did-finish-load', () => {
        attached.loaded = true;
        if (target === attached) flush();
      });
      window.on('closed', () => {
        if (target === attached) target = null;
      });
    },
    fromArgv(argv) {
      enqueue(deepLinksIn(argv));
    },
  };
}
