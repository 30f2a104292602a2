/** Reads the library and its names into the store once; after that, replies say what changed. */
import { useEffect } from 'react';
import { ServiceError } from '../../../shared/contract/errors';
import type { Client } from '../../../shared/contract/operations';
import type { RendererStore } from '../store/renderer-store';

export function useLibrary(
  client: Client,
  store: RendererStore,
  onError: (error: unknown) => void,
): void {
  useEffect(() => {
    client.listArticles({}).then(({ articles }) => store.setArticles(articles), onError);
    Promise.all([client.listTags({}), client.listSpeakers({}), client.listClaimTypes({})]).then(
      ([{ tags }, { speakers }, { types }]) =>
        store.setNames({
          tags: tags.map((t) => t.name),
          speakers: speakers.map((s) => s.name),
          claimTypes: types,
        }),
      onError,
    );
  }, [client, store, onError]);
}

/**
 * Records "last opened" each time an article is opened for reading, in the background: opening
 * never waits for it. A read-only library refuses it, which the banner already says, and an
 * article that is gone is the reader's to report; anything else is an error like any other.
 */
export function useMarkOpened(
  client: Client,
  store: RendererStore,
  openId: string | null,
  onError: (error: unknown) => void,
): void {
  useEffect(() => {
    if (openId === null) return;
    client.markArticleOpened({ id: openId }).then(
      ({ changes }) => store.apply(changes),
      (error: unknown) => {
        const quiet =
          error instanceof ServiceError &&
          (error.code === 'read_only' || error.code === 'not_found');
        if (!quiet) onError(error);
      },
    );
  }, [client, store, openId, onError]);
}
