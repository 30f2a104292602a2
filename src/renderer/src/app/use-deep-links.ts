/**
 * `marginalia://open?article=…&annotation=…` links: from the desktop app (handed on by the OS),
 * from web mode's address (`#open=` at start, and any pasted in later). A link is followed once
 * the library is read (one that arrives before waits for it); a link to an article not in the
 * library, or one that is not ours, is said so.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ArticleSummary } from '../../../shared/contract/entities';
import { parseDeepLink } from '../../../shared/export/deep-link';
import { readOpenLink } from '../bridge/http-bridge';
import type { RendererStore } from '../store/renderer-store';

export interface DeepLinkOptions {
  readonly store: RendererStore;
  /** A link to open at start (web mode's `#open=`). */
  readonly initialLink: string | null;
  readonly openArticle: (articleId: string, annotationId: string | null) => void;
  readonly onError: (message: string) => void;
}

/** Answers the function that follows a link. */
export function useDeepLinks(options: DeepLinkOptions): (url: string) => void {
  const { store, initialLink, openArticle, onError } = options;
  const waitingLink = useRef<string | null>(null);
  const follow = useCallback(
    (url: string, library: readonly ArticleSummary[]) => {
      const link = parseDeepLink(url);
      if (!link) onError(`That is not a Marginalia link: ${url.slice(0, 200)}`);
      else if (!library.some((a) => a.id === link.articleId))
        onError(
          'The linked article is not in the library: it may have been deleted, or the link comes from another library.',
        );
      else openArticle(link.articleId, link.annotationId);
    },
    [onError, openArticle],
  );
  const openLink = useCallback(
    (url: string) => {
      const { library } = store.getState();
      if (library) follow(url, library);
      else waitingLink.current = url;
    },
    [follow, store],
  );
  useEffect(
    () =>
      store.subscribe(() => {
        const { library } = store.getState();
        const url = waitingLink.current;
        if (url === null || !library) return;
        waitingLink.current = null;
        follow(url, library);
      }),
    [follow, store],
  );

  const handledInitialLink = useRef(false);
  useEffect(() => {
    if (initialLink && !handledInitialLink.current) openLink(initialLink);
    handledInitialLink.current = true;
    const onHashChange = () => {
      const link = readOpenLink();
      if (link) openLink(link);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [initialLink, openLink]);

  return openLink;
}
