/**
 * The window: the library on the left, the open article in the middle, its annotations beside;
 * or, instead of the article, the library-wide claims ledger. Exports, annotation imports, the
 * desktop app's menu commands and `marginalia://` links all start here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ariaKeyShortcuts } from '../../shared/commands/keymap';
import type { AppCommand } from '../../shared/contract/desktop';
import type { ArticleSummary } from '../../shared/contract/entities';
import type { JobClient } from '../../shared/contract/jobs';
import type { Client, ResponseOf } from '../../shared/contract/operations';
import { desktopBridge } from './bridge/desktop';
import { ErrorBanner } from './components/ErrorBanner';
import { HelpPanel } from './components/HelpPanel';
import { ImportAnnotationsDialog, describeImport } from './export/ImportAnnotationsDialog';
import { LibraryExportDialog } from './export/LibraryExportDialog';
import { MarkdownExportDialog } from './export/MarkdownExportDialog';
import { ClaimsLedger } from './ledger/ClaimsLedger';
import { AnnotationsView } from './library-annotations/AnnotationsView';
import { useLibraryAnnotations } from './library-annotations/use-library-annotations';
import { ImportButtons } from './library/ImportButton';
import { ImportDialogs } from './library/ImportDialogs';
import { ImportNotice } from './library/ImportNotice';
import { LibraryList } from './library/LibraryList';
import { CommandsContext, createCommandRegistry, useCommand, useKeymap } from './commands/registry';
import { Reader, type RevealRequest } from './reader/Reader';
import { SearchDialog, type SearchTarget } from './search/SearchDialog';
import { BackupsDialog } from './safety/BackupsDialog';
import { createPendingSaves, PendingSavesContext } from './safety/pending-saves';
import { SafetyBanners } from './safety/SafetyBanners';
import { useLibrarySafety } from './safety/use-library-safety';
import { SettingsPanel } from './settings/SettingsPanel';
import { useSelector } from './store/external-store';
import { StoreContext } from './store/hooks';
import { createRendererStore, type RendererState } from './store/renderer-store';
import { TagManager } from './tags/TagManager';
import { TrashButton } from './trash/TrashButton';
import { useSettings } from './settings/use-settings';
import { useDeepLinks } from './app/use-deep-links';
import { useExports } from './app/use-exports';
import { useImports } from './app/use-imports';
import { useLedger } from './app/use-ledger';
import { useLibrary, useMarkOpened } from './app/use-library';
import { ArticleDetailsHost, DetailsNotice } from './details/ArticleDetailsHost';
import { useArticleDetails } from './details/use-article-details';

export interface AppProps {
  readonly client: Client;
  /** A `marginalia://` link to open at start (web mode's `#open=`). */
  readonly initialLink?: string | null;
  /** Long work (folder imports); by default this window's own job client. */
  readonly jobs?: JobClient;
  /**
   * Starts the window again after a restore; by default the desktop app's main process reloads
   * it (`desktop.reloadWindow`), and in web mode the page reloads itself.
   */
  readonly reload?: () => void;
}

type Panel =
  | 'help'
  | 'settings'
  | 'tags'
  | 'export-markdown'
  | 'export-library'
  | 'import-annotations'
  | 'search';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const selectLibrary = (state: RendererState) => state.library;

export function App({ client, initialLink = null, jobs, reload }: AppProps) {
  const [store] = useState(createRendererStore);
  const [commands] = useState(createCommandRegistry);
  useKeymap(commands);
  const articles = useSelector(store, selectLibrary);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  /** Bumped when annotations come in from a file: the ledger, if shown, is read again. */
  const [imports, setImports] = useState(0);
  const [trashed, setTrashed] = useState<ArticleSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The main pane: the open article, or the claims ledger. */
  const [showLedger, setShowLedger] = useState(false);
  /** The main pane shows every annotation in the library (All annotations) instead. */
  const [showAnnotations, setShowAnnotations] = useState(false);
  const annotationsNavRef = useRef<HTMLButtonElement>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const revealSeq = useRef(0);
  const desktop = desktopBridge();

  const reportError = useCallback((e: unknown) => setError(messageOf(e)), []);
  const { settings, update: updateSettings } = useSettings(client, reportError);

  useLibrary(client, store, reportError);
  useMarkOpened(client, store, showLedger ? null : openId, reportError);
  // Note drafts the open article has queued: a restore stores them first and sends none after.
  const [pendingSaves] = useState(createPendingSaves);
  const safety = useLibrarySafety({
    client,
    onError: reportError,
    desktop,
    pendingSaves,
    reload,
  });

  /**
   * Opens an article in the reader (leaving the ledger), optionally showing one annotation, or
   * scrolled to a text offset (a search match: its `length` characters flashed).
   */
  const openArticle = useCallback(
    (
      id: string,
      annotationId: string | null = null,
      offset: number | null = null,
      length: number | null = null,
    ) => {
      setShowLedger(false);
      setShowAnnotations(false);
      setOpenId(id);
      setReveal(
        annotationId || offset !== null
          ? { annotationId, offset, length, seq: ++revealSeq.current }
          : null,
      );
    },
    [],
  );

  const openLink = useDeepLinks({ store, initialLink, openArticle, onError: setError });

  const clearReveal = useCallback(() => setReveal(null), []);

  const openLedger = useCallback(() => {
    setShowLedger(true);
    setShowAnnotations(false);
    setPanel(null);
  }, []);

  const openAnnotations = useCallback(() => {
    setShowAnnotations(true);
    setShowLedger(false);
    setPanel(null);
  }, []);
  // Escape: back to the open article, or (none open) to the button that opened the view.
  const closeAnnotations = useCallback(() => {
    setShowAnnotations(false);
    if (!openId) annotationsNavRef.current?.focus();
  }, [openId]);
  const libraryAnnotations = useLibraryAnnotations(
    client,
    showAnnotations,
    imports,
    articles,
    reportError,
  );

  const ledger = useLedger(client, showLedger, imports, reportError);

  const askMarkdown = useCallback(() => setPanel('export-markdown'), []);
  const { exportArticle, exportLedger } = useExports({
    client,
    openId,
    askMarkdown,
    announce: setAnnouncement,
    onError: reportError,
  });

  const articleImports = useImports({
    client,
    jobs: jobs ?? null,
    desktop,
    store,
    openArticle,
    announce: setAnnouncement,
    onError: reportError,
  });

  // The desktop app's File menu and the links the OS hands it.
  const onCommand = useRef<(command: AppCommand) => void>(() => {});
  useEffect(() => {
    onCommand.current = (command) => {
      switch (command.type) {
        case 'import-files':
          return articleImports.chooseFiles();
        case 'import-folder':
          return articleImports.chooseFolder();
        case 'add-from-url':
          return articleImports.askUrl();
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
        case 'restore-backup':
          return safety.openBackups();
        case 'run-command':
          // The menu sees the keys a modal dialog keeps from the window's keymap: it must not
          // open a second dialog behind (or over) the one that has the keyboard.
          if (document.querySelector('[aria-modal="true"]')) return;
          return void commands.run(command.command);
      }
    };
  });
  useEffect(() => desktop?.onCommand((command) => onCommand.current(command)), [desktop]);

  /** Deleting never asks: the article goes to the trash, and the notice offers Undo. */
  const deleteArticle = useCallback(
    (id: string) => {
      const summary = articles?.find((a) => a.id === id) ?? null;
      client.deleteArticle({ id }).then(({ changes }) => {
        setOpenId(null);
        setReveal(null);
        store.apply(changes);
        setTrashed(summary);
        setAnnouncement(`${summary?.title ?? 'Article'} deleted`);
      }, reportError);
    },
    [articles, client, reportError, store],
  );

  const restoreArticle = useCallback(
    (article: ArticleSummary) => {
      client.restoreArticle({ id: article.id }).then(({ changes }) => {
        store.apply(changes);
        setTrashed(null);
        openArticle(article.id);
      }, reportError);
    },
    [client, openArticle, reportError, store],
  );

  useCommand('settings', () => setPanel('settings'), commands);
  useCommand('ledger', openLedger, commands);
  useCommand('library-annotations', openAnnotations, commands);
  useCommand('help', () => setPanel('help'), commands);
  useCommand('search', () => setPanel('search'), commands);
  // A search result: an annotation's card (scrolled to and flashed), else its place in the text.
  const openSearchResult = useCallback(
    (target: SearchTarget) =>
      target.annotationId
        ? openArticle(target.articleId, target.annotationId)
        : openArticle(target.articleId, null, target.offset, target.length),
    [openArticle],
  );
  useCommand('import-files', articleImports.chooseFiles, commands);
  useCommand('add-from-url', () => articleImports.askUrl(), commands);
  useCommand(
    'export-markdown',
    () => {
      if (!openId || showLedger || showAnnotations) return false;
      setPanel('export-markdown');
    },
    commands,
  );
  // Back from the ledger to the article it was opened over.
  useCommand(
    'close',
    () => {
      if (!showLedger || !openId) return false;
      setShowLedger(false);
    },
    commands,
  );

  const details = useArticleDetails({
    client,
    store,
    commands,
    readerArticleId: showLedger || showAnnotations ? null : openId,
    announce: setAnnouncement,
    onError: reportError,
  });

  const openSummary = articles?.find((a) => a.id === openId) ?? null;
  const afterImport = ({ report, changes }: ResponseOf<'importAnnotations'>, shown: boolean) => {
    store.apply(changes);
    setImports((n) => n + 1);
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
    <StoreContext.Provider value={store}>
      <CommandsContext.Provider value={commands}>
        <div className="app">
          <nav className="library" aria-label="Library">
            <div className="library-header">
              <h1 className="app-title">Marginalia</h1>
            </div>
            <ImportButtons imports={articleImports} />
            <button
              type="button"
              className="search-nav"
              aria-haspopup="dialog"
              aria-keyshortcuts={ariaKeyShortcuts('search')}
              onClick={() => setPanel('search')}
            >
              Search…
            </button>
            <button
              type="button"
              className="ledger-nav"
              aria-current={showLedger ? 'page' : undefined}
              aria-keyshortcuts={ariaKeyShortcuts('ledger')}
              onClick={openLedger}
            >
              Claims ledger
            </button>
            <button
              ref={annotationsNavRef}
              type="button"
              className="ledger-nav annotations-nav"
              aria-current={showAnnotations ? 'page' : undefined}
              aria-keyshortcuts={ariaKeyShortcuts('library-annotations')}
              onClick={openAnnotations}
            >
              All annotations
            </button>
            <LibraryList
              articles={articles}
              selectedId={showLedger || showAnnotations ? null : openId}
              onOpen={(id) => openArticle(id)}
              onDelete={deleteArticle}
              view={settings}
              onViewChange={updateSettings}
            />
            <div className="library-actions">
              <button type="button" onClick={() => setPanel('import-annotations')}>
                Import annotations…
              </button>
              <button type="button" onClick={() => setPanel('export-library')}>
                Export library…
              </button>
              <button type="button" onClick={safety.openBackups}>
                Restore from backup…
              </button>
              <TrashButton client={client} announce={setAnnouncement} onError={reportError} />
            </div>
            <div className="library-footer">
              <button
                type="button"
                onClick={() => setPanel('settings')}
                aria-keyshortcuts={ariaKeyShortcuts('settings')}
              >
                Settings
              </button>
              <button type="button" onClick={() => setPanel('tags')}>
                Manage tags
              </button>
              <button
                type="button"
                onClick={() => setPanel('help')}
                aria-keyshortcuts={ariaKeyShortcuts('help')}
              >
                Keyboard shortcuts
              </button>
            </div>
          </nav>
          <main className="reader-pane" aria-label="Reader">
            <SafetyBanners safety={safety} />
            {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
            <ImportNotice imports={articleImports} />
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
            <DetailsNotice details={details} />
            {showAnnotations ? (
              <AnnotationsView
                annotations={libraryAnnotations}
                colorLabels={settings.colorLabels}
                onGoTo={openArticle}
                onClose={closeAnnotations}
              />
            ) : showLedger ? (
              <ClaimsLedger claims={ledger} onGoTo={openArticle} onExport={exportLedger} />
            ) : openId ? (
              <PendingSavesContext.Provider value={pendingSaves}>
                <Reader
                  key={openId}
                  client={client}
                  articleId={openId}
                  settings={settings}
                  onError={reportError}
                  onDelete={() => deleteArticle(openId)}
                  announce={setAnnouncement}
                  onExport={exportArticle}
                  reveal={reveal}
                  onRevealed={clearReveal}
                  onRestoreFromBackup={safety.openBackups}
                  onShowDetails={details.show}
                  onChangeSettings={updateSettings}
                />
              </PendingSavesContext.Provider>
            ) : (
              <p className="placeholder">Choose an article from the library to start reading.</p>
            )}
          </main>
          <div className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </div>
          {panel === 'help' && <HelpPanel onClose={() => setPanel(null)} />}
          {panel === 'search' && (
            <SearchDialog
              client={client}
              onOpen={openSearchResult}
              onClose={() => setPanel(null)}
              onError={reportError}
            />
          )}
          {panel === 'tags' && (
            <TagManager
              client={client}
              onClose={() => setPanel(null)}
              onError={reportError}
              onRenamed={({ changes, previousName, tag }) => {
                store.apply(changes);
                store.renameTag(previousName, tag.name);
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
          <ImportDialogs imports={articleImports} onError={reportError} />
          <ArticleDetailsHost details={details} />
          {safety.backupsOpen && (
            <BackupsDialog
              client={client}
              backupsFolder={safety.status?.backupsFolder ?? null}
              onRestore={safety.restore}
              onClose={safety.closeBackups}
              announce={setAnnouncement}
              onError={reportError}
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
      </CommandsContext.Provider>
    </StoreContext.Provider>
  );
}
