/**
 * What the desktop app adds to `window.marginalia` beside the contract's operations: native save
 * and folder dialogs, and commands from the native menu and from `marginalia://` links. In web
 * mode these are absent; the renderer downloads files and asks for a folder path instead.
 */
import type { ExportFormat } from './interop';

/** Commands the main process sends the window (File menu items, deep links opened by the OS). */
export type AppCommand =
  | { readonly type: 'import-files' }
  | { readonly type: 'import-folder' }
  | { readonly type: 'add-from-url' }
  | { readonly type: 'export-article'; readonly format: ExportFormat }
  | { readonly type: 'export-library' }
  | { readonly type: 'import-annotations' }
  | { readonly type: 'open-ledger' }
  | { readonly type: 'restore-backup' }
  | { readonly type: 'open-link'; readonly url: string }
  /** A window command the menu offers with the same key as the window's keymap. */
  | { readonly type: 'run-command'; readonly command: MenuCommandId };

/** The keymap's commands that have an item in the app menu. */
export const MENU_COMMANDS = [
  'find',
  'search',
  'library-annotations',
  'article-details',
  'update-from-file',
  'check-for-changes',
] as const;
export type MenuCommandId = (typeof MENU_COMMANDS)[number];

export interface SaveFileRequest {
  readonly fileName: string;
  readonly content: string;
}

/** A file chosen in the native open dialog, as updateArticleFromFile takes it. */
export interface ChosenArticleFile {
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface DesktopBridge {
  /** Shows the native save dialog and writes the file; null when the user cancelled. */
  saveFile(request: SaveFileRequest): Promise<{ path: string } | null>;
  /** Shows the native folder chooser; null when the user cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Shows the native open dialog for articles to import; null when the user cancelled. */
  chooseImportFiles(): Promise<string[] | null>;
  /**
   * Shows the native open dialog for one article file and answers its base name and content (read
   * by the main process, refused past MAX_IMPORT_BYTES); null when the user cancelled. Unlike the
   * page's own file input it needs no click in the page, so a menu command can open it. Optional:
   * a preload from before it was added does not offer it.
   */
  chooseArticleFile?(): Promise<ChosenArticleFile | null>;
  /** The path on disk of a file dropped on the window, or null (not a file on disk). */
  pathForFile(file: File): string | null;
  /** Calls `listener` for each command; answers a function that stops listening. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /**
   * Starts the window again (after a restore, so everything is read afresh). The main process
   * reloads it: the page's own `location.reload()` is a navigation, and the window refuses every
   * navigation the page starts.
   */
  reloadWindow(): Promise<void>;
}

export const DESKTOP_CHANNELS = {
  saveFile: 'marginalia:save-file',
  chooseFolder: 'marginalia:choose-folder',
  chooseImportFiles: 'marginalia:choose-import-files',
  chooseArticleFile: 'marginalia:choose-article-file',
  droppedPath: 'marginalia:dropped-path',
  reloadWindow: 'marginalia:reload-window',
  command: 'marginalia:command',
} as const;
