/**
 * One open article: its text with highlights, the selection toolbar, the annotations sidebar and
 * the claims view, with the reader's keyboard shortcuts, undo and redo, and the reading position.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { anchor } from '../../../shared/anchoring/anchor';
import { describeRange } from '../../../shared/anchoring/selectors';
import type {
  Annotation,
  Article,
  HighlightColor,
  Settings,
} from '../../../shared/contract/entities';
import type { ExportFormat } from '../../../shared/contract/interop';
import type { Client } from '../../../shared/contract/operations';
import { annotationsToMarkdown } from '../../../shared/export/annotation-markdown';
import { ClaimsView } from '../annotations/ClaimsView';
import { Sidebar } from '../annotations/Sidebar';
import { useAnnotations } from '../annotations/use-annotations';
import { copiedMessage, copyText } from '../export/clipboard';
import { ExportMenu, type ExportMenuChoice } from '../export/ExportMenu';
import { describeSource } from '../format';
import { createArticleView, type ArticleView } from './article-view';
import type { HighlightSpec } from './highlight-plugin';
import { hasCommandModifier, isBareKey, isTextEntry, isTypingTarget } from './keyboard';
import { selectedRange, type TextRange } from './selection';
import { SelectionToolbar } from './SelectionToolbar';

export interface ReaderProps {
  readonly client: Client;
  readonly articleId: string;
  readonly settings: Settings;
  readonly onError: (error: unknown) => void;
  readonly onChanged: () => void;
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
}

/** "Show this annotation"; `seq` tells two requests for the same annotation apart. */
export interface RevealRequest {
  readonly annotationId: string;
  readonly seq: number;
}

type FocusField = 'note' | 'tags' | 'claim' | null;

interface Suggestions {
  readonly tagNames: string[];
  readonly speakers: string[];
  readonly claimTypes: string[];
}

function toSpecs(article: Article, annotations: readonly Annotation[]): HighlightSpec[] {
  return annotations.flatMap((a) => {
    const found = anchor(article.text, a);
    return found.status === 'orphan'
      ? []
      : [{ id: a.id, start: found.start, end: found.end, color: a.color }];
  });
}

const SAVE_POSITION_MS = 600;

export function Reader({
  client,
  articleId,
  settings,
  onError,
  onChanged,
  onDelete,
  announce,
  onExport,
  reveal = null,
  onRevealed,
}: ReaderProps) {
  const [article, setArticle] = useState<Article | null>(null);
  const [selection, setSelection] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusField, setFocusField] = useState<FocusField>(null);
  const [view, setView] = useState<'article' | 'claims'>('article');
  const [suggestions, setSuggestions] = useState<Suggestions>({
    tagNames: [],
    speakers: [],
    claimTypes: [],
  });
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const scrollerRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<ArticleView | null>(null);
  // Opened to show one annotation: that, not the saved reading position, decides the scroll.
  const openedToReveal = useRef(reveal !== null);
  const revealed = useRef<number | null>(null);

  const refreshSuggestions = useCallback(() => {
    Promise.all([client.listTags({}), client.listSpeakers({}), client.listClaimTypes({})]).then(
      ([{ tags }, { speakers }, { types }]) =>
        setSuggestions({
          tagNames: tags.map((t) => t.name),
          speakers: speakers.map((s) => s.name),
          claimTypes: types,
        }),
      onError,
    );
  }, [client, onError]);

  const changed = useCallback(() => {
    onChanged();
    refreshSuggestions();
  }, [onChanged, refreshSuggestions]);

  const api = useAnnotations(client, articleId, onError, changed);
  const annotations = useMemo(() => api.annotations ?? [], [api.annotations]);

  useEffect(refreshSuggestions, [refreshSuggestions]);

  useEffect(() => {
    let cancelled = false;
    client.getArticle({ id: articleId }).then(({ article }) => {
      if (!cancelled) setArticle(article);
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [client, articleId, onError]);

  const activate = useCallback((id: string | null, field: FocusField = null) => {
    setActiveId(id);
    setFocusField(field);
  }, []);

  // The ProseMirror view lives as long as the article is open.
  useEffect(() => {
    if (!article || !mountRef.current) return;
    const articleView = createArticleView(mountRef.current, article.document, {
      onHighlightClick: (id) => activate(id),
    });
    viewRef.current = articleView;
    const position = article.readingPosition;
    const scroller = scrollerRef.current;
    if (position && scroller && !openedToReveal.current) {
      // After the first layout (and again once settings have resized the text).
      requestAnimationFrame(() => {
        articleView.scrollToOffset(scroller, position);
        requestAnimationFrame(() => articleView.scrollToOffset(scroller, position));
      });
    }
    return () => {
      articleView.destroy();
      viewRef.current = null;
    };
  }, [article, activate]);

  const specs = useMemo(
    () => (article ? toSpecs(article, annotations) : []),
    [article, annotations],
  );
  /** Annotations whose passage is not in this text (imported orphans): listed, never drawn. */
  const unplacedIds = useMemo(() => {
    const placed = new Set(specs.map((spec) => spec.id));
    return new Set(annotations.filter((a) => !placed.has(a.id)).map((a) => a.id));
  }, [specs, annotations]);

  useEffect(() => {
    if (article) viewRef.current?.setHighlights(specs);
  }, [article, specs]);

  // The reading position: saved a moment after scrolling stops, when the article closes, and
  // when the window does.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !article) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      const offset = viewRef.current?.topOffset(scroller);
      if (offset !== undefined) client.setReadingPosition({ articleId, offset }).catch(onError);
    };
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_POSITION_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
  }, [article, articleId, client, onError]);

  useEffect(() => {
    const update = () => {
      const current = viewRef.current;
      const range = current ? selectedRange(current.view, current.map) : null;
      const domSelection = document.getSelection();
      if (!range || !domSelection || domSelection.rangeCount === 0) return setSelection(null);
      setSelection({ range, rect: domSelection.getRangeAt(0).getBoundingClientRect() });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  const jump = useCallback((id: string) => {
    setView('article');
    // After the article is shown again, so it can scroll.
    requestAnimationFrame(() => viewRef.current?.revealHighlight(id));
  }, []);

  // A requested annotation, once the article and its highlights are drawn (the effects above).
  useEffect(() => {
    if (!reveal || !article || api.annotations === null) return;
    if (revealed.current === reveal.seq) return;
    const present = api.annotations.some((a) => a.id === reveal.annotationId);
    const frame = requestAnimationFrame(() => {
      revealed.current = reveal.seq;
      if (present) {
        activate(reveal.annotationId);
        jump(reveal.annotationId);
      } else {
        onError(
          new Error(
            `That annotation is not in “${article.title}” any more: it may have been deleted.`,
          ),
        );
      }
      onRevealed?.();
    });
    return () => cancelAnimationFrame(frame);
  }, [reveal, article, api.annotations, activate, jump, onError, onRevealed]);

  const copyMarkdown = useCallback(
    async (list: readonly Annotation[]) => {
      if (!article || list.length === 0) return;
      try {
        const markdown = annotationsToMarkdown(article, list, {
          colorLabels: settings.colorLabels,
        });
        await copyText(markdown);
        announce(copiedMessage(list.length));
      } catch (error) {
        onError(error);
      }
    },
    [announce, article, onError, settings.colorLabels],
  );

  const chooseExport = useCallback(
    (choice: ExportMenuChoice) => {
      if (choice === 'copy') {
        // Visible: a sighted user who chose the item would otherwise see nothing happen.
        if (annotations.length === 0)
          onError(new Error('There is nothing to copy: this article has no annotations yet.'));
        else void copyMarkdown(annotations);
      } else {
        onExport?.(choice);
      }
    },
    [annotations, copyMarkdown, onError, onExport],
  );

  /** Makes an annotation of the current selection and opens it, focusing `field`. */
  const annotateSelection = useCallback(
    async (color: HighlightColor, field: FocusField, asClaim = false) => {
      const current = viewRef.current;
      if (!current || !article) return;
      const range = selectedRange(current.view, current.map);
      if (!range) return;
      const selectors = describeRange(article.text, range.start, range.end);
      const created = await api.create({
        ...selectors,
        color,
        ...(asClaim ? { claim: { type: 'assertion', speaker: null, status: 'unverified' } } : {}),
      });
      if (!created) return;
      setLastColor(color);
      viewRef.current?.collapseSelection();
      setSelection(null);
      announce(asClaim ? 'Claim marked' : 'Highlighted');
      if (field) activate(created.id, field);
    },
    [activate, announce, api, article],
  );

  const move = useCallback(
    (step: 1 | -1) => {
      if (annotations.length === 0) return;
      const index = annotations.findIndex((a) => a.id === activeId);
      const next =
        index === -1
          ? step === 1
            ? 0
            : annotations.length - 1
          : Math.min(annotations.length - 1, Math.max(0, index + step));
      const target = annotations[next]!;
      activate(target.id);
      jump(target.id);
    },
    [activate, activeId, annotations, jump],
  );

  const undo = useCallback(async () => {
    const label = api.undoLabel;
    await api.undo();
    if (label) announce(`Undid ${label}`);
  }, [announce, api]);

  const redo = useCallback(async () => {
    const label = api.redoLabel;
    await api.redo();
    if (label) announce(`Redid ${label}`);
  }, [announce, api]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // ProseMirror cancels Mod-Z, Mod-Y, Enter and Escape in the article (it keeps them from
      // the browser's own editing), so those still reach us from there.
      const fromArticle =
        event.target instanceof Element && !!event.target.closest('.article-body');
      if (event.defaultPrevented && !fromArticle) return;
      const key = event.key.toLowerCase();
      if (hasCommandModifier(event) && (key === 'z' || key === 'y')) {
        if (isTextEntry(event.target)) return; // the field's own undo
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? redo() : undo());
        return;
      }
      // Tab from a selection in the article goes to the selection toolbar (all its colours).
      const articleView = viewRef.current;
      const domSelection = document.getSelection();
      const range = articleView ? selectedRange(articleView.view, articleView.map) : null;
      if (event.key === 'Tab' && !event.shiftKey && fromArticle && range && domSelection) {
        // Show the toolbar now, even if the selectionchange that would has not run yet.
        const rect = domSelection.getRangeAt(0).getBoundingClientRect();
        flushSync(() => setSelection({ range, rect }));
        const toolbar = document.querySelector('[role="toolbar"][aria-label="Selection"]');
        const first = toolbar?.querySelector<HTMLElement>('button[tabindex="0"], button');
        if (first) {
          event.preventDefault();
          first.focus();
          return;
        }
      }
      if (!isBareKey(event) || isTypingTarget(event.target)) return;
      if (key === 'escape') {
        if (selection) {
          viewRef.current?.collapseSelection();
          setSelection(null);
        } else if (activeId) {
          activate(null);
        } else if (view === 'claims') {
          setView('article');
        } else {
          return;
        }
        event.preventDefault();
        return;
      }
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        move(key === 'j' ? 1 : -1);
        return;
      }
      const withSelection: Record<string, () => Promise<void>> = {
        h: () => annotateSelection(lastColor, null),
        n: () => annotateSelection(lastColor, 'note'),
        t: () => annotateSelection(lastColor, 'tags'),
        c: () => annotateSelection(lastColor, 'claim', true),
      };
      const action = withSelection[key];
      // Read the selection now: the selectionchange that updates state may not have run yet.
      if (action && range) {
        event.preventDefault();
        void action();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [activate, activeId, annotateSelection, lastColor, move, redo, selection, undo, view]);

  if (!article) return <p className="muted">Loading…</p>;
  const claimCount = annotations.filter((a) => a.claim).length;
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
          <span className="toolbar-spacer" />
          <ExportMenu onSelect={chooseExport} />
          <button type="button" onClick={onDelete}>
            Delete article
          </button>
          <button
            type="button"
            onClick={() => void undo()}
            disabled={!api.canUndo}
            aria-keyshortcuts="Control+Z"
            title={api.undoLabel ? `Undo ${api.undoLabel} (Ctrl/⌘+Z)` : 'Nothing to undo'}
          >
            Undo
          </button>
          <button
            type="button"
            onClick={() => void redo()}
            disabled={!api.canRedo}
            aria-keyshortcuts="Control+Shift+Z"
            title={api.redoLabel ? `Redo ${api.redoLabel} (Ctrl/⌘+Shift+Z)` : 'Nothing to redo'}
          >
            Redo
          </button>
        </div>
        <div ref={scrollerRef} className="article-scroller" hidden={view !== 'article'}>
          <article className="article" aria-label={article.title}>
            <header className="article-header">
              <h2>{article.title}</h2>
              <p className="article-meta">{describeSource(article.byline, article.publishedAt)}</p>
            </header>
            <div ref={mountRef} className="article-mount" />
          </article>
        </div>
        {view === 'claims' && (
          <ClaimsView annotations={annotations} onJump={(id) => (activate(id), jump(id))} />
        )}
      </div>
      <Sidebar
        annotations={annotations}
        api={api}
        colorLabels={settings.colorLabels}
        tagNames={suggestions.tagNames}
        speakers={suggestions.speakers}
        claimTypes={suggestions.claimTypes}
        activeId={activeId}
        focusField={focusField}
        onActivate={(id) => activate(id)}
        onJump={jump}
        onCopyMarkdown={(list) => void copyMarkdown(list)}
        unplacedIds={unplacedIds}
      />
      {selection && view === 'article' && (
        <SelectionToolbar
          rect={selection.rect}
          colorLabels={settings.colorLabels}
          onHighlight={(color) => void annotateSelection(color, null)}
          onNote={() => void annotateSelection(lastColor, 'note')}
          onTag={() => void annotateSelection(lastColor, 'tags')}
          onClaim={() => void annotateSelection(lastColor, 'claim', true)}
        />
      )}
      {activeId && (
        <style>{`mark[data-annotation-id="${CSS.escape(activeId)}"] { outline: 2px solid var(--accent); outline-offset: 1px; }`}</style>
      )}
    </div>
  );
}
