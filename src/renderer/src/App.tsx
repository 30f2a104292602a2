/** The window: the library on the left, the open article in the middle, its annotations beside. */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../shared/contract/entities';
import type { Client } from '../../shared/contract/operations';
import { ErrorBanner } from './components/ErrorBanner';
import { ImportButton } from './library/ImportButton';
import { LibraryList } from './library/LibraryList';
import { Reader } from './reader/Reader';

export interface AppProps {
  readonly client: Client;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App({ client }: AppProps) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reportError = useCallback((e: unknown) => setError(messageOf(e)), []);

  const refresh = useCallback(() => {
    client.listArticles({}).then(({ articles }) => setArticles(articles), reportError);
  }, [client, reportError]);

  useEffect(refresh, [refresh]);

  return (
    <div className="app">
      <nav className="library" aria-label="Library">
        <div className="library-header">
          <h1 className="app-title">Marginalia</h1>
          <ImportButton
            client={client}
            onError={reportError}
            onImported={(article) => {
              refresh();
              setOpenId(article.id);
            }}
          />
        </div>
        <LibraryList articles={articles} selectedId={openId} onOpen={setOpenId} />
      </nav>
      <main className="reader-pane" aria-label="Reader">
        {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
        {openId ? (
          <Reader
            key={openId}
            client={client}
            articleId={openId}
            onError={reportError}
            onChanged={refresh}
          />
        ) : (
          <p className="placeholder">Choose an article from the library to start reading.</p>
        )}
      </main>
    </div>
  );
}
