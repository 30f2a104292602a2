/**
 * The ProseMirror view of the open article, alive as long as the article is open, with the
 * store's annotations as highlights: made once the article and its annotations are both read,
 * with every highlight in its first paint, then kept in step with each delta the store applies
 * (one transaction each). Orphans are not drawn.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/contract/entities';
import { useSelector } from '../../store/external-store';
import {
  selectAnnotationList,
  type RendererState,
  type RendererStore,
} from '../../store/renderer-store';
import { createArticleView, type ArticleView } from '../article-view';
import { highlightActionFor, highlightOf } from '../highlight-sync';

const selectLoaded = (state: RendererState) => state.annotations.loaded;

export function useArticleView(
  mountRef: RefObject<HTMLElement | null>,
  article: Article | null,
  store: RendererStore,
  onHighlightClick: (id: string) => void,
): ArticleView | null {
  const [view, setView] = useState<ArticleView | null>(null);
  const loaded = useSelector(store, selectLoaded);
  const onClick = useRef(onHighlightClick);
  useEffect(() => {
    onClick.current = onHighlightClick;
  });
  useEffect(() => {
    const mount = mountRef.current;
    if (!article || !mount || !loaded) return;
    const highlights = selectAnnotationList(store.getState()).flatMap((a) => highlightOf(a) ?? []);
    const created = createArticleView(mount, article.document, {
      onHighlightClick: (id) => onClick.current(id),
      highlights,
    });
    // Subscribed in the same step as the view is made: no reply can fall between the two.
    const unsubscribe = store.onAnnotationDelta((delta) =>
      created.applyHighlights(highlightActionFor(delta)),
    );
    // The view is made outside React (ProseMirror owns its DOM); the state only hands it on.
    setView(created);
    return () => {
      unsubscribe();
      created.destroy();
      setView(null);
    };
  }, [article, loaded, mountRef, store]);
  return view;
}
