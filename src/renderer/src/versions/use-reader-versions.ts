/**
 * Everything the reader knows about the open article's versions: the list (and its banner), the
 * older version being read (null: the current one), the diff dialog, and the updates under way.
 * An update that brings a new version shows the new current text: the article is read again
 * (`revision`), the banner comes back, and an older version being read is left.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Client } from '../../../shared/contract/operations';
import type { VersionOutcome } from '../../../shared/contract/versions';
import { useCommand } from '../commands/registry';
import { memoSelector, useSelector } from '../store/external-store';
import type { RendererState, RendererStore } from '../store/renderer-store';
import { useArticleVersions, type ArticleVersions } from './use-article-versions';
import { useVersionUpdates, type VersionUpdates } from './use-version-updates';

export interface ReaderVersionsOptions {
  readonly client: Client;
  readonly store: RendererStore;
  readonly articleId: string;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

export interface ReaderVersions {
  readonly list: ArticleVersions;
  readonly updates: VersionUpdates;
  /** Bumped for each new version: the article is read again. */
  readonly revision: number;
  /** The number of the older version being read, or null for the current one. */
  readonly older: number | null;
  /** The number of the version shown (the current one's when none is chosen). */
  readonly shown: number;
  showVersion(number: number): void;
  /** The older version's "Back to current version": the current text, focus on the picker. */
  backToCurrent(): void;
  /** The current text again, focus left where it is (a jump from the diff dialog). */
  showCurrent(): void;
  /** The picker's select: "Back to current version" gives it the focus (the button goes). */
  readonly pickerRef: RefObject<HTMLSelectElement | null>;
  /** The diff dialog's versions, or null when it is closed. */
  readonly diff: { from: number; to: number } | null;
  showChanges(): void;
  closeDiff(): void;
}

export function useReaderVersions(options: ReaderVersionsOptions): ReaderVersions {
  const { client, store, articleId, announce, onError } = options;
  const list = useArticleVersions(client, articleId, onError);
  const [revision, setRevision] = useState(0);
  const [older, setOlder] = useState<number | null>(null);
  const [diff, setDiff] = useState<{ from: number; to: number } | null>(null);

  const selectSourceUrl = useMemo(
    () =>
      memoSelector(
        (state: RendererState) => [state.library] as const,
        (library) => library?.find((a) => a.id === articleId)?.sourceUrl ?? null,
      ),
    [articleId],
  );
  const sourceUrl = useSelector(store, selectSourceUrl);

  const { added } = list;
  const onUpdated = useCallback(
    (outcome: VersionOutcome) => {
      added(outcome.version);
      setOlder(null);
      setRevision((n) => n + 1);
    },
    [added],
  );
  const updates = useVersionUpdates({
    client,
    store,
    articleId,
    sourceUrl,
    onUpdated,
    announce,
    onError,
  });

  const currentNumber = list.current?.number ?? 1;
  const showVersion = useCallback(
    (number: number) => setOlder(number === currentNumber ? null : number),
    [currentNumber],
  );
  const pickerRef = useRef<HTMLSelectElement | null>(null);
  const showCurrent = useCallback(() => setOlder(null), []);
  const backToCurrent = useCallback(() => {
    setOlder(null);
    pickerRef.current?.focus();
  }, []);
  // Escape leaves an older version (once nothing nearer — a card, the find bar — took it).
  useCommand('close', () => {
    if (older === null) return false;
    backToCurrent();
  });
  const showChanges = useCallback(() => {
    if (currentNumber > 1) setDiff({ from: currentNumber - 1, to: currentNumber });
  }, [currentNumber]);
  const closeDiff = useCallback(() => setDiff(null), []);

  return {
    list,
    updates,
    revision,
    older,
    shown: older ?? currentNumber,
    showVersion,
    backToCurrent,
    showCurrent,
    pickerRef,
    diff,
    showChanges,
    closeDiff,
  };
}
