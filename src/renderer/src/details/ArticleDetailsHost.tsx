/**
 * What the window shows of Article details: the dialog for the article it was opened for (as the
 * library holds it now; it closes if the article leaves the library), and the notice after a
 * save with "Undo edit details" (then "Redo edit details").
 */
import { useEffect, useMemo } from 'react';
import { memoSelector, useSelector } from '../store/external-store';
import { useStore } from '../store/hooks';
import type { RendererState } from '../store/renderer-store';
import { ArticleDetailsDialog } from './ArticleDetailsDialog';
import { REDO_LABEL, UNDO_LABEL } from './details-history';
import type { ArticleDetailsState } from './use-article-details';

export function ArticleDetailsHost({ details }: { readonly details: ArticleDetailsState }) {
  const store = useStore();
  const { openFor, close } = details;
  const selectArticle = useMemo(
    () =>
      memoSelector(
        (state: RendererState) => [state.library] as const,
        (library) => (openFor ? library?.find((a) => a.id === openFor) : undefined),
      ),
    [openFor],
  );
  const article = useSelector(store, selectArticle);
  const libraryRead = useSelector(store, (state: RendererState) => state.library !== null);
  // Deleted (or never there) once the library is read: nothing to show details of.
  useEffect(() => {
    if (openFor && libraryRead && !article) close();
  }, [article, close, libraryRead, openFor]);
  if (!openFor || !article) return null;
  return (
    <ArticleDetailsDialog key={openFor} article={article} onSave={details.save} onClose={close} />
  );
}

export function DetailsNotice({ details }: { readonly details: ArticleDetailsState }) {
  const edit = details.lastEdit;
  if (!edit) return null;
  return (
    <div className="notice details-notice" role="status">
      <span>
        {edit.undone
          ? `Edit of the details of “${edit.title}” undone.`
          : `Details of “${edit.title}” saved.`}
      </span>
      <button
        type="button"
        aria-disabled={details.toggling || undefined}
        onClick={details.undoOrRedo}
      >
        {edit.undone ? REDO_LABEL : UNDO_LABEL}
      </button>
      <button type="button" aria-label="Dismiss" onClick={details.dismiss}>
        ×
      </button>
    </div>
  );
}
