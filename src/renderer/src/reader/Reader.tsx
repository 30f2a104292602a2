/**
 * One open article: its header, the read-only text with highlights, a Highlight button for the
 * current selection, and the list of its annotations.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { anchor } from '../../../shared/anchoring/anchor';
import { describeRange } from '../../../shared/anchoring/selectors';
import type { Annotation, Article } from '../../../shared/contract/entities';
import type { Client } from '../../../shared/contract/operations';
import { describeSource } from '../format';
import { createArticleView, type ArticleView } from './article-view';
import type { HighlightSpec } from './highlight-plugin';
import { selectedRange } from './selection';

export interface ReaderProps {
  readonly client: Client;
  readonly articleId: string;
  readonly onError: (error: unknown) => void;
  readonly onChanged: () => void;
}

function toSpecs(article: Article, annotations: readonly Annotation[]): HighlightSpec[] {
  return annotations.flatMap((a) => {
    const found = anchor(article.text, a);
    return found.status === 'orphan'
      ? []
      : [{ id: a.id, start: found.start, end: found.end, color: a.color }];
  });
}

export function Reader({ client, articleId, onError, onChanged }: ReaderProps) {
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [hasSelection, setHasSelection] = useState(false);
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<ArticleView | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([client.getArticle({ id: articleId }), client.listAnnotations({ articleId })]).then(
      ([{ article }, { annotations }]) => {
        if (cancelled) return;
        setArticle(article);
        setAnnotations(annotations);
      },
      onError,
    );
    return () => {
      cancelled = true;
    };
  }, [client, articleId, onError]);

  useEffect(() => {
    if (!article || !mountRef.current) return;
    const articleView = createArticleView(mountRef.current, article.document);
    viewRef.current = articleView;
    return () => {
      articleView.destroy();
      viewRef.current = null;
    };
  }, [article]);

  useEffect(() => {
    if (!article || !viewRef.current) return;
    viewRef.current.setHighlights(toSpecs(article, annotations));
  }, [article, annotations]);

  useEffect(() => {
    const update = () => {
      const view = viewRef.current;
      setHasSelection(view ? selectedRange(view.view, view.map) !== null : false);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  const highlight = useCallback(() => {
    const view = viewRef.current;
    if (!view || !article) return;
    const range = selectedRange(view.view, view.map);
    if (!range) return;
    const selectors = describeRange(article.text, range.start, range.end);
    client.createAnnotation({ articleId: article.id, ...selectors }).then(({ annotation }) => {
      setAnnotations((list) =>
        [...list, annotation].sort(
          (a, b) => a.position.start - b.position.start || a.position.end - b.position.end,
        ),
      );
      document.getSelection()?.removeAllRanges();
      onChanged();
    }, onError);
  }, [article, client, onChanged, onError]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'h' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
        return;
      const view = viewRef.current;
      if (view && selectedRange(view.view, view.map)) {
        event.preventDefault();
        highlight();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [highlight]);

  if (!article) return <p className="muted">Loading…</p>;
  return (
    <div className="reader">
      <article className="article">
        <header className="article-header">
          <h2>{article.title}</h2>
          <p className="article-meta">{describeSource(article.byline, article.publishedAt)}</p>
        </header>
        <div className="toolbar" role="toolbar" aria-label="Selection">
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={highlight}
            disabled={!hasSelection}
            aria-keyshortcuts="H"
            title="Highlight the selected text (H)"
          >
            Highlight
          </button>
          {!hasSelection && <span className="hint">Select text to highlight it.</span>}
        </div>
        <div ref={mountRef} className="article-mount" />
      </article>
      <aside className="annotations" aria-label="Annotations">
        <h3>Annotations</h3>
        {annotations.length === 0 ? (
          <p className="muted">No annotations yet.</p>
        ) : (
          <ol className="annotation-list">
            {annotations.map((a) => (
              <li key={a.id} className={`annotation-card highlight-border-${a.color}`}>
                <blockquote>{a.quote.exact}</blockquote>
              </li>
            ))}
          </ol>
        )}
      </aside>
    </div>
  );
}
