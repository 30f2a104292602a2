/**
 * The open article, read once from the service (its document; the text is derived from it), and
 * again when `revision` changes (a new version came in: its text is the article's now). The
 * article read before stays shown until the new one is in.
 */
import { useEffect, useState } from 'react';
import type { Article } from '../../../../shared/contract/entities';
import type { Client } from '../../../../shared/contract/operations';

export function useArticle(
  client: Client,
  articleId: string,
  onError: (error: unknown) => void,
  revision = 0,
): Article | null {
  const [article, setArticle] = useState<{ id: string; article: Article } | null>(null);
  useEffect(() => {
    let cancelled = false;
    client.getArticle({ id: articleId }).then(({ article }) => {
      if (!cancelled) setArticle({ id: articleId, article });
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [client, articleId, onError, revision]);
  return article?.id === articleId ? article.article : null;
}
