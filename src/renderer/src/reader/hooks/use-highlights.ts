/**
 * Draws the open article's annotations as highlights: all of them once, when both the view and
 * the annotations are there, then each change the store applies, as one transaction.
 */
import { useEffect } from 'react';
import { useSelector } from '../../store/external-store';
import {
  selectAnnotationList,
  type RendererState,
  type RendererStore,
} from '../../store/renderer-store';
import type { ArticleView } from '../article-view';
import { highlightActionFor, highlightOf } from '../highlight-sync';

const selectLoaded = (state: RendererState) => state.annotations.loaded;

export function useHighlights(view: ArticleView | null, store: RendererStore): void {
  const loaded = useSelector(store, selectLoaded);
  useEffect(() => {
    if (!view || !loaded) return;
    const all = selectAnnotationList(store.getState()).flatMap((a) => highlightOf(a) ?? []);
    view.applyHighlights({ add: all });
    return store.onAnnotationDelta((delta) => view.applyHighlights(highlightActionFor(delta)));
  }, [view, loaded, store]);
}
