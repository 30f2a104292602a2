/**
 * Articles in from anywhere, as the window sees it: Import… (files), Import folder…, Add from
 * URL…, a paste on the library and a drop on the window. Files on this computer with a path
 * (the desktop app's choosers and drops, web mode's typed folder) go to the service's import job;
 * files the browser hands over without one (web mode's file picker, dropped files and folders)
 * are sent one by one from here, with the same progress, Cancel between files, and report.
 * One import of files runs at a time; every reply's changes are applied to the store as the
 * service sent them, and every failure is shown.
 */
import { useCallback, useRef, useState } from 'react';
import type { DesktopBridge } from '../../../shared/contract/desktop';
import type { ImportProgress, JobClient } from '../../../shared/contract/jobs';
import type {
  ImportDialogState,
  ImportNoticeState,
  Imports,
  RunningImport,
} from '../library/imports-controller';
import type { Client } from '../../../shared/contract/operations';
import { connectJobs } from '../bridge/job-bridge';
import { filesOfDrop, type DroppedContent, type PickedFile } from '../library/dropped-items';
import { readAsBase64 } from '../library/file-content';
import {
  describeAlready,
  describeCounts,
  itemFromOutcome,
  messageOf,
  refusedItem,
  stopsTheImport,
  type ImportItem,
  type ImportRunReport,
} from '../library/import-items';
import { useDropImport } from '../library/use-drop-import';
import { usePasteImport, type PastedContent } from '../library/use-paste-import';
import type { RendererStore } from '../store/renderer-store';

export interface ImportsOptions {
  readonly client: Client;
  /** The job client; by default this window's (desktop IPC or web mode's event stream). */
  readonly jobs?: JobClient | null;
  readonly desktop: DesktopBridge | null;
  readonly store: RendererStore;
  readonly openArticle: (id: string) => void;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

const BUSY_MESSAGE = 'An import is already under way: wait for it to finish, or cancel it.';

/** The file name the service sees: the last part of a path inside a dropped folder. */
function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1) || name;
}

function describeOtherDrop(what: string): string {
  const hint =
    what === 'text' || what === 'part of a page' ? ' To import text, paste it (Ctrl+V).' : '';
  return `Nothing imported: that was ${what}, not a file, a folder or a link.${hint}`;
}

export function useImports(options: ImportsOptions): Imports {
  const { client, desktop, store, openArticle, announce, onError } = options;
  const jobsRef = useRef<JobClient | null>(options.jobs ?? null);
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [dialog, setDialog] = useState<ImportDialogState | null>(null);
  const [notice, setNotice] = useState<ImportNoticeState | null>(null);
  const [lastReport, setLastReport] = useState<ImportRunReport | null>(null);
  const [lastFolder, setLastFolder] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  /** The import of files under way; its controller cancels it. */
  const current = useRef<AbortController | null>(null);

  /** Starts an import of files, or says why not (one at a time). */
  const begin = (showProgress: boolean): AbortController | null => {
    if (current.current) {
      onError(new Error(BUSY_MESSAGE));
      return null;
    }
    const controller = new AbortController();
    current.current = controller;
    setNotice(null);
    setRunning({ progress: null, cancelling: false, showProgress });
    return controller;
  };
  const end = () => {
    current.current = null;
    setRunning(null);
  };
  const progressed = (progress: ImportProgress, showProgress = false) =>
    setRunning((r) => r && { ...r, progress, showProgress: r.showProgress || showProgress });

  /** One file's outcome by itself (its changes already applied): open it, or say why not. */
  const showOne = (item: ImportItem) => {
    const article = item.article;
    if (item.status === 'refused' || !article) {
      onError(new Error(`Could not import ${item.file}: ${item.reason ?? 'refused'}`));
    } else if (item.status === 'duplicate') {
      setNotice({ kind: 'duplicate', article, reason: item.reason ?? describeAlready(null) });
      announce(`Already in your library: ${article.title}`);
    } else {
      openArticle(article.id);
      announce(`Imported ${article.title}`);
      if (item.warnings.length > 0)
        setNotice({ kind: 'warnings', article, warnings: item.warnings });
    }
  };

  /** The end of an import of files: one file speaks for itself, several get the report. */
  const finish = (report: ImportRunReport) => {
    const { items, cancelled, stoppedBy } = report;
    if (items.length === 1 && !cancelled && !stoppedBy) return showOne(items[0]!);
    if (items.length === 0 && !cancelled) {
      // A failure that stopped it was shown already.
      if (!stoppedBy) onError(new Error('Nothing to import: no files were found there.'));
      return;
    }
    setLastReport(report);
    setDialog({ kind: 'report', report });
    announce(`${cancelled ? 'Import cancelled' : 'Import finished'}: ${describeCounts(items)}`);
  };

  /**
   * Files and folders on this computer, by path: the service's job. The bar shows at once for a
   * folder (its walk takes a while), else once there is more than one file.
   */
  const runJob = async (paths: string[], recursive: boolean, folders = true) => {
    const controller = begin(folders);
    if (!controller) return;
    try {
      jobsRef.current ??= connectJobs();
      const result = await jobsRef.current.run(
        'importFiles',
        { paths, recursive },
        { onProgress: (p) => progressed(p, p.total > 1), signal: controller.signal },
      );
      store.apply(result.changes);
      end();
      if (result.stoppedBy) onError(new Error(`The import stopped: ${result.stoppedBy}`));
      finish({
        items: result.items,
        cancelled: result.cancelled,
        stoppedBy: result.stoppedBy,
        skipped: result.skipped,
      });
    } catch (error) {
      end();
      onError(error);
    }
  };

  /** Files the browser handed over, sent one by one; Cancel is honoured between files. */
  const runLoop = async (
    gather: (signal: AbortSignal) => Promise<{ files: readonly PickedFile[]; skipped: number }>,
    showProgress: boolean,
  ) => {
    const controller = begin(showProgress);
    if (!controller) return;
    const { signal } = controller;
    const items: ImportItem[] = [];
    let stoppedBy: unknown = null;
    let skipped = 0;
    try {
      const gathered = await gather(signal);
      const files = gathered.files;
      skipped = gathered.skipped;
      const total = files.length;
      for (const [index, picked] of files.entries()) {
        if (signal.aborted) break;
        progressed({ done: index, total, current: picked.name }, total > 1);
        try {
          const contentBase64 = await readAsBase64(picked.file, picked.name);
          const outcome = await client.importArticle({
            fileName: baseName(picked.name),
            contentBase64,
          });
          store.apply(outcome.changes);
          items.push(itemFromOutcome(picked.name, outcome));
        } catch (error) {
          if (stopsTheImport(error)) {
            stoppedBy = error;
            break;
          }
          items.push(refusedItem(picked.name, messageOf(error)));
        }
      }
    } catch (error) {
      stoppedBy = error;
    }
    end();
    if (stoppedBy) onError(new Error(`The import stopped: ${messageOf(stoppedBy)}`));
    finish({
      items,
      cancelled: signal.aborted,
      stoppedBy: stoppedBy ? messageOf(stoppedBy) : null,
      skipped,
    });
  };

  const importPicked = (files: readonly File[]) => {
    if (files.length === 0) return;
    void runLoop(
      async () => ({ files: files.map((file) => ({ file, name: file.name })), skipped: 0 }),
      files.length > 1,
    );
  };

  const chooseFiles = () => {
    if (current.current) return onError(new Error(BUSY_MESSAGE));
    if (!desktop) return fileInput.current?.click();
    desktop.chooseImportFiles().then((paths) => {
      if (paths && paths.length > 0) void runJob(paths, true, false);
    }, onError);
  };

  const chooseFolder = () => {
    if (current.current) return onError(new Error(BUSY_MESSAGE));
    if (!desktop) return setDialog({ kind: 'folder' });
    desktop.chooseFolder().then((folder) => {
      if (folder) void runJob([folder], true);
    }, onError);
  };

  const askUrl = (url = '') => setDialog({ kind: 'url', url, fetchAtOnce: url !== '' });

  const importFolderPath = (folder: string, recursive: boolean) => {
    setLastFolder(folder);
    setDialog(null);
    void runJob([folder], recursive);
  };

  /** Add from URL: the service fetches it; aborting `signal` (closing the dialog) stops it. */
  const importUrl = async (url: string, signal?: AbortSignal) => {
    jobsRef.current ??= connectJobs();
    const outcome = await jobsRef.current.run('importUrl', { url }, signal ? { signal } : {});
    store.apply(outcome.changes);
    showOne(itemFromOutcome(url, outcome));
  };

  const renamePasted = async (id: string, title: string) => {
    const { changes } = await client.updateArticle({ id, title });
    store.apply(changes);
    announce(`Renamed to ${title}`);
  };

  const onPaste = (content: PastedContent) => {
    if (content.kind === 'files') return importPicked(content.files);
    client.importPaste({ html: content.html, text: content.text }).then((outcome) => {
      store.apply(outcome.changes);
      showOne(itemFromOutcome('the pasted text', outcome));
      if (!outcome.alreadyInLibrary) setDialog({ kind: 'pasted', article: outcome.article });
    }, onError);
  };
  usePasteImport(onPaste);

  const onDrop = (content: DroppedContent) => {
    if (content.kind === 'link') return askUrl(content.url);
    if (content.kind === 'other') return onError(new Error(describeOtherDrop(content.what)));
    const paths = desktop ? content.files.map((file) => desktop.pathForFile(file)) : [];
    if (desktop && paths.every((p): p is string => p !== null)) return void runJob(paths, true);
    const hasFolder = content.entries.some((entry) => entry?.isDirectory);
    void runLoop((signal) => filesOfDrop(content, signal), hasFolder || content.files.length > 1);
  };
  const dragging = useDropImport(onDrop);

  const cancel = useCallback(() => {
    if (!current.current || current.current.signal.aborted) return;
    current.current.abort();
    setRunning((r) => r && { ...r, cancelling: true });
  }, []);

  return {
    running,
    dialog,
    notice,
    lastReport,
    dragging,
    lastFolder,
    fileInput,
    chooseFiles,
    chooseFolder,
    askUrl,
    importPicked,
    importFolderPath,
    importUrl,
    renamePasted,
    cancel,
    open: (id) => {
      setDialog(null);
      setNotice(null);
      openArticle(id);
    },
    showLastReport: () => lastReport && setDialog({ kind: 'report', report: lastReport }),
    closeDialog: () => setDialog(null),
    dismissNotice: () => setNotice(null),
  };
}
