/**
 * The desktop app's main process: one window, one library, the IPC transport. Only this folder's
 * `electron/` modules and this file import 'electron'.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { bringToFront, installDeepLinks } from './electron/deep-links';
import { registerDesktopIpc } from './electron/desktop-ipc';
import { registerIpc } from './electron/ipc';
import { createGrantedPaths } from './electron/granted-paths';
import { importsOnlyGranted, registerJobIpc } from './electron/job-ipc';
import { installMenu } from './electron/menu';
import { electronNativeBinding } from './electron/native-binding';
import { hardenSession, installSecurity, isAppUrl, type AppOrigin } from './electron/security';
import { openLibrary, type Library } from './library';
import { APP_NAME, defaultDataDir, resolveDataDir } from './paths';

app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
let library: Library | null = null;
let mainWindow: BrowserWindow | null = null;

function dataDirFromArgs(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--data-dir');
  return at !== -1 ? argv[at + 1] : undefined;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: APP_NAME,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (process.env['ELECTRON_RENDERER_URL'])
    void window.loadURL(process.env['ELECTRON_RENDERER_URL']);
  else void window.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // `marginalia://` links: the one that launched the app, and later ones, go to the window.
  const deepLinks = installDeepLinks({ openWindow: showWindow });
  function openMainWindow(): void {
    mainWindow = createWindow();
    deepLinks.attach(mainWindow);
  }
  /** Brings the window to the front, opening it if it was closed (macOS keeps running). */
  function showWindow(): void {
    if (!library) return; // still starting: the window opens once the library is open
    if (mainWindow) bringToFront(mainWindow);
    else openMainWindow();
  }
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    deepLinks.fromArgv(argv);
  });
  installSecurity();
  void app.whenReady().then(() => {
    const origin: AppOrigin = {
      rendererUrl: pathToFileURL(path.join(import.meta.dirname, '../renderer')).href + '/',
      devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    };
    hardenSession(origin);
    const dataDir = resolveDataDir(dataDirFromArgs(process.argv));
    try {
      const nativeBinding = electronNativeBinding(app.getAppPath());
      library = openLibrary({
        dataDir,
        resourcesDir: path.join(app.getAppPath(), 'resources'),
        ...(nativeBinding ? { nativeBinding } : {}),
      });
    } catch (error) {
      dialog.showErrorBox(
        'Marginalia cannot open its library',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
      return;
    }
    registerIpc(library.service, (url) => isAppUrl(url, origin));
    const granted = createGrantedPaths();
    registerJobIpc(
      library.service.jobs,
      (url) => isAppUrl(url, origin),
      importsOnlyGranted(granted),
    );
    registerDesktopIpc((url) => isAppUrl(url, origin), granted);
    installMenu();
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => library?.close());
}
