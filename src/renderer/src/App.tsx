/** The window: the library on the left, the open article in the middle, its annotations beside. */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../shared/contract/entities';
import type { Client } from '../../shared/contract/operations';
import { ErrorBanner } from './components/ErrorBanner';
import { HelpPanel } from './components/HelpPanel';
import { ImportButton } from './library/ImportButton';
import { LibraryList } from './library/LibraryList';
import { Reader } from './reader/Reader';
import { hasCommandModifier, isBareKey, isTypingTarget } from './reader/keyboard';
import { SettingsPanel } from './settings/SettingsPanel';
import { TagManager } from './tags/TagManager';
import { useSettings } from './settings/use-settings';

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
  const [panel, setPanel] = useState<'help' | 'settings' | 'tags' | null>(null);
  const [revision, setRevision] = useState(0);
  const [trashed, setTrashed] = useState<ArticleSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const reportError = useCallback((e: unknown) => setError(messageOf(e)), []);
  const { settings, update: updateSettings } = useSettings(client, reportError);

  const refresh = useCallback(() => {
    client.listArticles({}).then(({ articles }) => setArticles(articles), reportError);
  }, [client, reportError]);

  useEffect(refresh, [refresh]);

  /** Deleting never asks: the article goes to the trash, and the notice offers Undo. */
  const deleteArticle = useCallback(
    (id: string) => {
      const summary = articles?.find((a) => a.id === id) ?? null;
      client.deleteArticle({ id }).then(() => {
        setOpenId(null);
        setTrashed(summary);
        setAnnouncement(`${summary?.title ?? 'Article'} deleted`);
        refresh();
      }, reportError);
    },
    [articles, client, refresh, reportError],
  );

  const restoreArticle = useCallback(
    (article: ArticleSummary) => {
      client.restoreArticle({ id: article.id }).then(() => {
        setTrashed(null);
        setOpenId(article.id);
        refresh();
      }, reportError);
    },
    [client, refresh, reportError],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (hasCommandModifier(event) && event.key === ',') {
        event.preventDefault();
        setPanel('settings');
      } else if (isBareKey(event) && event.key === '?' && !isTypingTarget(event.target)) {
        event.preventDefault();
        setPanel('help');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

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
        <div className="library-footer">
          <button type="button" onClick={() => setPanel('settings')} aria-keyshortcuts="Control+,">
            Settings
          </button>
          <button type="button" onClick={() => setPanel('tags')}>
            Manage tags
          </button>
          <button type="button" onClick={() => setPanel('help')} aria-keyshortcuts="?">
            Keyboard shortcuts
          </button>
        </div>
      </nav>
      <main className="reader-pane" aria-label="Reader">
        {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
        {trashed && (
          <div className="notice" role="status">
            <span>“{trashed.title}” was deleted.</span>
            <button type="button" onClick={() => restoreArticle(trashed)}>
              Undo delete
            </button>
            <button type="button" aria-label="Dismiss" onClick={() => setTrashed(null)}>
              ×
            </button>
          </div>
        )}
        {openId ? (
          <Reader
            key={`${openId}:${revision}`}
            client={client}
            articleId={openId}
            settings={settings}
            onError={reportError}
            onChanged={refresh}
            onDelete={() => deleteArticle(openId)}
            announce={setAnnouncement}
          />
        ) : (
          <p className="placeholder">Choose an article from the library to start reading.</p>
        )}
      </main>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {panel === 'help' && <HelpPanel onClose={() => setPanel(null)} />}
      {panel === 'tags' && (
        <TagManager
          client={client}
          onClose={() => setPanel(null)}
          onError={reportError}
          onChanged={() => {
            refresh();
            setRevision((r) => r + 1);
          }}
        />
      )}
      {panel === 'settings' && (
        <SettingsPanel
          settings={settings}
          onChange={updateSettings}
          onClose={() => setPanel(null)}
        />
      )}
    </div>
  );
}
