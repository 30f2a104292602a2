/**
 * The desktop window's security rules (security.ts, external-links.ts), checked under Node with
 * fake sessions and web contents in place of Electron's. What needs the binary: that Electron
 * really calls these handlers (tests/electron/smoke.test.ts checks it where Electron is installed).
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const events = await import('node:events');
  return { app: new events.EventEmitter(), openExternal: vi.fn(async (_url: string) => {}) };
});

vi.mock('electron', () => ({
  app: electron.app,
  shell: { openExternal: electron.openExternal },
  session: { defaultSession: null },
}));

const { hardenContents, hardenSession, installSecurity, isAllowedRequest, isAppUrl } =
  await import('../../../src/main/electron/security');
const { ACTIVATION_LIFESPAN_MS, isExternalWebUrl } =
  await import('../../../src/main/electron/external-links');
type Session = Parameters<typeof hardenSession>[1];
type Contents = Parameters<typeof hardenContents>[0];

const BUILT = { devServerUrl: undefined };
const DEV = { devServerUrl: 'http://localhost:5173' };

describe('isAppUrl: the app page and nothing else', () => {
  it('R29 accepts app://marginalia/ pages and refuses look-alikes', () => {
    expect(isAppUrl('app://marginalia/index.html', BUILT)).toBe(true);
    expect(isAppUrl('app://marginalia/', BUILT)).toBe(true);
    for (const url of [
      'app://marginalia.evil.example/index.html',
      'app://evil/index.html',
      'app://user@marginalia/index.html',
      'app://marginalia:1/index.html',
      'file:///opt/marginalia/out/renderer/index.html',
      'https://marginalia/index.html',
      'http://localhost:5173/', // the dev server, in the built app
      'about:blank',
      '',
      'nonsense',
    ]) {
      expect(isAppUrl(url, BUILT), url).toBe(false);
    }
  });

  it('R29 accepts the dev server only in development, by origin rather than by prefix', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    for (const url of [
      'http://localhost:51730/', // a prefix match would let this one in
      'http://localhost:5173.evil.example/',
      'http://localhost:5173@evil.example/',
      'http://user:pw@localhost:5173/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
  });
});

describe('isAllowedRequest: what the page may load', () => {
  it('R11 R29 allows the app files, data: and its own blob: URLs, and nothing from the network', () => {
    for (const url of [
      'app://marginalia/assets/index-Ab1.js',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://marginalia/4f1c8d2e-1111-4222-8333-944445555666',
      'devtools://devtools/bundled/devtools_app.html',
    ]) {
      expect(isAllowedRequest(url, BUILT), url).toBe(true);
    }
    for (const url of [
      'https://example.com/tracker.png',
      'http://127.0.0.1:8080/api',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'blob:https://evil.example/4f1c8d2e',
      'marginalia://open?article=1',
      'chrome://gpu',
      'ftp://example.com/x',
      'javascript:alert(1)',
    ]) {
      expect(isAllowedRequest(url, BUILT), url).toBe(false);
    }
  });

  it('allows the dev server and its hot-reload socket in development only', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequest('https://example.com/', DEV)).toBe(false);
  });
});

function fakeSession() {
  const handlers: {
    request?: (contents: unknown, permission: string, callback: (ok: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
    beforeRequest?: (
      details: { url: string },
      callback: (response: { cancel?: boolean }) => void,
    ) => void;
  } = {};
  const target = {
    setPermissionRequestHandler: (handler: typeof handlers.request) => {
      handlers.request = handler;
    },
    setPermissionCheckHandler: (handler: typeof handlers.check) => {
      handlers.check = handler;
    },
    setDevicePermissionHandler: (handler: typeof handlers.device) => {
      handlers.device = handler;
    },
    webRequest: {
      onBeforeRequest: (handler: typeof handlers.beforeRequest) => {
        handlers.beforeRequest = handler;
      },
    },
  };
  return { target: target as unknown as Session, handlers };
}

describe('hardenSession', () => {
  const PERMISSIONS = [
    'media',
    'notifications',
    'geolocation',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'idle-detection',
    'hid',
    'serial',
    'usb',
    'storage-access',
    'window-management',
    'unknown',
  ];

  it('R29 denies every permission request and every permission check', () => {
    const { target, handlers } = fakeSession();
    hardenSession(BUILT, target);
    for (const permission of PERMISSIONS) {
      const callback = vi.fn();
      handlers.request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.check!({}, permission, 'app://marginalia', {}), permission).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb', origin: 'app://marginalia' })).toBe(false);
  });

  it('R11 R29 cancels every request but the app’s own', () => {
    const { target, handlers } = fakeSession();
    hardenSession(BUILT, target);
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest!({ url }, callback);
      return callback.mock.calls[0]![0] as { cancel: boolean };
    };
    expect(decide('app://marginalia/index.html')).toEqual({ cancel: false });
    expect(decide('https://example.com/pixel.gif')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits an event the way Electron does, with a preventable event first; says if prevented. */
  fire(name: string, ...args: unknown[]): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit(name, event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  }
  input(type: string) {
    this.emit('input-event', {}, { type });
  }
  open(url: string) {
    return this.openHandler!({ url });
  }
}

function hardened() {
  const contents = new FakeContents();
  const clock = { now: 1_000 };
  const openExternal = vi.fn();
  hardenContents(contents as unknown as Contents, { openExternal, now: () => clock.now });
  return { contents, clock, openExternal };
}

describe('hardenContents: navigation, windows, webviews', () => {
  it('R29 refuses every navigation and redirect, to another site or to the app itself', () => {
    const { contents } = hardened();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://marginalia/index.html',
      'javascript:alert(1)',
    ]) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-frame-navigate', { url }), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
  });

  it('R29 refuses every webview', () => {
    const { contents } = hardened();
    expect(contents.fire('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('R29 denies every new window, even for links it opens in the browser', () => {
    const { contents } = hardened();
    contents.input('mouseUp');
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.open('app://marginalia/index.html')).toEqual({ action: 'deny' });
    expect(contents.open('about:blank')).toEqual({ action: 'deny' });
  });
});

describe('hardenContents: links to the system browser', () => {
  it('R29 opens an http(s) link in the system browser after the user clicked', () => {
    const { contents, openExternal } = hardened();
    contents.input('mouseDown');
    contents.input('mouseUp');
    contents.open('https://www.nato.int/cps/en/natohq/opinions_192208.htm');
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://www.nato.int/cps/en/natohq/opinions_192208.htm',
    );
  });

  it('R29 opens a link chosen with the keyboard (Enter) too', () => {
    const { contents, openExternal } = hardened();
    contents.input('rawKeyDown');
    contents.open('http://example.com/');
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('http://example.com/');
  });

  it('R29 opens nothing that a script asks for without a click', () => {
    const { contents, openExternal } = hardened();
    contents.input('mouseMove'); // moving the pointer is not a click
    contents.input('mouseWheel');
    contents.open('https://example.com/');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('R29 opens one link per click, not a burst of them', () => {
    const { contents, openExternal } = hardened();
    contents.input('mouseUp');
    for (let i = 0; i < 20; i++) contents.open(`https://example.com/${i}`);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/0');
  });

  it('R29 opens nothing once the click is older than the activation lifespan', () => {
    const { contents, clock, openExternal } = hardened();
    contents.input('mouseUp');
    clock.now += ACTIVATION_LIFESPAN_MS + 1;
    contents.open('https://example.com/');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('R06 R10 R29 hands nothing but http(s) to the system, even right after a click', () => {
    const { contents, openExternal } = hardened();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'marginalia://open?article=1',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:someone@example.com',
      'https:',
      `https://example.com/${'a'.repeat(9000)}`,
    ]) {
      contents.input('mouseUp');
      contents.open(url);
      expect(isExternalWebUrl(url), url).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('installSecurity', () => {
  beforeEach(() => electron.openExternal.mockClear());

  it('R29 hardens every web contents the app creates, and opens clicked links with the shell', () => {
    installSecurity();
    const contents = new FakeContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    contents.open('https://example.com/without-click');
    expect(electron.openExternal).not.toHaveBeenCalled();
    contents.input('mouseUp');
    contents.open('https://example.com/clicked');
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/clicked');
  });
});
