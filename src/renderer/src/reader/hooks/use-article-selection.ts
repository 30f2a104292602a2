/**
 * What is selected in the article, as a canonical range and the rectangle the selection toolbar
 * sits over; kept in step with the document's selection.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleView } from '../article-view';
import { selectedRange, type TextRange } from '../selection';

export interface ArticleSelection {
  readonly range: TextRange;
  readonly rect: DOMRect;
}

export interface ArticleSelectionApi {
  readonly selection: ArticleSelection | null;
  /** Reads the selection now (the selectionchange that updates state may not have run yet). */
  read(): ArticleSelection | null;
  show(selection: ArticleSelection | null): void;
  /** Ends the selection, in the view as well as the DOM. */
  collapse(): void;
}

export function useArticleSelection(view: ArticleView | null): ArticleSelectionApi {
  const [selection, setSelection] = useState<ArticleSelection | null>(null);
  const read = useCallback((): ArticleSelection | null => {
    const range = view ? selectedRange(view.view, view.map) : null;
    const dom = document.getSelection();
    if (!range || !dom || dom.rangeCount === 0) return null;
    return { range, rect: dom.getRangeAt(0).getBoundingClientRect() };
  }, [view]);
  useEffect(() => {
    const update = () => setSelection(read());
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [read]);
  const collapse = useCallback(() => {
    view?.collapseSelection();
    setSelection(null);
  }, [view]);
  return { selection, read, show: setSelection, collapse };
}
