/** The open article, read once from the service (its document; the text is derived from it). */
import { useEffect, useState } from 'react';
import type { Article } from '../../../../shared/contract/entities';
import type { Client } from '../../../../shared/contract/operations';

export function useArticle(
  client: Client,
  articleId: string,
  onError: (error: unknown) => void,
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
  }, [client, articleId, onError]);
  return article?.id === articleId ? article.article : null;
}
