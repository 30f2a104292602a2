/** The ProseMirror view of the open article, alive as long as the article is open. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/contract/entities';
import { createArticleView, type ArticleView } from '../article-view';

export function useArticleView(
  mountRef: RefObject<HTMLElement | null>,
  article: Article | null,
  onHighlightClick: (id: string) => void,
): ArticleView | null {
  const [view, setView] = useState<ArticleView | null>(null);
  const onClick = useRef(onHighlightClick);
  useEffect(() => {
    onClick.current = onHighlightClick;
  });
  useEffect(() => {
    const mount = mountRef.current;
    if (!article || !mount) return;
    const created = createArticleView(mount, article.document, {
      onHighlightClick: (id) => onClick.current(id),
    });
    // The view is made outside React (ProseMirror owns its DOM); the state only hands it on.
    setView(created);
    return () => {
      created.destroy();
      setView(null);
    };
  }, [article, mountRef]);
  return view;
}
