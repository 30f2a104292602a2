/**
 * The window: the library on the left, the open article in the middle, its annotations beside;
 * or, instead of the article, the library-wide claims ledger. Exports, annotation imports, the
 * desktop app's menu commands and `marginalia://` links all start here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand } from '../../shared/contract/desktop';
import type { ArticleSummary } from '../../shared/contract/entities';
import { ServiceError } from '../../shared/contract/errors';
import type { ExportedFile, ExportFormat, ImportReport } from '../../shared/contract/interop';
import type { Client } from '../../shared/contract/operations';
import { parseDeepLink } from '../../shared/export/deep-link';
import type { LedgerClaim } from '../../shared/export/types';
import { desktopBridge } from './bridge/desktop';
import { readOpenLink } from './bridge/http-bridge';
import { ErrorBanner } from './components/ErrorBanner';
import { HelpPanel } from './components/HelpPanel';
import { ImportAnnotationsDialog, describeImport } from './export/ImportAnnotationsDialog';
import { LibraryExportDialog } from './export/LibraryExportDialog';
import { MarkdownExportDialog } from './export/MarkdownExportDialog';
import { saveExportedFile } from './export/save';
import { ClaimsLedger } from './ledger/ClaimsLedger';
import { ImportButton } from './library/ImportButton';
import { LibraryList } from './library/LibraryList';
import { Reader, type RevealRequest } from './reader/Reader';
import { hasCommandModifier, isBareKey, isTypingTarget } from './reader/keyboard';
import { SettingsPanel } from './settings/SettingsPanel';
import { TagManager } from './tags/TagManager';
import { useSettings } from './settings/use-settings';

export interface AppProps {
  readonly client: Client;
  /** A `marginalia://` link to open at start (web mode's `#open=`). */
  readonly initialLink?: string | null;
}

type Panel =
  'help' | 'settings' | 'tags' | 'export-markdown' | 'export-library' | 'import-annotations';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App({ client, initialLink = null }: AppProps) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [revision, setRevision] = useState(0);
  const [trashed, setTrashed] = useState<ArticleSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The main pane: the open article, or the claims ledger. */
  const [showLedger, setShowLedger] = useState(false);
  const [ledger, setLedger] = useState<LedgerClaim[] | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const revealSeq = useRef(0);
  const desktop = desktopBridge();

  const reportError = useCallback((e: unknown) => setError(messageOf(e)), []);
  const { settings, update: updateSettings } = useSettings(client, reportError);

  const refresh = useCallback(() => {
    client.listArticles({}).then(({ articles }) => setArticles(articles), reportError);
  }, [client, reportError]);

  useEffect(refresh, [refresh]);

  /** Opens an article in the reader (leaving the ledger), optionally showing one annotation. */
  const openArticle = useCallback((id: string, annotationId: string | null = null) => {
    setShowLedger(false);
    setOpenId(id);
    setReveal(annotationId ? { annotationId, seq: ++revealSeq.current } : null);
  }, []);

  /** Follows a `marginalia://open?article=…&annotation=…` link. */
  const openLink = useCallback(
    (url: string) => {
      const link = parseDeepLink(url);
      if (!link) {
        setError(`That is not a Marginalia link: ${url.slice(0, 200)}`);
        return;
      }
      client.getArticle({ id: link.articleId }).then(
        () => openArticle(link.articleId, link.annotationId),
        (e: unknown) =>
          e instanceof ServiceError && e.code === 'not_found'
            ? setError(
                'The linked article is not in the library: it may have been deleted, or the link comes from another library.',
              )
            : reportError(e),
      );
    },
    [client, openArticle, reportError],
  );

  // Web mode: the link in the address at start (`#open=`), and any pasted in later.
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

  const clearReveal = useCallback(() => setReveal(null), []);

  const openLedger = useCallback(() => {
    setShowLedger(true);
    setPanel(null);
  }, []);

  // The ledger is read afresh each time it is shown, and after anything changes the library.
  useEffect(() => {
    if (!showLedger) return;
    let cancelled = false;
    client.getClaimsLedger({}).then(({ claims }) => {
      if (!cancelled) setLedger(claims);
    }, reportError);
    return () => {
      cancelled = true;
    };
  }, [client, showLedger, revision, articles, reportError]);

  /**
   * Makes a file and saves or downloads it; while one is on its way (or its save dialog is open)
   * another request is ignored, so a double click or a second menu click saves once.
   */
  const exporting = useRef(false);
  const exportAndSave = useCallback(
    (make: () => Promise<{ readonly file: ExportedFile }>) => {
      if (exporting.current) return;
      exporting.current = true;
      make()
        .then(({ file }) => saveExportedFile(file, desktopBridge()))
        .then((message) => {
          if (message) setAnnouncement(message);
        })
        .catch(reportError)
        .finally(() => {
          exporting.current = false;
        });
    },
    [reportError],
  );

  const exportArticle = useCallback(
    (format: ExportFormat) => {
      if (!openId) {
        setError('Open an article to export it.');
        return;
      }
      if (format === 'md') {
        setPanel('export-markdown');
        return;
      }
      exportAndSave(() => client.exportArticle({ id: openId, format }));
    },
    [client, openId, exportAndSave],
  );

  const exportLedger = useCallback(
    () => exportAndSave(() => client.exportLibrary({ format: 'ledger' })),
    [client, exportAndSave],
  );

  // The desktop app's File menu and the links the OS hands it.
  const onCommand = useRef<(command: AppCommand) => void>(() => {});
  useEffect(() => {
    onCommand.current = (command) => {
      switch (command.type) {
        case 'export-article':
          return exportArticle(command.format);
        case 'export-library':
          return setPanel('export-library');
        case 'import-annotations':
          return setPanel('import-annotations');
        case 'open-ledger':
          return openLedger();
        case 'open-link':
          return openLink(command.url);
      }
    };
  });
  useEffect(() => desktop?.onCommand((command) => onCommand.current(command)), [desktop]);

  /** Deleting never asks: the article goes to the trash, and the notice offers Undo. */
  const deleteArticle = useCallback(
    (id: string) => {
      const summary = articles?.find((a) => a.id === id) ?? null;
      client.deleteArticle({ id }).then(() => {
        setOpenId(null);
        setReveal(null);
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
        openArticle(article.id);
        refresh();
      }, reportError);
    },
    [client, openArticle, refresh, reportError],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (hasCommandModifier(event) && event.key === ',') {
        event.preventDefault();
        setPanel('settings');
      } else if (hasCommandModifier(event) && event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        openLedger();
      } else if (isBareKey(event) && event.key === '?' && !isTypingTarget(event.target)) {
        event.preventDefault();
        setPanel('help');
      } else if (
        showLedger &&
        openId &&
        isBareKey(event) &&
        event.key === 'Escape' &&
        !isTypingTarget(event.target)
      ) {
        // Back from the ledger to the article it was opened over.
        event.preventDefault();
        setShowLedger(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openLedger, openId, showLedger]);

  const openSummary = articles?.find((a) => a.id === openId) ?? null;
  const afterImport = (report: ImportReport, shown: boolean) => {
    refresh();
    // The reader reloads (remounts) to show what came in, when anything did.
    if (report.anchored + report.changed + report.linksCreated > 0) setRevision((r) => r + 1);
    if (shown) return;
    // The dialog was closed before the import finished: say how it went, visibly if some failed.
    const summary = `Annotations imported: ${describeImport(report)}`;
    setAnnouncement(summary);
    if (report.orphaned > 0)
      setError(
        `${summary}. The orphaned ones were not imported: their quotes are not in the article.`,
      );
  };

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
              openArticle(article.id);
            }}
          />
        </div>
        <button
          type="button"
          className="ledger-nav"
          aria-current={showLedger ? 'page' : undefined}
          aria-keyshortcuts="Control+Shift+L Meta+Shift+L"
          onClick={openLedger}
        >
          Claims ledger
        </button>
        <LibraryList
          articles={articles}
          selectedId={showLedger ? null : openId}
          onOpen={(id) => openArticle(id)}
        />
        <div className="library-actions">
          <button type="button" onClick={() => setPanel('import-annotations')}>
            Import annotations…
          </button>
          <button type="button" onClick={() => setPanel('export-library')}>
            Export library…
          </button>
        </div>
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
        {showLedger ? (
          <ClaimsLedger claims={ledger} onGoTo={openArticle} onExport={exportLedger} />
        ) : openId ? (
          <Reader
            key={`${openId}:${revision}`}
            client={client}
            articleId={openId}
            settings={settings}
            onError={reportError}
            onChanged={refresh}
            onDelete={() => deleteArticle(openId)}
            announce={setAnnouncement}
            onExport={exportArticle}
            reveal={reveal}
            onRevealed={clearReveal}
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
      {panel === 'export-markdown' && openId && (
        <MarkdownExportDialog
          client={client}
          article={{ id: openId, title: openSummary?.title ?? 'this article' }}
          desktop={desktop}
          onClose={() => setPanel(null)}
          onDone={setAnnouncement}
        />
      )}
      {panel === 'export-library' && (
        <LibraryExportDialog
          client={client}
          desktop={desktop}
          onClose={() => setPanel(null)}
          announce={setAnnouncement}
          onError={(e) => setError(`Exporting the library failed: ${messageOf(e)}`)}
        />
      )}
      {panel === 'import-annotations' && (
        <ImportAnnotationsDialog
          client={client}
          openArticle={openId && openSummary ? { id: openId, title: openSummary.title } : null}
          onClose={() => setPanel(null)}
          onImported={afterImport}
          onError={(e) => setError(`Importing annotations failed: ${messageOf(e)}`)}
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
