/**
 * The native application menu. File and View items send an `AppCommand` to the focused window;
 * the renderer does the work (it has the open article and shows the dialogs' outcome).
 *
 * Undo and Redo: the renderer has its own undo for annotations on Ctrl/⌘+Z. Menu accelerators
 * only see key presses the page did not handle (Chromium hands keys to the page first, and the
 * reader calls preventDefault on the ones it takes), so the roles never steal Ctrl/⌘+Z from
 * it; in text fields, where the reader leaves the key alone, they are the field's own undo. On
 * Windows and Linux Chromium already does that undo itself, so there the accelerators are only
 * shown, not registered (`registerAccelerator: false`), and cannot interfere at all. On macOS
 * they must stay registered: ⌘+Z reaches a text field only through the Edit menu.
 */
import {
  app,
  BrowserWindow,
  Menu,
  type BaseWindow,
  type MenuItemConstructorOptions,
} from 'electron';
import { menuAccelerator } from '../../shared/commands/keymap';
import { DESKTOP_CHANNELS, type AppCommand } from '../../shared/contract/desktop';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  /** Development: adds Reload and Toggle Developer Tools. */
  readonly dev: boolean;
  /** Sends a command to the window it is for (the focused one). */
  readonly send: (command: AppCommand, window: BaseWindow | undefined) => void;
}

function command(
  label: string,
  appCommand: AppCommand,
  send: MenuOptions['send'],
  accelerator?: string,
): MenuItemConstructorOptions {
  return {
    label,
    ...(accelerator ? { accelerator } : {}),
    click: (_item, window) => send(appCommand, window),
  };
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu's template: plain data, so it can be checked without showing a menu. */
export function menuTemplate({ platform, dev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: app.name,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        command('Import…', { type: 'import-files' }, send, menuAccelerator('import-files')),
        command('Import Folder…', { type: 'import-folder' }, send),
        command('Add from URL…', { type: 'add-from-url' }, send, menuAccelerator('add-from-url')),
        separator,
        command(
          'Article Details…',
          { type: 'run-command', command: 'article-details' },
          send,
          menuAccelerator('article-details'),
        ),
        command('Update from File…', { type: 'run-command', command: 'update-from-file' }, send),
        command(
          'Check for Changes',
          { type: 'run-command', command: 'check-for-changes' },
          send,
          menuAccelerator('check-for-changes'),
        ),
        separator,
        command(
          'Export Article as Markdown…',
          { type: 'export-article', format: 'md' },
          send,
          menuAccelerator('export-markdown'),
        ),
        command(
          'Export Article as W3C Annotations (JSON-LD)…',
          { type: 'export-article', format: 'jsonld' },
          send,
        ),
        command(
          'Export Article as ClaimReview…',
          { type: 'export-article', format: 'claimreview' },
          send,
        ),
        command('Export Library to Folder…', { type: 'export-library' }, send),
        separator,
        command('Import Annotations…', { type: 'import-annotations' }, send),
        separator,
        command('Restore from Backup…', { type: 'restore-backup' }, send),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo', registerAccelerator: mac },
        { role: 'redo', registerAccelerator: mac },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        command(
          'Find in Article…',
          { type: 'run-command', command: 'find' },
          send,
          menuAccelerator('find'),
        ),
        command(
          'Search Library…',
          { type: 'run-command', command: 'search' },
          send,
          menuAccelerator('search'),
        ),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Claims Ledger', { type: 'open-ledger' }, send, menuAccelerator('ledger')),
        command(
          'All Annotations',
          { type: 'run-command', command: 'library-annotations' },
          send,
          menuAccelerator('library-annotations'),
        ),
        separator,
        ...(dev
          ? ([
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
              separator,
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}

/** Sends a command to `window` if it shows a page, else to the focused window. */
export function sendCommand(command: AppCommand, window: BaseWindow | undefined): void {
  const target = window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow();
  if (!target || target.isDestroyed() || target.webContents.isDestroyed()) return;
  target.webContents.send(DESKTOP_CHANNELS.command, command);
}

/** Installs the menu; call once the app is ready. */
export function installMenu(dev: boolean = !app.isPackaged): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ platform: process.platform, dev, send: sendCommand })),
  );
}
