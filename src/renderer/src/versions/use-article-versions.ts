/**
 * The open article's versions, read once when it opens (oldest first, the last current), and
 * whether its banner was closed. An update adds its version here from the reply: nothing is read
 * again.
 */
import { useCallback, useEffect, useState } from 'react';
import { ServiceError } from '../../../shared/contract/errors';
import type { Client } from '../../../shared/contract/operations';
import type { VersionSummary } from '../../../shared/contract/versions';

export interface ArticleVersions {
  /** Oldest first; null until read (or when they could not be read). */
  readonly versions: readonly VersionSummary[] | null;
  readonly current: VersionSummary | null;
  /** The banner about the current version shows: a newer version whose notice is still open. */
  readonly showBanner: boolean;
  /** Closes the banner (and remembers it, in the library). */
  dismiss(): void;
  /** A new version came in (an update's reply): it is the current one, and its banner shows. */
  added(version: VersionSummary): void;
}

interface Loaded {
  readonly articleId: string;
  readonly versions: readonly VersionSummary[];
  readonly noticeDismissed: boolean;
}

export function useArticleVersions(
  client: Pick<Client, 'listVersions' | 'dismissVersionNotice'>,
  articleId: string,
  onError: (error: unknown) => void,
): ArticleVersions {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let cancelled = false;
    // A client without versions (an older service) leaves the reader as it was; the service's
    // own refusals are shown.
    Promise.resolve()
      .then(() => client.listVersions({ articleId }))
      .then(
        ({ versions, noticeDismissed }) => {
          if (!cancelled) setLoaded({ articleId, versions, noticeDismissed });
        },
        (error: unknown) => {
          if (!cancelled && error instanceof ServiceError) onError(error);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [client, articleId, onError]);

  const dismiss = useCallback(() => {
    setLoaded((state) => state && { ...state, noticeDismissed: true });
    client.dismissVersionNotice({ articleId }).catch(onError);
  }, [articleId, client, onError]);

  const added = useCallback(
    (version: VersionSummary) =>
      setLoaded((state) => {
        const earlier = (state?.articleId === articleId ? state.versions : []).filter(
          (v) => v.number !== version.number,
        );
        return {
          articleId,
          versions: [...earlier.map((v) => ({ ...v, current: false })), version],
          noticeDismissed: false,
        };
      }),
    [articleId],
  );

  const versions = loaded?.articleId === articleId ? loaded.versions : null;
  const current = versions?.find((v) => v.current) ?? versions?.at(-1) ?? null;
  const showBanner = !!versions && versions.length > 1 && !!current && !loaded?.noticeDismissed;
  return { versions, current, showBanner, dismiss, added };
}
