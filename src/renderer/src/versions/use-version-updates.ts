/**
 * New versions of the open article, from the reader: "Update from file…" (in the desktop app the
 * native open dialog, the main process reading the file; in web mode the page's hidden file input)
 * and "Check for changes" (the service fetches the article's source address). One at a time; the reply's changes go to the store, and an
 * `updated` outcome is handed on so the reader shows the new text and its banner.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ChosenArticleFile } from '../../../shared/contract/desktop';
import { ServiceError } from '../../../shared/contract/errors';
import type { Client } from '../../../shared/contract/operations';
import type { VersionOutcome } from '../../../shared/contract/versions';
import { articleFileChooser, desktopBridge } from '../bridge/desktop';
import { useCommand } from '../commands/registry';
import { readAsBase64 } from '../library/file-content';
import type { RendererStore } from '../store/renderer-store';
import { describeOutcome } from './version-text';

export type VersionUpdateKind = 'file' | 'check';

export interface VersionUpdatesOptions {
  readonly client: Pick<Client, 'updateArticleFromFile' | 'checkForChanges'>;
  readonly store: RendererStore;
  readonly articleId: string;
  /** The article's source address; without one there is nothing to check. */
  readonly sourceUrl: string | null;
  /** An `updated` outcome, after its changes are in the store. */
  readonly onUpdated: (outcome: VersionOutcome) => void;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

export interface VersionUpdates {
  /** What is under way, or null. */
  readonly running: VersionUpdateKind | null;
  /** The hidden file input "Update from file…" clicks (web mode; the desktop app asks natively). */
  readonly fileInput: RefObject<HTMLInputElement | null>;
  chooseFile(): void;
  updateFromFile(file: File): Promise<void>;
  check(): Promise<void>;
  /** Why "Check for changes" cannot run, or null when it can. */
  readonly checkRefusal: string | null;
}

export const NO_SOURCE_REASON =
  'This article has no source address to check: it came from a file or was pasted. Use Update from file… instead.';

export function useVersionUpdates(options: VersionUpdatesOptions): VersionUpdates {
  const { client, store, articleId, sourceUrl, announce, onError } = options;
  const [running, setRunning] = useState<VersionUpdateKind | null>(null);
  const busy = useRef(false);
  const fileInput = useRef<HTMLInputElement | null>(null);
  // The desktop app's native chooser: it needs no click in the page, so the menu can open it too.
  const [chooseNatively] = useState(() => articleFileChooser(desktopBridge()));
  const choosing = useRef(false);
  const onUpdated = useRef(options.onUpdated);
  const mounted = useRef(true);
  useEffect(() => {
    onUpdated.current = options.onUpdated;
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (kind: VersionUpdateKind, start: () => Promise<VersionOutcome>) => {
      if (busy.current) return;
      busy.current = true;
      setRunning(kind);
      try {
        const outcome = await start();
        // The library hears of it even when the reader was closed meanwhile.
        store.apply(outcome.changes);
        if (!mounted.current) return;
        if (outcome.status === 'updated') onUpdated.current(outcome);
        announce(describeOutcome(outcome));
      } catch (error) {
        onError(error);
      } finally {
        busy.current = false;
        if (mounted.current) setRunning(null);
      }
    },
    [announce, onError, store],
  );

  const updateFromChosen = useCallback(
    (chosen: ChosenArticleFile) =>
      run('file', () =>
        client.updateArticleFromFile({
          id: articleId,
          fileName: chosen.fileName,
          contentBase64: chosen.contentBase64,
        }),
      ),
    [articleId, client, run],
  );

  const updateFromFile = useCallback(
    (file: File) =>
      run('file', async () =>
        client.updateArticleFromFile({
          id: articleId,
          fileName: file.name,
          contentBase64: await readAsBase64(file, file.name),
        }),
      ),
    [articleId, client, run],
  );

  const checkRefusal = sourceUrl ? null : NO_SOURCE_REASON;
  const check = useCallback(async () => {
    if (checkRefusal) {
      onError(new ServiceError('invalid_request', checkRefusal));
      return;
    }
    await run('check', () => client.checkForChanges({ id: articleId }));
  }, [articleId, checkRefusal, client, onError, run]);

  const chooseFile = useCallback(() => {
    if (busy.current || choosing.current) return;
    if (chooseNatively) {
      choosing.current = true;
      chooseNatively().then(
        (chosen) => {
          choosing.current = false;
          if (chosen && mounted.current) void updateFromChosen(chosen);
        },
        (error: unknown) => {
          choosing.current = false;
          onError(error);
        },
      );
      return;
    }
    const input = fileInput.current;
    if (!input) return;
    // Chromium shows a file chooser only for a user's own click or key. Only a desktop app whose
    // preload lacks the native chooser sends this command without one (its menu): the button
    // that can open it is given the focus instead.
    if (navigator.userActivation && !navigator.userActivation.isActive) {
      input.closest('.version-actions')?.querySelector<HTMLButtonElement>('button')?.focus();
      announce('Press Enter to choose the file of the new version');
      return;
    }
    input.click();
  }, [announce, chooseNatively, onError, updateFromChosen]);

  useCommand('update-from-file', () => chooseFile());
  useCommand('check-for-changes', () => void check());

  return { running, fileInput, chooseFile, updateFromFile, check, checkRefusal };
}
