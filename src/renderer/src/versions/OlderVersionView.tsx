/**
 * An older version of the open article, read-only: its text as it read then, with the
 * annotations drawn where they were, under a notice that says which version this is and leads
 * back to the current one. Nothing can be annotated here (there is no selection toolbar): new
 * annotations belong to the current text.
 */
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/contract/entities';
import type { Client, ResponseOf } from '../../../shared/contract/operations';
import { createArticleView, type ArticleView } from '../reader/article-view';
import type { HighlightSpec } from '../reader/highlight-plugin';
import { useSelector } from '../store/external-store';
import { useStore } from '../store/hooks';
import type { RendererState } from '../store/renderer-store';
import { olderVersionHighlights } from './older-version-highlights';
import { olderVersionNotice, versionDate } from './version-text';

export interface OlderVersionViewProps {
  readonly client: Pick<Client, 'getArticleVersion'>;
  readonly articleId: string;
  readonly number: number;
  /** How many versions the article has. */
  readonly total: number;
  readonly title: string;
  readonly onBack: () => void;
  readonly onError: (error: unknown) => void;
}

type Older = ResponseOf<'getArticleVersion'>;

const selectById = (state: RendererState): ReadonlyMap<string, Annotation> =>
  state.annotations.byId;

export function OlderVersionView(props: OlderVersionViewProps) {
  const { client, articleId, number, total, title, onBack, onError } = props;
  const store = useStore();
  const byId = useSelector(store, selectById);
  const [older, setOlder] = useState<{ key: string; value: Older } | null>(null);
  const key = `${articleId}:${number}`;
  const mountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    client.getArticleVersion({ articleId, number }).then((value) => {
      if (!cancelled) setOlder({ key: `${articleId}:${number}`, value });
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [articleId, client, number, onError]);

  const shown = older?.key === key ? older.value : null;
  // The view is made once per version shown; a change to an annotation meanwhile (a note, a
  // colour) redraws only the highlights that differ: rebuilding a book's text would be slow and
  // would lose the reader's place.
  const drawn = useRef<{ view: ArticleView; highlights: Map<string, HighlightSpec> } | null>(null);
  useEffect(() => {
    const mount = mountRef.current;
    if (!shown || !mount) return;
    const highlights = olderVersionHighlights(shown.anchors, store.getState().annotations.byId);
    const view = createArticleView(mount, shown.document, { highlights });
    drawn.current = { view, highlights: new Map(highlights.map((h) => [h.id, h])) };
    return () => {
      drawn.current = null;
      view.destroy();
    };
  }, [shown, store]);
  useEffect(() => {
    const current = drawn.current;
    if (!shown || !current) return;
    const next = new Map(olderVersionHighlights(shown.anchors, byId).map((h) => [h.id, h]));
    const add: HighlightSpec[] = [];
    const remove: HighlightSpec[] = [];
    for (const [id, was] of current.highlights) {
      const now = next.get(id);
      if (!now || now.color !== was.color) remove.push(was);
    }
    for (const [id, now] of next) {
      const was = current.highlights.get(id);
      if (!was || was.color !== now.color) add.push(now);
    }
    current.highlights = next;
    current.view.applyHighlights({ add, remove });
  }, [shown, byId]);

  return (
    <>
      <div className="version-notice" role="region" aria-label="Older version">
        <span>
          {shown ? olderVersionNotice(shown.version, total) : `Loading version ${number}…`}{' '}
          Annotating works on the current version only.
        </span>
        <button type="button" onClick={onBack}>
          Back to current version
        </button>
      </div>
      <div className="article-scroller version-scroller">
        <article className="article" aria-label={`${title} — version ${number}`}>
          <header className="article-header">
            <h2>{shown?.version.title ?? title}</h2>
            {shown && (
              <p className="article-meta">
                Version {shown.version.number} of {total} · {versionDate(shown.version)}
                {shown.version.sourceName ? ` · from ${shown.version.sourceName}` : ''}
              </p>
            )}
          </header>
          <div ref={mountRef} className="article-mount" />
        </article>
      </div>
    </>
  );
}
