/**
 * The window's Article details: which article's dialog is open, the `article-details` command
 * (Ctrl/⌘+I: the article open in the reader, else the library row that has the focus), saving,
 * and the last save's undo and redo, offered in a notice.
 */
import { useCallback, useRef, useState } from 'react';
import type { ArticleDetailsPatch } from '../../../shared/contract/article-details';
import type { Client } from '../../../shared/contract/operations';
import { useCommand, type CommandRegistry } from '../commands/registry';
import type { RendererStore } from '../store/renderer-store';
import { saveDetails, toggleEdit, type DetailsEdit } from './details-history';

export interface ArticleDetailsOptions {
  readonly client: Pick<Client, 'updateArticle'>;
  readonly store: RendererStore;
  readonly commands: CommandRegistry;
  /** The article the reader shows, or null (none open, or the ledger is shown instead). */
  readonly readerArticleId: string | null;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

export interface ArticleDetailsState {
  /** The article whose dialog is open, or null. */
  readonly openFor: string | null;
  show(articleId: string): void;
  close(): void;
  /** Saves the open dialog's changes; rejects with the service's error (the dialog shows it). */
  save(patch: ArticleDetailsPatch): Promise<void>;
  /** The last save, for the notice's Undo (or Redo once undone). */
  readonly lastEdit: DetailsEdit | null;
  /** True while an undo or redo is on its way. */
  readonly toggling: boolean;
  undoOrRedo(): void;
  dismiss(): void;
}

/**
 * The article of the library row that has the focus: rows carry `data-article-id` (the library
 * list's own markup).
 */
export function focusedLibraryArticle(doc: Document = document): string | null {
  const active = doc.activeElement;
  const row = active?.closest('.library [data-article-id]');
  return row?.getAttribute('data-article-id') ?? null;
}

export function useArticleDetails(options: ArticleDetailsOptions): ArticleDetailsState {
  const { client, store, commands, readerArticleId, announce, onError } = options;
  const [openFor, setOpenFor] = useState<string | null>(null);
  const [lastEdit, setLastEdit] = useState<DetailsEdit | null>(null);
  const [toggling, setToggling] = useState(false);
  const busy = useRef(false);

  const show = useCallback((articleId: string) => setOpenFor(articleId), []);
  const close = useCallback(() => setOpenFor(null), []);

  useCommand(
    'article-details',
    () => {
      const id = focusedLibraryArticle() ?? readerArticleId; // the row the keyboard is on comes first
      if (!id) return false;
      setOpenFor(id);
    },
    commands,
  );

  const save = useCallback(
    async (patch: ArticleDetailsPatch) => {
      if (!openFor) return;
      const edit = await saveDetails(client, store, openFor, patch);
      setLastEdit(edit);
      announce(`Details of “${edit.title}” saved`);
    },
    [announce, client, openFor, store],
  );

  const undoOrRedo = useCallback(() => {
    if (!lastEdit || busy.current) return;
    busy.current = true;
    setToggling(true);
    toggleEdit(client, store, lastEdit)
      .then((edit) => {
        setLastEdit(edit);
        announce(edit.undone ? 'Edit of the details undone' : 'Edit of the details redone');
      }, onError)
      .finally(() => {
        busy.current = false;
        setToggling(false);
      });
  }, [announce, client, lastEdit, onError, store]);

  const dismiss = useCallback(() => setLastEdit(null), []);

  return { openFor, show, close, save, lastEdit, toggling, undoOrRedo, dismiss };
}
