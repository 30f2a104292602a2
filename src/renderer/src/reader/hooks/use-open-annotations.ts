/** Reads the article's annotations into the store once when it opens; forgets them on close. */
import { useEffect } from 'react';
import type { Client } from '../../../../shared/contract/operations';
import type { RendererStore } from '../../store/renderer-store';

export function useOpenAnnotations(
  client: Client,
  store: RendererStore,
  articleId: string,
  onError: (error: unknown) => void,
): void {
  useEffect(() => {
    let cancelled = false;
    store.closeAnnotations();
    client.listAnnotations({ articleId }).then(({ annotations }) => {
      if (!cancelled) store.openAnnotations(articleId, annotations);
    }, onError);
    return () => {
      cancelled = true;
      store.closeAnnotations(articleId);
    };
  }, [client, store, articleId, onError]);
}
