/**
 * The desktop main process (src/main/index.ts) started against a fake 'electron' module: what it
 * sets up before `app` is ready (the app:// scheme, hardening of every web contents, the
 * single-instance lock), what after (app:// served, permissions denied, IPC only for the app's
 * page), and the window it opens (sandboxed, isolated, no Node, on app://marginalia/index.html).
 * What needs the binary: that Electron honours these options (tests/electron/smoke.test.ts).
 */
import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const log: string[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));

  const app = Object.assign(new EventEmitter(), {
    name: 'Marginalia',
    isPackaged: true,
    setName: () => {},
    setPath: () => {},
    requestSingleInstanceLock: () => (log.push('single-instance lock'), true),
    whenReady: () => readyPromise,
    isReady: () => false,
    quit: () => log.push('quit'),
    exit: () => log.push('exit'),
    getAppPath: () => '/nonexistent/marginalia-app',
    getPath: () => '/nonexistent/documents',
    setAsDefaultProtocolClient: () => true,
  });
  const on = app.on.bind(app);
  app.on = ((name: string, listener: (...args: unknown[]) => void) => {
    log.push(`app.on ${name}`);
    return on(name, listener);
  }) as typeof app.on;

  class FakeWindow extends EventEmitter {
    static all: FakeWindow[] = [];
    readonly calls: string[] = [];
    readonly loaded: string[] = [];
    readonly webContents = Object.assign(new EventEmitter(), {
      isDestroyed: () => false,
      send: () => {},
    });
    minimized = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      FakeWindow.all.push(this);
      log.push('new BrowserWindow');
    }
    static getAllWindows = () => FakeWindow.all;
    static fromWebContents = () => null;
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(`loadFile ${file}`);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => this.minimized;
    isVisible = () => true;
    restore = () => void this.calls.push('restore');
    show = () => void this.calls.push('show');
    focus = () => void this.calls.push('focus');
  }

  const ipcChannels: string[] = [];
  const session = {
    setPermissionRequestHandler: () => log.push('permission requests denied'),
    setPermissionCheckHandler: () => log.push('permission checks denied'),
    setDevicePermissionHandler: () => log.push('device permissions denied'),
    webRequest: { onBeforeRequest: () => log.push('request filter') },
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (title: string) => log.push(`error box: ${title}`) },
    ipcMain: {
      handle: (channel: string) => ipcChannels.push(channel),
      on: (channel: string) => ipcChannels.push(channel),
    },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: () => ({}) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        log.push(`privileged schemes: ${schemes.map((s) => s.scheme).join(',')}`),
      handle: (scheme: string) => log.push(`protocol.handle ${scheme}`),
    },
    session: { defaultSession: session },
    shell: { openExternal: async () => {} },
  };
  return { log, ready, electron, FakeWindow, ipcChannels };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../../src/main/library', () => ({
  openLibrary: () => {
    fake.log.push('library opened');
    // What index.ts may use of a Library (the lead adds `status` and `startBackups` to it).
    return {
      service: { jobs: {} },
      status: { readOnly: false, recovered: null },
      startBackups: () => ({ stop: () => {} }),
      close: () => {},
    };
  },
}));

delete process.env['ELECTRON_RENDERER_URL'];
await import('../../../src/main/index');
const { log, FakeWindow } = fake;

describe('the main process before app is ready', () => {
  it('registers app:// as a privileged scheme and hardens web contents before ready', () => {
    expect(log).toContain('privileged schemes: app');
    expect(log).toContain('app.on web-contents-created');
    expect(log).toContain('single-instance lock');
    expect(log).not.toContain('protocol.handle app');
    expect(FakeWindow.all).toHaveLength(0);
  });

  it('R24 listens for a second instance', () => {
    expect(log).toContain('app.on second-instance');
  });
});

describe('the main process once app is ready', () => {
  it('serves app://, denies permissions and filters requests before any window exists', async () => {
    fake.ready();
    await vi.waitFor(() => expect(FakeWindow.all).toHaveLength(1));
    const windowAt = log.indexOf('new BrowserWindow');
    for (const step of [
      'protocol.handle app',
      'permission requests denied',
      'permission checks denied',
      'device permissions denied',
      'request filter',
      'library opened',
    ]) {
      expect(log.indexOf(step), step).toBeGreaterThan(-1);
      expect(log.indexOf(step), step).toBeLessThan(windowAt);
    }
  });

  it('registers its IPC channels once ready (each checks its sender: ipc-sender.test.ts)', () => {
    expect(fake.ipcChannels.length).toBeGreaterThanOrEqual(4);
  });

  it('opens its one window on app://marginalia/index.html, never on file://', () => {
    const [window] = FakeWindow.all;
    expect(window!.loaded).toEqual(['app://marginalia/index.html']);
  });

  it('R29 opens the window sandboxed, context-isolated, without Node and with web security', () => {
    const preferences = FakeWindow.all[0]!.options.webPreferences;
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(String(preferences['preload'])).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('R24 a second instance brings the minimized window back and focuses it', () => {
    const [window] = FakeWindow.all;
    window!.minimized = true;
    fake.electron.app.emit('second-instance', {}, ['marginalia'], '/');
    expect(window!.calls).toEqual(['restore', 'focus']);
    expect(FakeWindow.all).toHaveLength(1);
  });

  it('R24 a second instance after the window was closed (macOS) opens one', () => {
    const [window] = FakeWindow.all;
    (window as EventEmitter).emit('closed');
    fake.electron.app.emit('second-instance', {}, ['marginalia'], '/');
    expect(FakeWindow.all).toHaveLength(2);
    expect(FakeWindow.all[1]!.loaded).toEqual(['app://marginalia/index.html']);
  });
});
