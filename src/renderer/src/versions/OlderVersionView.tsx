/**
 * An older version of the open article, read-only: its text as it read then, with the
 * annotations drawn where they were, under a notice that says which version this is and leads
 * back to the current one. Nothing can be annotated here (there is no selection toolbar): new
 * annotations belong to the current text.
 */
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/contract/entities';
import type { Client, ResponseOf } from '../../../shared/contract/operations';
import { createArticleView } from '../reader/article-view';
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
  useEffect(() => {
    const mount = mountRef.current;
    if (!shown || !mount) return;
    const view = createArticleView(mount, shown.document, {
      highlights: olderVersionHighlights(shown.anchors, byId),
    });
    return () => view.destroy();
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
