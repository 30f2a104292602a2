/**
 * One open article: its text with highlights, the selection toolbar, the annotations sidebar and
 * the claims view. Wiring only: each concern is a hook (the article and its view, highlights,
 * selection, reading position, reveal, copy and export, the keymap's reader commands), and every
 * annotation the reader shows comes from the store.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { ariaKeyShortcuts } from '../../../shared/commands/keymap';
import type { Annotation, Settings } from '../../../shared/contract/entities';
import type { ExportFormat } from '../../../shared/contract/interop';
import type { Client } from '../../../shared/contract/operations';
import { useAnnotationActions } from '../annotations/annotation-actions';
import type { FocusField } from '../annotations/AnnotationEditor';
import { OpenArticleClaimsView } from '../annotations/ClaimsView';
import { Sidebar } from '../annotations/Sidebar';
import { OpenReattachPrompt, useOrphanReattach } from '../annotations/orphan-reattach';
import { ExportMenu } from '../export/ExportMenu';
import { memoSelector, useSelector } from '../store/external-store';
import { useHistory, useStore } from '../store/hooks';
import type { RendererState } from '../store/renderer-store';
import { useAnnotate } from './hooks/use-annotate';
import { useArticle } from './hooks/use-article';
import { useArticleSelection } from './hooks/use-article-selection';
import { useArticleView } from './hooks/use-article-view';
import { useCopyMarkdown } from './hooks/use-copy-markdown';
import { useOpenAnnotations } from './hooks/use-open-annotations';
import { useReaderCommands } from './hooks/use-reader-commands';
import { useReadingPosition } from './hooks/use-reading-position';
import { useReveal, type RevealRequest } from './hooks/use-reveal';
import { SelectionToolbar } from './SelectionToolbar';
import { FindBar } from './find/FindBar';
import { useFind } from './find/use-find';
import { DamagedArticleBanner } from '../safety/DamagedArticleBanner';
import { ArticleHeader } from '../details/ArticleHeader';
import { OlderVersionView } from '../versions/OlderVersionView';
import { useReaderVersions } from '../versions/use-reader-versions';
import { VersionActions } from '../versions/VersionActions';
import { VersionBanner } from '../versions/VersionBanner';
import { VersionDiffDialog } from '../versions/VersionDiffDialog';
import { VersionPicker } from '../versions/VersionPicker';
import type { SettingsPatch } from '../settings/use-settings';
import { SuggestToggle } from '../suggestions/SuggestToggle';
import { useClaimSuggestions } from '../suggestions/use-claim-suggestions';
import { useSuggestionCommands } from '../suggestions/use-suggestion-commands';

export type { RevealRequest } from './hooks/use-reveal';

export interface ReaderProps {
  readonly client: Client;
  readonly articleId: string;
  readonly settings: Settings;
  readonly onError: (error: unknown) => void;
  /** Deletes the article (to the trash; the app offers Undo). */
  readonly onDelete: () => void;
  /** Announces a change to screen readers ("Highlight undone"). */
  readonly announce: (message: string) => void;
  /** Exports the article: 'md' asks how (a dialog), the others save or download at once. */
  readonly onExport?: (format: ExportFormat) => void;
  /** An annotation to show (scrolled to, flashed and opened), from a deep link or the ledger. */
  readonly reveal?: RevealRequest | null;
  /** The reveal was handled (shown, or reported as missing). */
  readonly onRevealed?: () => void;
  /** Opens "Restore from backup…" (offered when the article's text fails its checksum). */
  readonly onRestoreFromBackup?: () => void;
  /** Opens Article details (the button beside the title). */
  readonly onShowDetails?: (articleId: string) => void;
  /** Changes the library's settings (the "Suggest claims" toggle). */
  readonly onChangeSettings?: (patch: SettingsPatch) => void;
}

const selectById = (state: RendererState) =>
  state.annotations.loaded ? state.annotations.byId : null;
/** Counted again only when the annotations change, not on every store notification. */
const selectClaimCount = memoSelector(
  (state: RendererState) => [state.annotations.byId] as const,
  (byId: ReadonlyMap<string, Annotation>) => {
    let count = 0;
    for (const a of byId.values()) if (a.claim) count++;
    return count;
  },
);

export function Reader(props: ReaderProps) {
  const { client, articleId, settings, onError, announce, reveal = null } = props;
  const store = useStore();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusField, setFocusField] = useState<FocusField | null>(null);
  const [view, setView] = useState<'article' | 'claims'>('article');
  const scrollerRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  // Opened to show one annotation: that, not the saved reading position, decides the scroll.
  const [openedToReveal] = useState(reveal !== null);

  const activate = useCallback((id: string | null, field: FocusField | null = null) => {
    setActiveId(id);
    setFocusField(field);
  }, []);

  const versions = useReaderVersions({ client, store, articleId, announce, onError });
  const readingOlder = versions.older !== null;
  const article = useArticle(client, articleId, onError, versions.revision);
  // The title as the library holds it now: a rename reaches the open article too. Looked up only
  // when the list itself changes.
  const selectTitle = useMemo(
    () =>
      memoSelector(
        (state: RendererState) => [state.library] as const,
        (library) => library?.find((a) => a.id === articleId)?.title,
      ),
    [articleId],
  );
  const title = useSelector(store, selectTitle) ?? article?.title ?? null;
  useOpenAnnotations(client, store, articleId, onError);
  const articleView = useArticleView(mountRef, article, store, activate);
  useReadingPosition({
    client,
    articleId,
    scrollerRef,
    view: articleView,
    saved: article?.readingPosition ?? null,
    restore: !openedToReveal,
    onError,
  });
  const selection = useArticleSelection(articleView);
  const find = useFind(articleView, scrollerRef);
  const actions = useAnnotationActions(client, store, articleId, onError);
  const history = useHistory();

  // Suggested claims: the controller the toolbar, the keys and the sidebar's list share.
  const { onChangeSettings } = props;
  const setSuggestClaims = useCallback(
    (on: boolean) => onChangeSettings?.({ suggestClaims: on }),
    [onChangeSettings],
  );
  const suggestions = useClaimSuggestions({
    client,
    store,
    articleId,
    articleView,
    enabled: settings.suggestClaims,
    setEnabled: setSuggestClaims,
    actions,
    activate,
    announce,
    scrollerRef,
  });
  useSuggestionCommands({
    controller: suggestions,
    active: view === 'article' && !readingOlder,
    hasSelection: () => selection.read() !== null,
    announce,
  });

  const jump = useCallback(
    (id: string) => {
      setView('article');
      // After the article is shown again, so it can scroll.
      requestAnimationFrame(() => articleView?.revealHighlight(id));
    },
    [articleView],
  );
  const show = useCallback((id: string) => (activate(id), jump(id)), [activate, jump]);
  const scrollTo = useMemo(
    () =>
      articleView
        ? (offset: number, length: number | null) => {
            const scroller = scrollerRef.current;
            if (!scroller) return;
            // A search match: centred and flashed; else the place is lined up at the top.
            if (length) articleView.revealMatch(scroller, offset, offset + length);
            else articleView.scrollToOffset(scroller, offset);
          }
        : null,
    [articleView],
  );
  useReveal({
    reveal,
    title,
    annotations: useSelector(store, selectById),
    show,
    scrollTo,
    onError,
    onRevealed: props.onRevealed,
  });

  const { copyMarkdown, chooseExport } = useCopyMarkdown({
    article,
    store,
    colorLabels: settings.colorLabels,
    versionAddedAt:
      versions.list.current && versions.list.current.number > 1
        ? versions.list.current.addedAt
        : null,
    announce,
    onError,
    onExport: props.onExport,
  });

  const copyList = useCallback(
    (list: readonly Annotation[]) => void copyMarkdown(list),
    [copyMarkdown],
  );

  const { annotateSelection, move, lastColor } = useAnnotate({
    view: articleView,
    actions,
    store,
    activate,
    activeId,
    jump,
    afterAnnotate: selection.collapse,
    announce,
  });

  const reattach = useOrphanReattach({
    view: articleView,
    actions,
    announce,
    collapse: selection.collapse,
    onReattached: show,
  });

  const undo = useCallback(async () => {
    const label = store.getState().history.undoLabel;
    await actions.undo();
    if (label) announce(`Undid ${label}`);
  }, [actions, announce, store]);
  const redo = useCallback(async () => {
    const label = store.getState().history.redoLabel;
    await actions.redo();
    if (label) announce(`Redid ${label}`);
  }, [actions, announce, store]);

  // Stable, as the sidebar's other callbacks are (it is memoized: a book's orphans are all drawn).
  const { showCurrent } = versions;
  const { start: reattachStart } = reattach;
  const startReattach = useCallback(
    (id: string) => {
      // New words are chosen in the current text, never in an older version's.
      showCurrent();
      reattachStart(id);
    },
    [reattachStart, showCurrent],
  );

  // While an orphan waits for its new words, the single keys (H, N, T, C) do not make a new
  // highlight of the selection meant for it.
  const reattachingId = reattach.reattachingId;
  const annotateUnlessReattaching = useCallback(
    async (...args: Parameters<typeof annotateSelection>) => {
      if (reattachingId !== null) announce('Re-attaching: press Enter, or Esc to cancel');
      else await annotateSelection(...args);
    },
    [annotateSelection, announce, reattachingId],
  );

  useReaderCommands({
    selection,
    lastColor,
    annotateSelection: annotateUnlessReattaching,
    move,
    undo: () => void undo(),
    redo: () => void redo(),
    close: () => {
      if (activeId) activate(null);
      else if (view === 'claims') setView('article');
      else if (find.isOpen) find.close();
      else return false;
      return true;
    },
  });

  const claimCount = useSelector(store, selectClaimCount);
  if (!article) return <p className="muted">Loading…</p>;
  return (
    <div className="reader">
      <div className="reader-main">
        <div className="reader-toolbar" role="toolbar" aria-label="Reader">
          <button
            type="button"
            aria-pressed={view === 'claims'}
            onClick={() => setView(view === 'claims' ? 'article' : 'claims')}
          >
            {view === 'claims' ? 'Back to article' : `Claims (${claimCount})`}
          </button>
          <SuggestToggle controller={suggestions} />
          {versions.list.versions && (
            <VersionPicker
              versions={versions.list.versions}
              shown={versions.shown}
              onChoose={versions.showVersion}
              selectRef={versions.pickerRef}
            />
          )}
          <span className="toolbar-spacer" />
          <ExportMenu onSelect={chooseExport} />
          <button type="button" onClick={props.onDelete}>
            Delete article
          </button>
          <button
            type="button"
            onClick={() => void undo()}
            disabled={history.undoLabel === null}
            aria-keyshortcuts={ariaKeyShortcuts('undo')}
            title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl/⌘+Z)` : 'Nothing to undo'}
          >
            Undo
          </button>
          <button
            type="button"
            onClick={() => void redo()}
            disabled={history.redoLabel === null}
            aria-keyshortcuts={ariaKeyShortcuts('redo')}
            title={
              history.redoLabel ? `Redo ${history.redoLabel} (Ctrl/⌘+Shift+Z)` : 'Nothing to redo'
            }
          >
            Redo
          </button>
        </div>
        {article.damaged && (
          <DamagedArticleBanner onRestoreFromBackup={props.onRestoreFromBackup} />
        )}
        {view === 'article' &&
          !readingOlder &&
          versions.list.showBanner &&
          versions.list.current && (
            <VersionBanner
              version={versions.list.current}
              onShowChanges={versions.showChanges}
              onDismiss={versions.list.dismiss}
            />
          )}
        {find.isOpen && view === 'article' && <FindBar find={find} />}
        {view === 'article' && <OpenReattachPrompt reattach={reattach} />}
        <div
          ref={scrollerRef}
          className="article-scroller"
          hidden={view !== 'article' || readingOlder}
        >
          <article
            className="article"
            aria-label={title ?? article.title}
            lang={article.language ?? undefined}
            dir={article.direction ?? 'auto'}
          >
            <ArticleHeader
              articleId={articleId}
              article={article}
              onShowDetails={props.onShowDetails}
            >
              <VersionActions updates={versions.updates} />
            </ArticleHeader>
            <div ref={mountRef} className="article-mount" />
          </article>
        </div>
        {view === 'article' && versions.older !== null && (
          <OlderVersionView
            client={client}
            articleId={articleId}
            number={versions.older}
            total={versions.list.versions?.length ?? versions.older}
            title={title ?? article.title}
            onBack={versions.backToCurrent}
            onError={onError}
          />
        )}
        {view === 'claims' && <OpenArticleClaimsView onJump={show} />}
      </div>
      <Sidebar
        actions={actions}
        colorLabels={settings.colorLabels}
        activeId={activeId}
        focusField={focusField}
        onActivate={activate}
        onJump={jump}
        onCopyMarkdown={copyList}
        onReattach={startReattach}
        suggestions={suggestions}
      />
      {selection.selection && view === 'article' && !readingOlder && (
        <SelectionToolbar
          rect={selection.selection.rect}
          colorLabels={settings.colorLabels}
          onHighlight={(color) => void annotateSelection(color, null)}
          onNote={() => void annotateSelection(lastColor, 'note')}
          onTag={() => void annotateSelection(lastColor, 'tags')}
          onClaim={() => void annotateSelection(lastColor, 'claim', true)}
          onReattach={
            reattach.reattachingId === null ? undefined : () => void reattach.reattachSelection()
          }
        />
      )}
      {versions.diff && versions.list.versions && (
        <VersionDiffDialog
          client={client}
          articleId={articleId}
          versions={[...versions.list.versions]}
          from={versions.diff.from}
          to={versions.diff.to}
          onClose={versions.closeDiff}
          onJump={(offset) => {
            versions.showCurrent();
            // Once the current text is shown again (it is hidden under an older version).
            requestAnimationFrame(() => scrollTo?.(offset, null));
          }}
        />
      )}
      {activeId && (
        <style>{`mark[data-annotation-id="${CSS.escape(activeId)}"] { outline: 2px solid var(--accent); outline-offset: 1px; }`}</style>
      )}
    </div>
  );
}
