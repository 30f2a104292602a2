/**
 * The desktop app's main process: one window, one library, the IPC transport. Only this folder's
 * `electron/` modules and this file import 'electron'.
 *
 * Order matters: the app:// scheme is registered and every web contents hardened before `app` is
 * ready; the library opens once it is, then app:// is served, the IPC handlers registered and the
 * window opened on app://marginalia/index.html (or on the dev server in development).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { APP_INDEX_URL } from './electron/app-files';
import { registerAppScheme, serveAppFiles } from './electron/app-protocol';
import { installDeepLinks } from './electron/deep-links';
import { registerDesktopIpc } from './electron/desktop-ipc';
import { registerIpc } from './electron/ipc';
import { createGrantedPaths } from './electron/granted-paths';
import { importsOnlyGranted, registerJobIpc } from './electron/job-ipc';
import { installMenu } from './electron/menu';
import { electronNativeBinding } from './electron/native-binding';
import { hardenSession, installSecurity, isAppUrl, type AppOrigin } from './electron/security';
import { answerSecondInstance } from './electron/single-instance';
import { openLibrary, type Library } from './library';
import { APP_NAME, defaultDataDir, resolveDataDir } from './paths';

app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
registerAppScheme();
let library: Library | null = null;
let mainWindow: BrowserWindow | null = null;

/** The dev server (electron-vite's dev command), or undefined for the built app. */
const origin: AppOrigin = { devServerUrl: process.env['ELECTRON_RENDERER_URL'] };
const isTrustedUrl = (url: string) => isAppUrl(url, origin);

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
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would ask for a window without the page's click handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(origin.devServerUrl ?? APP_INDEX_URL);
  return window;
}

/** Opens the library, or tells the user why it cannot and quits. */
function openLibraryOrQuit(): Library | null {
  const dataDir = resolveDataDir(dataDirFromArgs(process.argv));
  try {
    const nativeBinding = electronNativeBinding(app.getAppPath());
    return openLibrary({
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
    return null;
  }
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
    // While still starting, the window opens by itself once the library is open.
    answerSecondInstance({
      window: mainWindow,
      ready: library !== null,
      openWindow: openMainWindow,
    });
  }
  // A second launch quits at once (above); the first instance comes forward and takes its links.
  app.on('second-instance', (_event, argv) => {
    showWindow();
    deepLinks.fromArgv(argv);
  });
  installSecurity();
  void app.whenReady().then(() => {
    hardenSession(origin);
    serveAppFiles(path.join(import.meta.dirname, '../renderer'));
    library = openLibraryOrQuit();
    if (!library) return;
    // Daily and weekly backups while the app is in use; a failure is logged and tried next hour.
    library.startBackups({ onError: (error) => console.error('Backup failed:', error) });
    registerIpc(library.service, isTrustedUrl);
    const granted = createGrantedPaths();
    registerJobIpc(library.service.jobs, isTrustedUrl, importsOnlyGranted(granted));
    registerDesktopIpc(isTrustedUrl, granted);
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
