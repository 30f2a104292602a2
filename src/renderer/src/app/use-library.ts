/** Reads the library and its names into the store once; after that, replies say what changed. */
import { useEffect } from 'react';
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
