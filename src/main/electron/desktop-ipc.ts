/**
 * The desktop bridge's main-process half: the native save dialog (then an atomic write), the
 * folder chooser, the open dialogs (articles to import; the file of an article's new version, read
 * here) and the window's reload. Like the contract's channel, only the app's own page
 * may call them.
 *
 * Each handler answers an envelope, `{ ok: true, value }` or `{ ok: false, message }`, and the
 * preload turns a failure into a rejected promise with exactly that message (an error thrown here
 * would reach the page wrapped in Electron's "Error invoking remote method …").
 */
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop';
import { IMPORTABLE_EXTENSIONS } from '../../shared/contract/importable';
import type { GrantedPaths } from './granted-paths';
import { readArticleFile } from './read-article-file';
import { saveDialogFilters, validateSaveRequest, writeFileAtomically } from './save-file';

export type DesktopReply<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return os.homedir(); // some Linux desktops have no Documents folder
  }
}

function handle<T>(
  channel: string,
  isTrustedUrl: (url: string) => boolean,
  run: (event: IpcMainInvokeEvent, payload: unknown) => Promise<T>,
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<DesktopReply<T>> => {
    if (!isTrustedUrl(event.senderFrame?.url ?? ''))
      return { ok: false, message: 'caller not allowed' };
    try {
      return { ok: true, value: await run(event, payload) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
}

export function registerDesktopIpc(
  isTrustedUrl: (url: string) => boolean,
  granted: GrantedPaths,
): void {
  // A dropped file's path, from the preload (never from the page itself).
  ipcMain.on(DESKTOP_CHANNELS.droppedPath, (event, file: unknown) => {
    if (isTrustedUrl(event.senderFrame?.url ?? '') && typeof file === 'string') {
      granted.grant([file]);
    }
  });

  handle(DESKTOP_CHANNELS.saveFile, isTrustedUrl, async (event, payload) => {
    const request = validateSaveRequest(payload);
    const options: SaveDialogOptions = {
      defaultPath: path.join(documentsFolder(), request.fileName),
      filters: saveDialogFilters(request.fileName),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = BrowserWindow.fromWebContents(event.sender);
    const { canceled, filePath } = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (canceled || !filePath) return null;
    await writeFileAtomically(filePath, request.content);
    return { path: filePath };
  });

  handle(DESKTOP_CHANNELS.chooseFolder, isTrustedUrl, async (event) => {
    const options: OpenDialogOptions = {
      defaultPath: documentsFolder(),
      properties: ['openDirectory', 'createDirectory'],
    };
    const window = BrowserWindow.fromWebContents(event.sender);
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (canceled || !filePaths[0]) return null;
    granted.grant([filePaths[0]]);
    return filePaths[0];
  });

  handle(DESKTOP_CHANNELS.chooseImportFiles, isTrustedUrl, async (event) => {
    const options: OpenDialogOptions = {
      defaultPath: documentsFolder(),
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Articles', extensions: IMPORTABLE_EXTENSIONS.map((e) => e.slice(1)) },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const window = BrowserWindow.fromWebContents(event.sender);
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (canceled || filePaths.length === 0) return null;
    granted.grant(filePaths);
    return filePaths;
  });

  // "Update from file…": one article file, read here, so the page needs no click of its own to
  // open the chooser (a menu command has none) and never learns the file's path.
  handle(DESKTOP_CHANNELS.chooseArticleFile, isTrustedUrl, async (event) => {
    const options: OpenDialogOptions = {
      defaultPath: documentsFolder(),
      properties: ['openFile'],
      filters: [{ name: 'Articles', extensions: IMPORTABLE_EXTENSIONS.map((e) => e.slice(1)) }],
    };
    const window = BrowserWindow.fromWebContents(event.sender);
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (canceled || !filePaths[0]) return null;
    return readArticleFile(filePaths[0]);
  });

  // After a restore the page starts again, to read everything afresh. Its own location.reload()
  // is a navigation the page starts, which security.ts refuses (will-navigate) like any other;
  // a reload the main process starts is not offered to will-navigate, so navigation stays denied.
  handle(DESKTOP_CHANNELS.reloadWindow, isTrustedUrl, async (event) => {
    event.sender.reload();
    return null;
  });
}
