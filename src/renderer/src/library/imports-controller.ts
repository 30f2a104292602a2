/**
 * What the window's importing holds and offers (made by `useImports` in app/), as the library's
 * buttons, notices and dialogs read it.
 */
import type { RefObject } from 'react';
import type { ArticleSummary } from '../../../shared/contract/entities';
import type { ImportProgress } from '../../../shared/contract/jobs';
import type { ImportRunReport } from './import-items';

export type ImportDialogState =
  | { readonly kind: 'url'; readonly url: string; readonly fetchAtOnce: boolean }
  | { readonly kind: 'folder' }
  | { readonly kind: 'report'; readonly report: ImportRunReport }
  | { readonly kind: 'pasted'; readonly article: ArticleSummary };

/** A single import's outcome worth a word: a duplicate (not an error), or warnings. */
export type ImportNoticeState =
  | { readonly kind: 'duplicate'; readonly article: ArticleSummary; readonly reason: string }
  | {
      readonly kind: 'warnings';
      readonly article: ArticleSummary;
      readonly warnings: readonly string[];
    };

export interface RunningImport {
  /** Where it is; null until the files are counted. */
  readonly progress: ImportProgress | null;
  readonly cancelling: boolean;
  /** Whether the progress bar is worth showing (more than one file, or a folder). */
  readonly showProgress: boolean;
}

export interface Imports {
  readonly running: RunningImport | null;
  readonly dialog: ImportDialogState | null;
  readonly notice: ImportNoticeState | null;
  /** The last report shown, to show again. */
  readonly lastReport: ImportRunReport | null;
  /** Something from outside is being dragged over the window. */
  readonly dragging: boolean;
  /** The folder typed last in web mode's Import folder dialog. */
  readonly lastFolder: string;
  /** Web mode's file input ("Files to import"), rendered by the library's buttons. */
  readonly fileInput: RefObject<HTMLInputElement | null>;
  /** Import…: the desktop's open dialog, or web mode's file picker. */
  chooseFiles(): void;
  /** Import folder…: the desktop's folder chooser, or web mode's dialog asking for a path. */
  chooseFolder(): void;
  /** Add from URL…, optionally with an address to fetch at once (a dropped link). */
  askUrl(url?: string): void;
  /** Files the browser handed over (the file picker). */
  importPicked(files: readonly File[]): void;
  /** A folder on this computer by its path (web mode's dialog). */
  importFolderPath(folder: string, recursive: boolean): void;
  /** Fetches and imports an address; rejects with the service's error (the dialog shows it). */
  /** Fetches and imports an address; aborting `signal` cancels the fetch. */
  importUrl(url: string, signal?: AbortSignal): Promise<void>;
  /** Renames the article a paste made. */
  renamePasted(id: string, title: string): Promise<void>;
  cancel(): void;
  /** Opens an article from a report or notice, closing them. */
  open(id: string): void;
  showLastReport(): void;
  closeDialog(): void;
  dismissNotice(): void;
}
